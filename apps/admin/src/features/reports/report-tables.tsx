import type { Schemas } from '@motcua/api-client';
import { Alert, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount, formatPercent } from './report-cells';

type IndicatorsReport = Schemas['IndicatorsReport'];
type IndicatorRow = Schemas['IndicatorRow'];
type IndicatorValue = Schemas['IndicatorValue'];
type IndicatorName = keyof Schemas['Indicators766'];
type SatisfactionReport = Schemas['SatisfactionReport'];
type SatisfactionRow = Schemas['SatisfactionRow'];
type PartiesServedReport = Schemas['PartiesServedReport'];
type PartiesServedRow = Schemas['PartiesServedRow'];

export const INDICATOR_NAMES: readonly IndicatorName[] = [
  'onTime',
  'online',
  'onlinePayment',
  'electronicResult',
  'digitisation',
  'satisfaction',
];
export const SATISFACTION_FACTORS = ['access', 'procedure', 'officer', 'result', 'feedback'] as const;

const score = (value: number | null, max: number) => (value === null ? '—' : `${formatPercent(value).replace(' %', '')} / ${max}`);

/** Decision 766: the total per indicator (rate, target, score), then every agency's rates and score. */
export function IndicatorsTables({ report, loading }: { report: IndicatorsReport | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const total = report?.total;
  const totalRows = total ? INDICATOR_NAMES.map((name) => ({ key: name, ...total.indicators[name] })) : [];
  const totalColumns: TableColumnsType<IndicatorValue & { key: string }> = [
    { title: t('reports.indicators.indicator'), key: 'name', render: (_: unknown, v) => `${v.id}. ${v.name}` },
    { title: t('reports.indicators.numerator'), dataIndex: 'numerator', key: 'numerator', align: 'right', render: formatCount },
    { title: t('reports.indicators.denominator'), dataIndex: 'denominator', key: 'denominator', align: 'right', render: formatCount },
    { title: t('reports.indicators.rate'), dataIndex: 'rate', key: 'rate', align: 'right', render: (r: number | null) => formatPercent(r) },
    { title: t('reports.indicators.target'), dataIndex: 'target', key: 'target', align: 'right', render: (r: number) => formatPercent(r) },
    {
      title: t('reports.indicators.score'),
      key: 'score',
      align: 'right',
      render: (_: unknown, v) => <strong data-testid={`indicator-score-${v.id}`}>{score(v.score, v.pmax)}</strong>,
    },
  ];
  const agencyColumns: TableColumnsType<IndicatorRow> = [
    {
      title: t('reports.indicators.agency'),
      key: 'agency',
      fixed: 'left',
      render: (_: unknown, row) => (
        <div style={{ minWidth: 200 }}>
          <div>{row.agencyName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.agencyCode}
          </Typography.Text>
        </div>
      ),
    },
    ...INDICATOR_NAMES.map((name) => ({
      title: total ? total.indicators[name].id : name,
      key: name,
      align: 'right' as const,
      render: (_: unknown, row: IndicatorRow) => formatPercent(row.indicators[name].rate),
    })),
    {
      title: t('reports.indicators.total'),
      key: 'score',
      align: 'right',
      render: (_: unknown, row) => <strong>{score(row.score, row.maxScore)}</strong>,
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('reports.indicators.caption')}</Typography.Text>
      <Table
        rowKey="key"
        size="small"
        bordered
        loading={loading}
        columns={totalColumns}
        dataSource={totalRows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="indicators-total"
        summary={() =>
          total ? (
            <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
              <Table.Summary.Cell index={0} colSpan={5}>
                {t('reports.indicators.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {score(total.score, total.maxScore)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <Table<IndicatorRow>
        rowKey={(row) => row.agencyId ?? 'total'}
        size="small"
        bordered
        loading={loading}
        columns={agencyColumns}
        dataSource={report?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('reports.indicators.noData') }}
        data-testid="indicators-agencies"
      />
      {report?.notes.length ? (
        <Alert
          type="info"
          showIcon
          message={t('reports.indicators.notes')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {report.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Flex>
  );
}

/** Satisfaction per agency next to the on-time rate of the same rated dossiers (DOMAIN §8). */
export function SatisfactionTable({ report, loading }: { report: SatisfactionReport | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<SatisfactionRow> = [
    { title: t('reports.satisfaction.agency'), dataIndex: 'agencyName', key: 'agency' },
    { title: t('reports.satisfaction.ratings'), dataIndex: 'ratings', key: 'ratings', align: 'right', render: formatCount },
    ...SATISFACTION_FACTORS.map((factor) => ({
      title: t(`reports.satisfaction.factors.${factor}`),
      key: factor,
      align: 'right' as const,
      render: (_: unknown, row: SatisfactionRow) => formatPercent(row.factors[factor]),
    })),
    {
      title: t('reports.satisfaction.index'),
      dataIndex: 'index',
      key: 'index',
      align: 'right',
      render: (v: number | null) => <strong>{formatPercent(v)}</strong>,
    },
    {
      title: t('reports.satisfaction.onTimeRate'),
      dataIndex: 'onTimeRate',
      key: 'onTime',
      align: 'right',
      render: (v: number | null) => formatPercent(v),
    },
  ];
  const total = report?.total;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('reports.satisfaction.caption')}</Typography.Text>
      <Table<SatisfactionRow>
        rowKey="agencyId"
        size="small"
        bordered
        loading={loading}
        columns={columns}
        dataSource={report?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('reports.satisfaction.empty') }}
        data-testid="satisfaction-table"
        summary={() =>
          total && report?.rows.length ? (
            <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
              <Table.Summary.Cell index={0}>{t('reports.ii06a.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {formatCount(total.ratings)}
              </Table.Summary.Cell>
              {SATISFACTION_FACTORS.map((factor, i) => (
                <Table.Summary.Cell key={factor} index={i + 2} align="right">
                  {formatPercent(total.factors[factor])}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={7} align="right">
                {formatPercent(total.index)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8} align="right">
                {formatPercent(total.onTimeRate)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Flex>
  );
}

/** Persons and organisations served per agency, each once (issue 7: from the citizen registry). */
export function PartiesServedTable({ report, loading }: { report: PartiesServedReport | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<PartiesServedRow> = [
    {
      title: t('reports.ii06a.agency'),
      key: 'agency',
      render: (_: unknown, row) => (
        <div>
          <div>{row.agencyName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.agencyCode}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('reports.partiesServed.parties'), dataIndex: 'parties', key: 'parties', align: 'right', render: formatCount },
    { title: t('reports.partiesServed.individuals'), dataIndex: 'individuals', key: 'individuals', align: 'right', render: formatCount },
    { title: t('reports.partiesServed.dossiers'), dataIndex: 'dossiers', key: 'dossiers', align: 'right', render: formatCount },
  ];
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('reports.partiesServed.caption')}</Typography.Text>
      <Table<PartiesServedRow>
        rowKey="agencyId"
        size="small"
        bordered
        loading={loading}
        columns={columns}
        dataSource={report?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('reports.ii06a.empty') }}
        data-testid="parties-served-table"
        summary={() =>
          report?.rows.length ? (
            <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
              <Table.Summary.Cell index={0}>{t('reports.partiesServed.totalParties')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {formatCount(report.totalParties)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
              <Table.Summary.Cell index={3} align="right">
                {formatCount(report.totalDossiers)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Text type="secondary">{t('reports.partiesServed.noExport')}</Typography.Text>
    </Flex>
  );
}

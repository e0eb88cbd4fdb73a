import { FilterOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import { keepPreviousData } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Progress,
  Row,
  Statistic,
  Table,
  Tabs,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { $api, errorMessage } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { formatVietnamDateTime, vietnamNow } from '../../app/format';
import { AgencyTreeSelect } from '../agencies/agency-tree-select';
import { dossierPath } from '../dossiers/labels';
import { formatCount, formatDecimal, formatPercent } from './figures';

type Report = Schemas['AccountabilityReport'];
type OverdueDossier = Schemas['OverdueDossier'];
type HoldingStep = Schemas['HoldingStep'];
type Officer = Schemas['OfficerFigures'];

const DAY = 'YYYY-MM-DD';
const FACTORS = ['access', 'procedure', 'officer', 'result', 'feedback'] as const;
const RED = '#cf1322';
const GREEN = '#389e0d';

interface FilterValues {
  period?: [Dayjs | null, Dayjs | null] | null;
  agencyId?: string;
}

/** The period shown when the address names none: this month so far. */
export function defaultPeriod(today = vietnamNow()): { from: string; to: string } {
  return { from: today.startOf('month').format(DAY), to: today.format(DAY) };
}

function Nowrap({ children }: { children: ReactNode }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;
}

/** One line per step holding the dossier (several for a parallel consultation). */
function StepLines({ steps, render }: { steps: HoldingStep[]; render: (step: HoldingStep) => ReactNode }) {
  return (
    <Flex vertical gap={4}>
      {steps.map((step) => (
        <div key={step.stepId}>{render(step)}</div>
      ))}
    </Flex>
  );
}

/**
 * Trách nhiệm người đứng đầu: an agency's results for its head (QĐ 3455/QĐ-UBND) — timeliness,
 * satisfaction, the dossiers overdue at the end of the period with the step and officer holding
 * them, and each officer's figures. Period and agency travel in the address.
 */
export function AccountabilityPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const fallback = defaultPeriod();
  const from = searchParams.get('from') ?? fallback.from;
  const to = searchParams.get('to') ?? fallback.to;
  const agencyId = searchParams.get('agencyId') ?? undefined;
  const query = $api.useQuery(
    'get',
    '/api/reports/accountability',
    { params: { query: { from, to, agencyId } } },
    { placeholderData: keepPreviousData, meta: { silentErrors: true } },
  );
  const report = query.data;

  const submit = (values: FilterValues) => {
    const params = new URLSearchParams();
    const [start, end] = values.period ?? [];
    if (start) params.set('from', start.format(DAY));
    if (end) params.set('to', end.format(DAY));
    if (values.agencyId) params.set('agencyId', values.agencyId);
    setSearchParams(params, { replace: true });
  };

  return (
    <Card title={t('oversight.accountability.title')}>
      <Typography.Paragraph type="secondary">{t('oversight.accountability.intro')}</Typography.Paragraph>
      <Form<FilterValues>
        key={searchParams.toString()}
        layout="inline"
        onFinish={submit}
        initialValues={{ period: [dayjs(from), dayjs(to)], agencyId }}
        style={{ rowGap: 12, marginBottom: 16 }}
        data-testid="accountability-filters"
      >
        <Form.Item name="period" label={t('oversight.accountability.period')}>
          <DatePicker.RangePicker format="DD/MM/YYYY" allowClear={false} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="agencyId" label={t('oversight.accountability.agency')}>
          <AgencyTreeSelect allowClear placeholder={t('oversight.accountability.agencyPlaceholder')} style={{ width: 340 }} />
        </Form.Item>
        <Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" icon={<FilterOutlined />} data-testid="accountability-apply">
              {t('oversight.accountability.apply')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
          </Flex>
        </Form.Item>
      </Form>
      {query.error != null && (
        <Alert
          type="error"
          showIcon
          message={t('oversight.accountability.loadFailed')}
          description={errorMessage(query.error)}
          style={{ marginBottom: 16 }}
          data-testid="accountability-error"
        />
      )}
      {report && (
        <Flex vertical gap={16} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }} data-testid="accountability-report">
          <Typography.Text type="secondary">
            <Typography.Text strong data-testid="accountability-agency">
              {report.agency.name}
            </Typography.Text>{' '}
            · {t('oversight.accountability.generatedAt', { at: formatVietnamDateTime(report.generatedAt) })}
          </Typography.Text>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <TimelinessCard report={report} />
            </Col>
            <Col xs={24} xl={10}>
              <SatisfactionCard report={report} />
            </Col>
          </Row>
          <Tabs
            items={[
              {
                key: 'overdue',
                label: t('oversight.accountability.overdue.tab', { count: report.overdue.total }),
                children: <OverdueTable report={report} linkDossiers={can('dossiers:read')} />,
              },
              {
                key: 'officers',
                label: t('oversight.accountability.officers.tab', { count: report.officers.length }),
                children: <OfficersTable officers={report.officers} />,
              },
            ]}
            data-testid="accountability-tabs"
          />
        </Flex>
      )}
    </Card>
  );
}

function TimelinessCard({ report }: { report: Report }) {
  const { t } = useTranslation();
  const figures = report.timeliness;
  const stat = (key: string, title: string, value: ReactNode, color?: string, hint?: string) => (
    <Col xs={12} sm={6} key={key}>
      <Statistic
        title={hint ? <Tooltip title={hint}>{title}</Tooltip> : title}
        value={value as string}
        valueStyle={color ? { color } : undefined}
        data-testid={`accountability-${key}`}
      />
    </Col>
  );
  return (
    <Card size="small" title={t('oversight.accountability.timeliness.title')} style={{ height: '100%' }}>
      <Row gutter={[16, 16]}>
        {stat('resolved', t('oversight.accountability.timeliness.resolved'), formatCount(figures.resolvedTotal))}
        {stat('early', t('oversight.accountability.timeliness.early'), formatCount(figures.resolvedEarly), GREEN)}
        {stat('onTime', t('oversight.accountability.timeliness.onTime'), formatCount(figures.resolvedOnTime))}
        {stat(
          'late',
          t('oversight.accountability.timeliness.late'),
          formatCount(figures.resolvedLate),
          figures.resolvedLate ? RED : undefined,
        )}
        {stat(
          'onTimeRate',
          t('oversight.accountability.timeliness.onTimeRate'),
          formatPercent(figures.onTimeRate),
          undefined,
          t('oversight.accountability.timeliness.onTimeRateHint'),
        )}
        {stat('inProcess', t('oversight.accountability.timeliness.inProcess'), formatCount(figures.inProcessTotal))}
        {stat('within', t('oversight.accountability.timeliness.within'), formatCount(figures.inProcessWithin), GREEN)}
        {stat(
          'overdue',
          t('oversight.accountability.timeliness.overdue'),
          formatCount(figures.inProcessOverdue),
          figures.inProcessOverdue ? RED : undefined,
        )}
      </Row>
    </Card>
  );
}

function SatisfactionCard({ report }: { report: Report }) {
  const { t } = useTranslation();
  const satisfaction = report.satisfaction;
  return (
    <Card size="small" title={t('oversight.accountability.satisfaction.title')} style={{ height: '100%' }}>
      <Row gutter={16}>
        <Col span={12}>
          <Statistic
            title={
              <Tooltip title={t('oversight.accountability.satisfaction.hint')}>{t('oversight.accountability.satisfaction.index')}</Tooltip>
            }
            value={formatPercent(satisfaction.index)}
            data-testid="accountability-satisfaction"
          />
        </Col>
        <Col span={12}>
          <Statistic title={t('oversight.accountability.satisfaction.ratings')} value={formatCount(satisfaction.ratings)} />
        </Col>
      </Row>
      <Flex vertical gap={2} style={{ marginTop: 12 }}>
        {FACTORS.map((factor) => {
          const value = satisfaction.factors[factor];
          return (
            <Flex key={factor} align="center" gap={8}>
              <Typography.Text style={{ width: 170, flex: 'none', fontSize: 13 }}>
                {t(`oversight.accountability.satisfaction.factors.${factor}`)}
              </Typography.Text>
              <Progress
                percent={value ?? 0}
                size="small"
                showInfo={false}
                strokeColor={value !== null && value < 50 ? RED : undefined}
                style={{ flex: 1, margin: 0 }}
              />
              <Typography.Text style={{ width: 56, textAlign: 'right', flex: 'none' }}>{formatPercent(value)}</Typography.Text>
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}

function OverdueTable({ report, linkDossiers }: { report: Report; linkDossiers: boolean }) {
  const { t } = useTranslation();
  const none = t('oversight.none');
  const stepCell = (render: (step: HoldingStep) => ReactNode) => (_: unknown, dossier: OverdueDossier) =>
    dossier.heldBy.length ? <StepLines steps={dossier.heldBy} render={render} /> : none;
  const columns: TableColumnsType<OverdueDossier> = [
    {
      title: t('oversight.accountability.overdue.code'),
      key: 'code',
      render: (_: unknown, dossier) => (
        <Nowrap>{linkDossiers ? <Link to={dossierPath(dossier.code)}>{dossier.code}</Link> : dossier.code}</Nowrap>
      ),
    },
    {
      title: t('oversight.accountability.overdue.procedure'),
      key: 'procedure',
      render: (_: unknown, dossier) => (
        <Flex vertical style={{ minWidth: 200, maxWidth: 300 }}>
          <span>{dossier.procedureName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dossier.procedureCode} · {dossier.agencyName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('oversight.accountability.overdue.dueAt'),
      key: 'dueAt',
      render: (_: unknown, dossier) => (
        <Typography.Text type="danger">
          <Nowrap>{formatVietnamDateTime(dossier.dueAt)}</Nowrap>
        </Typography.Text>
      ),
    },
    {
      title: t('oversight.accountability.overdue.step'),
      key: 'step',
      render: (_: unknown, dossier) =>
        dossier.heldBy.length ? (
          <StepLines steps={dossier.heldBy} render={(step) => <div style={{ minWidth: 160, maxWidth: 260 }}>{step.name}</div>} />
        ) : (
          <Typography.Text type="secondary">{t('oversight.accountability.overdue.noRoute')}</Typography.Text>
        ),
    },
    { title: t('oversight.accountability.overdue.stepAgency'), key: 'stepAgency', render: stepCell((step) => step.agencyName) },
    {
      title: t('oversight.accountability.overdue.officer'),
      key: 'officer',
      render: stepCell(
        (step) =>
          step.assigneeName ?? <Typography.Text type="secondary">{t('oversight.accountability.overdue.unassigned')}</Typography.Text>,
      ),
    },
    {
      title: t('oversight.accountability.overdue.since'),
      key: 'since',
      render: stepCell((step) => <Nowrap>{formatVietnamDateTime(step.since)}</Nowrap>),
    },
    {
      title: t('oversight.accountability.overdue.stepDue'),
      key: 'stepDue',
      render: stepCell((step) => <Nowrap>{step.dueAt ? formatVietnamDateTime(step.dueAt) : none}</Nowrap>),
    },
  ];
  return (
    <>
      {report.overdue.truncated && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('oversight.accountability.overdue.truncated', { shown: report.overdue.items.length, total: report.overdue.total })}
        />
      )}
      <Table<OverdueDossier>
        rowKey="dossierId"
        size="middle"
        columns={columns}
        dataSource={report.overdue.items}
        pagination={report.overdue.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('oversight.accountability.overdue.empty') }}
        data-testid="accountability-overdue-table"
      />
    </>
  );
}

function OfficersTable({ officers }: { officers: Officer[] }) {
  const { t } = useTranslation();
  const byNumber = (pick: (officer: Officer) => number | null) => (a: Officer, b: Officer) => (pick(a) ?? -1) - (pick(b) ?? -1);
  const columns: TableColumnsType<Officer> = [
    {
      title: t('oversight.accountability.officers.name'),
      dataIndex: 'fullName',
      key: 'name',
      sorter: (a, b) => a.fullName.localeCompare(b.fullName, 'vi'),
      render: (name: string) => <Nowrap>{name}</Nowrap>,
    },
    { title: t('oversight.accountability.officers.agency'), dataIndex: 'agencyName', key: 'agency' },
    {
      title: t('oversight.accountability.officers.handled'),
      dataIndex: 'dossiersHandled',
      key: 'handled',
      align: 'right',
      sorter: byNumber((o) => o.dossiersHandled),
      render: formatCount,
    },
    {
      title: t('oversight.accountability.officers.steps'),
      dataIndex: 'stepsCompleted',
      key: 'steps',
      align: 'right',
      sorter: byNumber((o) => o.stepsCompleted),
      render: formatCount,
    },
    {
      title: t('oversight.accountability.officers.resolved'),
      dataIndex: 'dossiersResolved',
      key: 'resolved',
      align: 'right',
      sorter: byNumber((o) => o.dossiersResolved),
      render: formatCount,
    },
    {
      title: t('oversight.accountability.officers.onTimeShare'),
      key: 'onTimeShare',
      align: 'right',
      sorter: byNumber((o) => o.onTimeShare),
      render: (_: unknown, officer) => (
        <Flex vertical align="end">
          <span>{formatPercent(officer.onTimeShare)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('oversight.accountability.officers.onTimeOf', { onTime: officer.onTimeDossiers, judged: officer.judgedDossiers })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('oversight.accountability.officers.rating'),
      key: 'rating',
      align: 'right',
      sorter: byNumber((o) => o.officerRatingAverage),
      render: (_: unknown, officer) =>
        officer.ratings ? (
          <Flex vertical align="end">
            <Nowrap>
              {t('oversight.accountability.officers.ratingValue', {
                average: formatDecimal(officer.officerRatingAverage, 2),
                index: formatDecimal(officer.officerIndex),
              })}
            </Nowrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('oversight.accountability.officers.ratingsCount', { count: officer.ratings })}
            </Typography.Text>
          </Flex>
        ) : (
          t('oversight.none')
        ),
    },
  ];
  return (
    <Table<Officer>
      rowKey="userId"
      size="middle"
      columns={columns}
      dataSource={officers}
      pagination={officers.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('oversight.accountability.officers.empty') }}
      data-testid="accountability-officers"
    />
  );
}

import { ArrowLeftOutlined, DownloadOutlined, LockOutlined, RedoOutlined } from '@ant-design/icons';
import type { DossierStatus } from '@motcua/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Input,
  Modal,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
  type ButtonProps,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { $api, errorMessage } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { formatDate, formatVietnamDateTime } from '../../app/format';
import { dossierPath } from '../dossiers/labels';
import { StatusTag, TimelinessTag } from '../dossiers/shared/dossier-tags';
import { FindingEditor, FindingView } from './finding-editor';
import {
  EXPORT_FORMATS,
  INSPECTIONS_PATH,
  inspectionStatusLabel,
  SEED_PATTERN,
  STATUS_COLORS,
  type Inspection,
  type InspectionExportFormat,
  type SampleItem,
} from './inspection-labels';
import { useCloseInspection, useInspectionExport, useRedrawInspection } from './use-inspection-mutations';

const EXPORT_LABELS: Record<InspectionExportFormat, string> = {
  xlsx: 'oversight.inspections.exportXlsx',
  csv: 'oversight.inspections.exportCsv',
  pdf: 'oversight.inspections.exportPdf',
};

/** /thanh-tra/:id — one inspection: its scope and seed, the counts, and the sample with a finding per dossier. */
export function InspectionDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = $api.useQuery('get', '/api/inspections/{id}', { params: { path: { id } } }, { meta: { silentErrors: true } });
  if (query.isLoading) return <Skeleton active />;
  if (!query.data) {
    return (
      <Result
        status="error"
        title={t('oversight.inspections.loadFailed')}
        subTitle={errorMessage(query.error)}
        extra={<Button onClick={() => navigate(INSPECTIONS_PATH)}>{t('oversight.inspections.backToList')}</Button>}
      />
    );
  }
  return <InspectionDetail inspection={query.data} />;
}

function InspectionDetail({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const { modal } = App.useApp();
  const [redrawing, setRedrawing] = useState(false);
  const close = useCloseInspection();
  const exporter = useInspectionExport(inspection.id);
  const open = inspection.status === 'OPEN';
  const conducts = can('inspections:conduct') && open;
  const counts = inspection.counts;

  const confirmClose = () =>
    modal.confirm({
      title: t('oversight.inspections.closeTitle', { title: inspection.title }),
      content: (
        <>
          <p>{t('oversight.inspections.closeConfirm')}</p>
          {counts.pending > 0 && (
            <Alert type="warning" showIcon message={t('oversight.inspections.closePending', { count: counts.pending })} />
          )}
        </>
      ),
      okText: t('oversight.inspections.closeOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'inspection-close-confirm' } as ButtonProps,
      onOk: () => close.mutateAsync({ params: { path: { id: inspection.id } } }),
    });

  const columns: TableColumnsType<SampleItem> = [
    { title: t('oversight.inspections.sample.position'), dataIndex: 'position', key: 'position', width: 56, align: 'right' },
    {
      title: t('oversight.inspections.sample.code'),
      key: 'code',
      render: (_: unknown, item) => (
        <Flex vertical style={{ whiteSpace: 'nowrap' }}>
          {can('dossiers:read') ? <Link to={dossierPath(item.code)}>{item.code}</Link> : <span>{item.code}</span>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('oversight.inspections.sample.receivedAt')}: {formatVietnamDateTime(item.receivedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('oversight.inspections.sample.procedure'),
      key: 'procedure',
      render: (_: unknown, item) => (
        <Flex vertical style={{ minWidth: 180, maxWidth: 260 }}>
          <span>{item.procedureName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.procedureCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('oversight.inspections.sample.agency'),
      dataIndex: 'agencyName',
      key: 'agency',
      render: (name: string) => <div style={{ minWidth: 120, maxWidth: 180 }}>{name}</div>,
    },
    {
      title: t('oversight.inspections.sample.status'),
      key: 'status',
      render: (_: unknown, item) => (
        <Flex vertical gap={4} align="start">
          {/* The contract types the status loosely; the API sends a national status code. */}
          <StatusTag status={item.status as unknown as DossierStatus} />
          <TimelinessTag timeliness={item.timeliness} />
        </Flex>
      ),
    },
    {
      title: t('oversight.inspections.sample.finding'),
      key: 'finding',
      render: (_: unknown, item) =>
        conducts ? (
          // A new recorded finding remounts the editor, so its draft starts from what is saved.
          <FindingEditor key={`${item.dossierId}-${item.finding?.recordedAt ?? 'none'}`} inspectionId={inspection.id} item={item} />
        ) : (
          <FindingView finding={item.finding} />
        ),
    },
  ];

  return (
    <Card
      title={
        <Flex align="center" gap={8} wrap>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(INSPECTIONS_PATH)}
            aria-label={t('oversight.inspections.backToList')}
          />
          <span style={{ whiteSpace: 'normal' }} data-testid="inspection-title">
            {inspection.title}
          </span>
          <Tag color={STATUS_COLORS[inspection.status]} data-testid="inspection-status">
            {inspectionStatusLabel(inspection.status)}
          </Tag>
        </Flex>
      }
      extra={
        <Space wrap>
          {conducts && (
            <Tooltip title={counts.reviewed > 0 ? t('oversight.inspections.redrawLocked') : undefined}>
              <Button
                icon={<RedoOutlined />}
                disabled={counts.reviewed > 0}
                onClick={() => setRedrawing(true)}
                data-testid="inspection-redraw"
              >
                {t('oversight.inspections.redraw')}
              </Button>
            </Tooltip>
          )}
          {conducts && (
            <Button danger icon={<LockOutlined />} onClick={confirmClose} loading={close.isPending} data-testid="inspection-close">
              {t('oversight.inspections.close')}
            </Button>
          )}
        </Space>
      }
    >
      {!open && (
        <Alert
          type="info"
          showIcon
          message={t('oversight.inspections.closedNotice')}
          style={{ marginBottom: 16 }}
          data-testid="inspection-closed"
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'scope',
            label: t('oversight.inspections.scope'),
            children: (
              <>
                {inspection.agency.name} <Typography.Text type="secondary">({inspection.agency.code})</Typography.Text>
              </>
            ),
          },
          {
            key: 'period',
            label: t('oversight.inspections.period'),
            children: `${formatDate(inspection.from)} – ${formatDate(inspection.to)}`,
          },
          {
            key: 'procedure',
            label: t('oversight.inspections.procedure'),
            children: inspection.procedureCode ?? t('oversight.allProcedures'),
          },
          {
            key: 'seed',
            label: t('oversight.inspections.seed'),
            children: (
              <Typography.Text
                code
                copyable={{ text: inspection.seed, tooltips: [t('oversight.inspections.copySeed'), t('oversight.inspections.copied')] }}
                data-testid="inspection-seed"
              >
                {inspection.seed}
              </Typography.Text>
            ),
          },
          {
            key: 'sample',
            label: t('oversight.inspections.sampleSize'),
            children: t('oversight.inspections.sampleSizeValue', {
              sampled: counts.sampled,
              size: inspection.sampleSize,
              population: inspection.population,
            }),
          },
          { key: 'drawnAt', label: t('oversight.inspections.drawnAt'), children: formatVietnamDateTime(inspection.drawnAt) },
          {
            key: 'openedBy',
            label: t('oversight.inspections.openedBy'),
            children: t('oversight.inspections.closedByValue', {
              name: inspection.createdByName ?? t('oversight.none'),
              at: formatVietnamDateTime(inspection.createdAt),
            }),
          },
          ...(inspection.closedAt
            ? [
                {
                  key: 'closedBy',
                  label: t('oversight.inspections.closedBy'),
                  children: t('oversight.inspections.closedByValue', {
                    name: inspection.closedByName ?? t('oversight.none'),
                    at: formatVietnamDateTime(inspection.closedAt),
                  }),
                },
              ]
            : []),
        ]}
      />
      <InspectionCounts inspection={inspection} />
      {can('reports:export') && (
        <Space wrap style={{ marginBottom: 16 }} data-testid="inspection-export">
          <Typography.Text strong>{t('oversight.inspections.export')}:</Typography.Text>
          {EXPORT_FORMATS.map((format) => (
            <Button
              key={format}
              icon={<DownloadOutlined />}
              loading={exporter.isPending && exporter.variables === format}
              disabled={exporter.isPending}
              onClick={() => exporter.mutate(format)}
              data-testid={`inspection-export-${format}`}
            >
              {t(EXPORT_LABELS[format])}
            </Button>
          ))}
        </Space>
      )}
      <Typography.Title level={5}>{t('oversight.inspections.sample.title')}</Typography.Title>
      <Table<SampleItem>
        rowKey="dossierId"
        size="middle"
        columns={columns}
        dataSource={inspection.sample}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('oversight.inspections.sample.empty') }}
        data-testid="inspection-sample"
      />
      <RedrawModal inspection={inspection} open={redrawing} onClose={() => setRedrawing(false)} />
    </Card>
  );
}

/** The counts per verdict, and the problems per category (every category, zeros included, as the report lists them). */
function InspectionCounts({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const counts = inspection.counts;
  const statistics: Array<[string, number, string?]> = [
    ['sampled', counts.sampled],
    ['reviewed', counts.reviewed],
    ['pending', counts.pending, counts.pending ? '#d48806' : undefined],
    ['compliant', counts.compliant, '#389e0d'],
    ['problem', counts.problem, counts.problem ? '#cf1322' : undefined],
  ];
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="inspection-counts">
      <Row gutter={[16, 8]}>
        {statistics.map(([key, value, color]) => (
          <Col key={key} xs={12} sm={8} md={4}>
            <Statistic
              title={t(`oversight.inspections.counts.${key}`)}
              value={value}
              valueStyle={color ? { color } : undefined}
              data-testid={`inspection-count-${key}`}
            />
          </Col>
        ))}
      </Row>
      {counts.problem > 0 && (
        <Space size={[4, 4]} wrap>
          <Typography.Text type="secondary">{t('oversight.inspections.counts.byCategory')}:</Typography.Text>
          {counts.byCategory
            .filter((entry) => entry.count > 0)
            .map((entry) => (
              <Tag key={entry.category} color="red">
                {t(`oversight.inspections.categories.${entry.category}`)}: {entry.count}
              </Tag>
            ))}
        </Space>
      )}
    </Flex>
  );
}

/** Draws the sample again: the current seed gives the same dossiers (if the data did not change), none a new seed. */
function RedrawModal({ inspection, open, onClose }: { inspection: Inspection; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [seed, setSeed] = useState('');
  const [failure, setFailure] = useState<string>();
  const redraw = useRedrawInspection();
  const trimmed = seed.trim();
  const invalid = Boolean(trimmed) && !SEED_PATTERN.test(trimmed);

  const submit = () =>
    redraw.mutate(
      { params: { path: { id: inspection.id } }, body: trimmed ? { seed: trimmed } : {} },
      { onSuccess: onClose, onError: (error) => setFailure(errorMessage(error)) },
    );

  return (
    <Modal
      open={open}
      title={t('oversight.inspections.redrawTitle')}
      okText={t('oversight.inspections.redrawSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={redraw.isPending}
      okButtonProps={{ disabled: invalid }}
      onOk={submit}
      onCancel={onClose}
      afterClose={() => {
        setSeed('');
        setFailure(undefined);
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('oversight.inspections.redrawIntro')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label={t('oversight.inspections.fields.seed')}
          placeholder={t('oversight.inspections.fields.seedPlaceholder')}
          value={seed}
          maxLength={64}
          status={invalid ? 'error' : undefined}
          onChange={(event) => setSeed(event.target.value)}
        />
        <Button onClick={() => setSeed(inspection.seed)}>{t('oversight.inspections.redrawUseCurrent')}</Button>
      </Space.Compact>
      {invalid && <Typography.Text type="danger">{t('oversight.inspections.rules.seedPattern')}</Typography.Text>}
    </Modal>
  );
}

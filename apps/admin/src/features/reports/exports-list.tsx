import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { formatDate, formatVietnamDateTime } from '../../app/format';
import type { ReportExport } from './export-machine';
import { formatCount, formatSize } from './report-cells';
import { useExportDownload } from './use-report-export';

const STATUS_COLORS: Record<ReportExport['status'], string> = {
  QUEUED: 'default',
  RUNNING: 'processing',
  DONE: 'success',
  FAILED: 'error',
};

/** "Tệp đã xuất": the caller's own exports, newest first, with their state and the file once done. */
export function ExportsList() {
  const { t } = useTranslation();
  const list = $api.useQuery(
    'get',
    '/api/reports/exports',
    {},
    // While something runs, the list follows it.
    { refetchInterval: (query) => (query.state.data?.items.some((e) => e.status === 'QUEUED' || e.status === 'RUNNING') ? 2_000 : false) },
  );
  const download = useExportDownload();
  const period = (filters: Record<string, unknown>) =>
    typeof filters['from'] === 'string' && typeof filters['to'] === 'string'
      ? `${formatDate(filters['from'])} – ${formatDate(filters['to'])}`
      : '—';

  const columns: TableColumnsType<ReportExport> = [
    {
      title: t('reports.exports.report'),
      key: 'report',
      render: (_: unknown, e) => (
        <Flex vertical>
          <span>{t(`reports.exports.reports.${e.report}`)}</span>
          {e.filename && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.filename}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('reports.exports.format'), dataIndex: 'format', key: 'format', render: (f: string) => f.toUpperCase() },
    { title: t('reports.exports.period'), key: 'period', render: (_: unknown, e) => period(e.filters as Record<string, unknown>) },
    {
      title: t('reports.exports.status'),
      key: 'status',
      render: (_: unknown, e) =>
        e.status === 'RUNNING' || e.status === 'QUEUED' ? (
          <Progress percent={Math.round(e.progress)} size="small" status="active" style={{ width: 140 }} />
        ) : (
          <Tooltip title={e.status === 'FAILED' ? e.error : e.sha256 ? `SHA-256 ${e.sha256}` : undefined}>
            <Tag color={STATUS_COLORS[e.status]}>{t(`reports.exports.statuses.${e.status}`)}</Tag>
          </Tooltip>
        ),
    },
    {
      title: t('reports.exports.rows'),
      dataIndex: 'rowCount',
      key: 'rows',
      align: 'right',
      render: (n?: number) => (n === undefined ? '—' : formatCount(n)),
    },
    { title: t('reports.exports.size'), dataIndex: 'sizeBytes', key: 'size', align: 'right', render: (n?: number) => formatSize(n) },
    { title: t('reports.exports.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (at: string) => formatVietnamDateTime(at) },
    { title: t('reports.exports.expiresAt'), dataIndex: 'expiresAt', key: 'expiresAt', render: (at: string) => formatVietnamDateTime(at) },
    {
      title: '',
      key: 'download',
      render: (_: unknown, e) =>
        e.status === 'DONE' ? (
          <Button
            icon={<DownloadOutlined />}
            size="small"
            loading={download.isPending && download.variables?.id === e.id}
            onClick={() => download.mutate({ id: e.id, filename: e.filename ?? `${e.report}.${e.format}` })}
            data-testid={`exports-download-${e.id}`}
          >
            {t('reports.export.download')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary">{t('reports.exports.intro')}</Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} aria-label={t('common.reload')} />
      </Flex>
      <Table<ReportExport>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('reports.exports.empty') }}
        data-testid="exports-table"
      />
    </Flex>
  );
}

import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileTextOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isBusy, type ExportFormat, type ExportRequestInput, type ExportState } from './export-machine';
import { formatSize } from './report-cells';
import { useExportDownload, useReportExport } from './use-report-export';

const FORMATS: ReadonlyArray<{ format: ExportFormat; icon: ReactNode }> = [
  { format: 'xlsx', icon: <FileExcelOutlined /> },
  { format: 'csv', icon: <FileTextOutlined /> },
  { format: 'pdf', icon: <FilePdfOutlined /> },
];

const FORMAT_LABELS: Record<ExportFormat, string> = { xlsx: 'XLSX', csv: 'CSV', pdf: 'PDF' };

/** What the export is doing, in words and a progress bar; the download when done; the reason and a retry when not. */
export function ExportStatus({
  state,
  onRetry,
  onDownload,
  downloading,
}: {
  state: ExportState;
  onRetry: () => void;
  onDownload: () => void;
  downloading: boolean;
}) {
  const { t } = useTranslation();
  if (state.phase === 'idle') return null;
  const format = FORMAT_LABELS[state.format];
  return (
    <Flex align="center" gap={12} wrap data-testid="export-status" data-phase={state.phase}>
      {state.phase === 'requesting' && <Typography.Text type="secondary">{t('reports.export.requesting', { format })}</Typography.Text>}
      {state.phase === 'running' && (
        <>
          <Progress
            percent={Math.round(state.progress)}
            status="active"
            size="small"
            style={{ width: 180, margin: 0 }}
            aria-label={t('reports.export.running', { format, progress: Math.round(state.progress) })}
            data-testid="export-progress"
          />
          <Typography.Text type="secondary">
            {state.status === 'QUEUED'
              ? t('reports.export.queued', { format })
              : t('reports.export.running', { format, progress: Math.round(state.progress) })}
          </Typography.Text>
        </>
      )}
      {state.phase === 'done' && (
        <>
          <Typography.Text type="success">
            {t('reports.export.done', { filename: state.filename })}
            {state.sizeBytes !== undefined ? ` (${formatSize(state.sizeBytes)})` : ''}
          </Typography.Text>
          <Button type="primary" icon={<DownloadOutlined />} loading={downloading} onClick={onDownload} data-testid="export-download">
            {t('reports.export.download')}
          </Button>
        </>
      )}
      {state.phase === 'failed' && (
        <>
          <Typography.Text type="danger">{t('reports.export.failed', { reason: state.error })}</Typography.Text>
          <Button icon={<ReloadOutlined />} onClick={onRetry} data-testid="export-retry">
            {t('reports.export.retry')}
          </Button>
        </>
      )}
    </Flex>
  );
}

/** XLSX / CSV / PDF of a report with the filters on screen, run as a background job with its progress. */
export function ExportButtons({ request, compact = false }: { request: ExportRequestInput; compact?: boolean }) {
  const { t } = useTranslation();
  const { state, start } = useReportExport(request);
  const download = useExportDownload();
  const busy = isBusy(state);
  return (
    <Flex vertical={compact} gap={8} align={compact ? 'start' : 'center'} wrap data-testid="export-buttons">
      <Space.Compact>
        {FORMATS.map(({ format, icon }) => (
          <Button
            key={format}
            icon={icon}
            disabled={busy}
            loading={busy && state.format === format}
            onClick={() => start(format)}
            aria-label={`${t('reports.export.label')} ${t(`reports.export.${format}`)}`}
            data-testid={`export-${format}`}
          >
            {FORMAT_LABELS[format]}
          </Button>
        ))}
      </Space.Compact>
      <ExportStatus
        state={state}
        onRetry={() => start(state.phase === 'failed' ? state.format : 'xlsx')}
        onDownload={() => state.phase === 'done' && download.mutate({ id: state.id, filename: state.filename })}
        downloading={download.isPending}
      />
    </Flex>
  );
}

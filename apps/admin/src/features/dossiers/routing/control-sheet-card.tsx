import { PrinterOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import { Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api, errorMessage } from '../../../app/api';
import { formatVietnamDateTime } from '../../../app/format';
import { STEP_STATUS_COLORS, stepStatusLabel } from '../labels';
import { TimelinessTag } from '../shared/dossier-tags';
import { usePrintForm } from '../shared/use-print-form';

type ControlSheetRow = Schemas['ControlSheetRow'];

/** "who · when" in one cell, as the paper form has it. */
function Handover({ by, at }: { by: string | null; at: string | null }) {
  if (!by && !at) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div style={{ minWidth: 140 }}>
      {by && <div>{by}</div>}
      {at && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatVietnamDateTime(at)}
        </Typography.Text>
      )}
    </div>
  );
}

/** Early, on time or late for a done step; "Đã dừng" for one the dossier's stop or withdrawal cancelled (no result). */
function RowResult({ row }: { row: ControlSheetRow }) {
  if (row.status === 'CANCELLED') {
    return (
      <Tag color={STEP_STATUS_COLORS.CANCELLED} data-testid="control-sheet-cancelled">
        {stepStatusLabel('CANCELLED')}
      </Tag>
    );
  }
  return <TimelinessTag timeliness={row.result} />;
}

/** Form 06 on screen: every handover of the route (given by / at, received by / at, result), printable as the PDF. */
export function ControlSheetCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const { print, pendingForm } = usePrintForm();
  const sheet = $api.useQuery(
    'get',
    '/api/dossiers/{code}/control-sheet',
    { params: { path: { code } } },
    { meta: { silentErrors: true } },
  );

  const columns: TableColumnsType<ControlSheetRow> = [
    { title: t('dossiers.controlSheet.seq'), dataIndex: 'seq', key: 'seq', width: 56 },
    {
      title: t('dossiers.controlSheet.step'),
      key: 'step',
      render: (_: unknown, row) => (
        <div style={{ minWidth: 180, maxWidth: 300 }}>
          <div>{row.step}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.agencyName}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('dossiers.controlSheet.given'), key: 'given', render: (_: unknown, row) => <Handover by={row.givenBy} at={row.givenAt} /> },
    {
      title: t('dossiers.controlSheet.received'),
      key: 'received',
      render: (_: unknown, row) => <Handover by={row.receivedBy} at={row.receivedAt} />,
    },
    {
      title: t('dossiers.controlSheet.dueAt'),
      key: 'dueAt',
      render: (_: unknown, row) => <span style={{ whiteSpace: 'nowrap' }}>{formatVietnamDateTime(row.dueAt) || '—'}</span>,
    },
    {
      title: t('dossiers.controlSheet.completedAt'),
      key: 'completedAt',
      render: (_: unknown, row) => <span style={{ whiteSpace: 'nowrap' }}>{formatVietnamDateTime(row.completedAt) || '—'}</span>,
    },
    { title: t('dossiers.controlSheet.result'), key: 'result', render: (_: unknown, row) => <RowResult row={row} /> },
    {
      title: t('dossiers.controlSheet.note'),
      key: 'note',
      render: (_: unknown, row) => (
        <div style={{ maxWidth: 260 }}>
          {row.returnReason && (
            <Typography.Text type="warning">{t('dossiers.controlSheet.returned', { reason: row.returnReason })}</Typography.Text>
          )}
          {row.note && <div>{row.note}</div>}
        </div>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('dossiers.controlSheet.title')}
      extra={
        <Button size="small" icon={<PrinterOutlined />} loading={pendingForm === '06'} onClick={() => print({ code, form: '06' })}>
          {t('dossiers.controlSheet.print')}
        </Button>
      }
      data-testid="control-sheet"
    >
      <Table<ControlSheetRow>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={sheet.data?.rows ?? []}
        loading={sheet.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: sheet.error ? errorMessage(sheet.error) : t('dossiers.controlSheet.empty') }}
        data-testid="control-sheet-table"
      />
    </Card>
  );
}

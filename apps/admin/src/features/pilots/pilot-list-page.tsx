import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { formatDate } from '../../app/format';
import { KeysetPager, useKeysetPaging } from '../../app/keyset-pager';
import { PILOT_STATUS_COLORS, pilotPath, pilotStatusLabel, type Pilot } from './pilot-labels';
import { PilotFormModal } from './pilot-form-modal';
import { useDeletePilot } from './use-pilot-mutations';

export const PILOTS_PAGE_SIZE = 20;

/** "01/06/2026 – 30/06/2026", or "01/06/2026 – Không thời hạn". */
export function PilotPeriod({ pilot }: { pilot: Pick<Pilot, 'startsOn' | 'endsOn'> }) {
  const { t } = useTranslation();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatDate(pilot.startsOn)} – {pilot.endsOn ? formatDate(pilot.endsOn) : t('oversight.openEnded')}
    </span>
  );
}

export function PilotProcedures({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  if (!codes.length) return <Typography.Text type="secondary">{t('oversight.allProcedures')}</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap>
      {codes.map((code) => (
        <Tag key={code}>{code}</Tag>
      ))}
    </Space>
  );
}

/** Thí điểm mô hình: the pilots with an agency in the user's scope; administrators add, edit and delete them. */
export function PilotListPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const manages = can('pilots:manage');
  const [editing, setEditing] = useState<{ pilot?: Pilot } | undefined>();
  const { cursors, cursor, setCursors } = useKeysetPaging('pilots');
  const query = $api.useQuery(
    'get',
    '/api/pilots',
    { params: { query: { cursor, limit: PILOTS_PAGE_SIZE } } },
    { placeholderData: keepPreviousData },
  );
  const remove = useDeletePilot();

  const columns: TableColumnsType<Pilot> = [
    {
      title: t('oversight.pilots.fields.name'),
      key: 'name',
      render: (_: unknown, pilot) => (
        <Flex vertical style={{ minWidth: 240, maxWidth: 420 }}>
          <Link to={pilotPath(pilot.id)}>{pilot.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {pilot.decisionRef}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('oversight.pilots.fields.agencies'),
      key: 'agencies',
      render: (_: unknown, pilot) => (
        <Flex vertical style={{ minWidth: 180 }}>
          {pilot.agencies.map((agency) => (
            <span key={agency.id}>{agency.name}</span>
          ))}
        </Flex>
      ),
    },
    {
      title: t('oversight.pilots.fields.procedures'),
      key: 'procedures',
      render: (_: unknown, pilot) => <PilotProcedures codes={pilot.procedureCodes} />,
    },
    { title: t('oversight.pilots.fields.period'), key: 'period', render: (_: unknown, pilot) => <PilotPeriod pilot={pilot} /> },
    {
      title: t('oversight.pilots.fields.status'),
      key: 'status',
      render: (_: unknown, pilot) => <Tag color={PILOT_STATUS_COLORS[pilot.status]}>{pilotStatusLabel(pilot.status)}</Tag>,
    },
    ...(manages
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, pilot: Pilot) => (
              <Space size={4}>
                <Tooltip title={t('common.edit')}>
                  <Button
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    onClick={() => setEditing({ pilot })}
                    data-testid={`pilot-edit-${pilot.id}`}
                  />
                </Tooltip>
                <Popconfirm
                  title={t('oversight.pilots.deleteTitle', { name: pilot.name })}
                  description={<div style={{ maxWidth: 320 }}>{t('oversight.pilots.deleteConfirm')}</div>}
                  okText={t('oversight.pilots.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove.mutateAsync({ params: { path: { id: pilot.id } } }).then(() => {
                      void message.success(t('oversight.pilots.deleted', { name: pilot.name }));
                    })
                  }
                >
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('oversight.pilots.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('oversight.pilots.title')}
      extra={
        manages && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="pilot-create">
            {t('oversight.pilots.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('oversight.pilots.intro')}</Typography.Paragraph>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
      </Flex>
      <Table<Pilot>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('oversight.pilots.empty') }}
        data-testid="pilot-table"
      />
      <KeysetPager cursors={cursors} nextCursor={query.data?.nextCursor} busy={query.isPlaceholderData} onChange={setCursors} />
      <PilotFormModal
        key={editing?.pilot ? `${editing.pilot.id}-${editing.pilot.version}` : 'new'}
        open={Boolean(editing)}
        pilot={editing?.pilot}
        onClose={() => setEditing(undefined)}
        // A new pilot opens on its page; an edit stays in the list.
        onSaved={(saved) => !editing?.pilot && navigate(pilotPath(saved.id))}
        onReload={() => void query.refetch()}
      />
    </Card>
  );
}

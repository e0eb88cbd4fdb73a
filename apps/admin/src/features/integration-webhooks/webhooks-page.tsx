import { LeftOutlined, PlusOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { formatVietnamDateTime } from '../../app/format';
import { CreateWebhookModal } from './create-webhook-modal';
import { DeliveriesTable } from './deliveries-table';
import { DELIVERIES_PAGE_SIZE, DeliveryLogDrawer } from './delivery-log-drawer';
import { useDeleteWebhook } from './use-webhook-mutations';
import { ALL_DOSSIER_EVENTS, eventLabel, type Webhook } from './webhook-labels';

function Nowrap({ children }: { children: ReactNode }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;
}

/** Dead letters of every subscription in the administrator's scope, newest first, in keyset pages. */
function DeadLetters({ webhooks }: { webhooks: Webhook[] }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const pageIndex = cursors.length - 1;
  const query = $api.useQuery(
    'get',
    '/api/integration/deliveries',
    { params: { query: { status: 'DEAD', cursor: cursors[pageIndex], limit: DELIVERIES_PAGE_SIZE } } },
    { placeholderData: keepPreviousData },
  );
  const nextCursor = query.data?.nextCursor ?? null;
  const urls = useMemo(() => new Map(webhooks.map((webhook) => [webhook.id, webhook.url])), [webhooks]);

  return (
    <section style={{ marginTop: 32 }} data-testid="dead-letters">
      <Flex gap={12} align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
          {t('adminTools.deliveries.deadTitle')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
      </Flex>
      <Typography.Paragraph type="secondary">{t('adminTools.deliveries.deadIntro')}</Typography.Paragraph>
      <DeliveriesTable
        deliveries={query.data?.items ?? []}
        loading={query.isFetching}
        emptyText={t('adminTools.deliveries.deadEmpty')}
        subscriptionOf={(id) => urls.get(id)}
      />
      {(pageIndex > 0 || nextCursor) && (
        <Flex justify="end" align="center" gap={8} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('common.page', { page: pageIndex + 1 })}</Typography.Text>
          <Button icon={<LeftOutlined />} disabled={pageIndex === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('common.previousPage')}
          </Button>
          <Button disabled={!nextCursor || query.isPlaceholderData} onClick={() => nextCursor && setCursors([...cursors, nextCursor])}>
            {t('common.nextPage')} <RightOutlined />
          </Button>
        </Flex>
      )}
    </section>
  );
}

/**
 * Webhook subscriptions of the district and commune portals: subscribe a URL to dossier events,
 * follow each delivery, send again what failed; administrators also see the dead letters.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = $api.useQuery('get', '/api/integration/webhooks');
  const [creating, setCreating] = useState(false);
  const [logOf, setLogOf] = useState<Webhook>();
  const remove = useDeleteWebhook();
  const webhooks = query.data ?? [];

  const columns: TableColumnsType<Webhook> = [
    {
      title: t('adminTools.webhooks.url'),
      dataIndex: 'url',
      key: 'url',
      render: (url: string) => (
        <Typography.Text style={{ wordBreak: 'break-all', minWidth: 220, display: 'inline-block' }}>{url}</Typography.Text>
      ),
    },
    {
      title: t('adminTools.webhooks.events'),
      dataIndex: 'events',
      key: 'events',
      render: (events: string[]) => (
        <Space size={[0, 4]} wrap style={{ maxWidth: 360 }}>
          {events.map((event) => (
            <Tag key={event} title={event} color={event === ALL_DOSSIER_EVENTS ? 'blue' : undefined}>
              {eventLabel(event)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('adminTools.webhooks.secretMasked'),
      dataIndex: 'secret',
      key: 'secret',
      render: (secret: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {secret}
        </Typography.Text>
      ),
    },
    {
      title: t('adminTools.webhooks.owner'),
      key: 'owner',
      render: (_: unknown, webhook) => (
        <Flex vertical>
          <Typography.Text>{webhook.ownerName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`adminTools.webhooks.ownerTypes.${webhook.ownerType}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('adminTools.webhooks.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (at: string) => <Nowrap>{formatVietnamDateTime(at)}</Nowrap>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, webhook) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setLogOf(webhook)} data-testid="webhook-deliveries">
            {t('adminTools.webhooks.deliveries')}
          </Button>
          <Popconfirm
            title={t('adminTools.webhooks.deleteConfirmTitle', { url: webhook.url })}
            description={<div style={{ maxWidth: 360 }}>{t('adminTools.webhooks.deleteConfirm')}</div>}
            okText={t('adminTools.webhooks.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutateAsync({ params: { path: { id: webhook.id } } }).catch(() => undefined)}
          >
            <Button type="link" size="small" danger>
              {t('adminTools.webhooks.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex gap={12} align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary" style={{ flex: 1 }}>
          {t('adminTools.webhooks.intro')}
        </Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="webhook-create">
          {t('adminTools.webhooks.create')}
        </Button>
      </Flex>
      <Table<Webhook>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={webhooks}
        loading={query.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('adminTools.webhooks.empty')} /> }}
        data-testid="webhooks-table"
      />
      {/* The dead letters of the whole scope are read with integration:read (administrators), not by every subscriber. */}
      {can('integration:read') && <DeadLetters webhooks={webhooks} />}
      <CreateWebhookModal open={creating} onClose={() => setCreating(false)} />
      <DeliveryLogDrawer webhook={logOf} onClose={() => setLogOf(undefined)} />
    </>
  );
}

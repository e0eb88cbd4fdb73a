import { RedoOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '../../app/format';
import { useReplayDelivery } from './use-webhook-mutations';
import { DELIVERY_STATUS_COLORS, deliveryStatusLabel, eventLabel, type WebhookDelivery } from './webhook-labels';

function Nowrap({ children }: { children: ReactNode }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;
}

/** The HTTP status of an answer (green 2xx, red otherwise), or "no response" for a timeout or refused connection. */
function HttpStatus({ status }: { status: number | null }) {
  const { t } = useTranslation();
  if (status === null) return <Tag>{t('adminTools.deliveries.noResponse')}</Tag>;
  return <Tag color={status >= 200 && status < 300 ? 'green' : 'red'}>HTTP {status}</Tag>;
}

/** The last attempts of one delivery, newest first, and the event id receivers dedupe by. */
function AttemptLog({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} style={{ padding: '4px 0' }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'eventId',
            label: t('adminTools.deliveries.eventId'),
            children: (
              <Typography.Text code copyable>
                {delivery.eventId}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Text strong>{t('adminTools.deliveries.attemptLog')}</Typography.Text>
      {delivery.attemptLog.length === 0 ? (
        <Typography.Text type="secondary">{t('adminTools.deliveries.noAttempts')}</Typography.Text>
      ) : (
        <Table
          rowKey="attempt"
          size="small"
          pagination={false}
          dataSource={delivery.attemptLog}
          columns={[
            { title: t('adminTools.deliveries.attempt'), dataIndex: 'attempt', key: 'attempt', width: 70 },
            {
              title: t('adminTools.deliveries.attemptAt'),
              dataIndex: 'at',
              key: 'at',
              render: (at: string) => <Nowrap>{formatVietnamDateTime(at)}</Nowrap>,
            },
            {
              title: t('adminTools.deliveries.httpStatus'),
              dataIndex: 'statusCode',
              key: 'statusCode',
              render: (status: number | null) => <HttpStatus status={status} />,
            },
            {
              title: t('adminTools.deliveries.duration'),
              dataIndex: 'durationMs',
              key: 'durationMs',
              render: (ms: number) => (
                <Nowrap>{t('adminTools.deliveries.durationMs', { ms: new Intl.NumberFormat('vi-VN').format(ms) })}</Nowrap>
              ),
            },
            { title: t('adminTools.deliveries.error'), dataIndex: 'error', key: 'error', render: (error: string | null) => error ?? '—' },
          ]}
        />
      )}
    </Flex>
  );
}

/**
 * Deliveries of webhook events: status, attempts, the last answer and the next try, with "send
 * again" per delivery. `subscriptionOf` adds a column naming the subscription (the dead-letter list).
 */
export function DeliveriesTable({
  deliveries,
  loading,
  emptyText,
  subscriptionOf,
  testId,
}: {
  deliveries: WebhookDelivery[];
  loading: boolean;
  emptyText: string;
  subscriptionOf?: (webhookId: string) => string | undefined;
  testId?: string;
}) {
  const { t } = useTranslation();
  const replay = useReplayDelivery();
  const replaying = replay.isPending ? replay.variables?.params.path.deliveryId : undefined;

  const columns: TableColumnsType<WebhookDelivery> = [
    {
      title: t('adminTools.deliveries.eventTime'),
      dataIndex: 'eventTime',
      key: 'eventTime',
      render: (at: string) => <Nowrap>{formatVietnamDateTime(at)}</Nowrap>,
    },
    {
      title: t('adminTools.deliveries.event'),
      key: 'event',
      render: (_: unknown, d) => (
        <Flex vertical>
          <span>{eventLabel(d.type)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.type}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('adminTools.deliveries.dossierCode'),
      dataIndex: 'dossierCode',
      key: 'dossierCode',
      render: (code: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {code}
        </Typography.Text>
      ),
    },
  ];
  if (subscriptionOf) {
    columns.push({
      title: t('adminTools.deliveries.subscription'),
      key: 'subscription',
      render: (_: unknown, d) => {
        const url = subscriptionOf(d.webhookId);
        return (
          <Tooltip title={d.webhookId}>
            <Typography.Text style={{ maxWidth: 260, wordBreak: 'break-all' }}>{url ?? d.webhookId.slice(0, 8)}</Typography.Text>
          </Tooltip>
        );
      },
    });
  }
  columns.push(
    {
      title: t('adminTools.deliveries.status'),
      key: 'status',
      render: (_: unknown, d) => {
        const at = d.status === 'DELIVERED' ? d.deliveredAt : d.status === 'DEAD' ? d.deadAt : null;
        const tag = (
          <Tag color={DELIVERY_STATUS_COLORS[d.status]} data-testid="delivery-status">
            {deliveryStatusLabel(d.status)}
          </Tag>
        );
        if (!at) return tag;
        const key = d.status === 'DELIVERED' ? 'adminTools.deliveries.deliveredAt' : 'adminTools.deliveries.deadAt';
        return <Tooltip title={t(key, { at: formatVietnamDateTime(at) })}>{tag}</Tooltip>;
      },
    },
    { title: t('adminTools.deliveries.attempts'), dataIndex: 'attempts', key: 'attempts', align: 'right' },
    {
      title: t('adminTools.deliveries.lastResult'),
      key: 'lastResult',
      render: (_: unknown, d) =>
        d.attempts === 0 && d.lastStatus === null && !d.lastError ? (
          '—'
        ) : (
          <Flex vertical gap={2} style={{ maxWidth: 280 }}>
            <span>
              <HttpStatus status={d.lastStatus} />
            </span>
            {d.lastError && (
              <Typography.Text type="danger" style={{ fontSize: 12 }} ellipsis={{ tooltip: d.lastError }}>
                {d.lastError}
              </Typography.Text>
            )}
          </Flex>
        ),
    },
    {
      title: t('adminTools.deliveries.nextAttemptAt'),
      dataIndex: 'nextAttemptAt',
      key: 'nextAttemptAt',
      render: (at: string | null, d) => <Nowrap>{d.status === 'PENDING' && at ? formatVietnamDateTime(at) : '—'}</Nowrap>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, d) =>
        // A cancelled delivery belongs to a deleted subscription: there is nowhere to send it.
        d.status === 'CANCELLED' ? null : (
          <Button
            size="small"
            icon={<RedoOutlined />}
            loading={replaying === d.id}
            disabled={Boolean(replaying) && replaying !== d.id}
            onClick={() => replay.mutate({ params: { path: { id: d.webhookId, deliveryId: d.id } } })}
            data-testid="delivery-replay"
          >
            {t('adminTools.deliveries.replay')}
          </Button>
        ),
    },
  );

  return (
    <Table<WebhookDelivery>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={deliveries}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={{ expandedRowRender: (d) => <AttemptLog delivery={d} /> }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      data-testid={testId}
    />
  );
}

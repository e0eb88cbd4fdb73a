import { HistoryOutlined, LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Drawer, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { DeliveriesTable } from './deliveries-table';
import { ReplaySinceModal } from './replay-since-modal';
import { DELIVERY_STATUSES, deliveryStatusLabel, type DeliveryStatus, type Webhook } from './webhook-labels';

export const DELIVERIES_PAGE_SIZE = 20;

/** The delivery log of one subscription, newest event first, in keyset pages. */
function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DeliveryStatus>();
  const [replayingSince, setReplayingSince] = useState(false);
  // Keyset pages: the cursor of every page visited, so "previous" needs no offset. A new filter starts over.
  const filterKey = status ?? '';
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | undefined> }>({ key: filterKey, cursors: [undefined] });
  const cursors = paging.key === filterKey ? paging.cursors : [undefined];
  const pageIndex = cursors.length - 1;
  const query = $api.useQuery(
    'get',
    '/api/integration/webhooks/{id}/deliveries',
    { params: { path: { id: webhook.id }, query: { status, cursor: cursors[pageIndex], limit: DELIVERIES_PAGE_SIZE } } },
    { placeholderData: keepPreviousData },
  );
  const nextCursor = query.data?.nextCursor ?? null;

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<DeliveryStatus>
          allowClear
          value={status}
          onChange={setStatus}
          options={DELIVERY_STATUSES.map((value) => ({ value, label: deliveryStatusLabel(value) }))}
          placeholder={t('adminTools.deliveries.allStatuses')}
          aria-label={t('adminTools.deliveries.status')}
          style={{ width: 200 }}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
        <Button
          icon={<HistoryOutlined />}
          onClick={() => setReplayingSince(true)}
          style={{ marginLeft: 'auto' }}
          data-testid="webhook-replay-since"
        >
          {t('adminTools.deliveries.replaySince')}
        </Button>
      </Flex>
      <DeliveriesTable
        deliveries={query.data?.items ?? []}
        loading={query.isFetching}
        emptyText={t('adminTools.deliveries.empty')}
        testId="delivery-log"
      />
      <Flex justify="end" align="center" gap={8} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('common.page', { page: pageIndex + 1 })}</Typography.Text>
        <Button
          icon={<LeftOutlined />}
          disabled={pageIndex === 0}
          onClick={() => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) })}
        >
          {t('common.previousPage')}
        </Button>
        <Button
          disabled={!nextCursor || query.isPlaceholderData}
          onClick={() => nextCursor && setPaging({ key: filterKey, cursors: [...cursors, nextCursor] })}
        >
          {t('common.nextPage')} <RightOutlined />
        </Button>
      </Flex>
      <ReplaySinceModal webhook={replayingSince ? webhook : undefined} onClose={() => setReplayingSince(false)} />
    </>
  );
}

/** Opens over the subscriptions list; its content (filters, pages) starts afresh for each subscription. */
export function DeliveryLogDrawer({ webhook, onClose }: { webhook: Webhook | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={Boolean(webhook)}
      onClose={onClose}
      width="min(1200px, 100vw)"
      destroyOnHidden
      title={webhook ? t('adminTools.deliveries.title', { url: webhook.url }) : undefined}
    >
      {webhook && <DeliveryLog key={webhook.id} webhook={webhook} />}
    </Drawer>
  );
}

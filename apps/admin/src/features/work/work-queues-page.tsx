import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Badge, Button, Card, Flex, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { formatVietnamDateTime } from '../../app/format';
import { dossierPath, STEP_STATUS_COLORS, stepStatusLabel } from '../dossiers/labels';
import { countText, type TabCount } from '../dossiers/list/use-tab-counts';
import { TimelinessTag } from '../dossiers/shared/dossier-tags';
import { queueBySlug, WORK_QUEUES, type QueueItem, type QueueName } from './queues';

export const QUEUE_PAGE_SIZE = 20;
const COUNT_STALE_MS = 30_000;

function QueueTabLabel({ label, count, color }: { label: string; count: TabCount | undefined; color: string }) {
  const text = countText(count);
  return (
    <Flex align="center" gap={6}>
      <span>{label}</span>
      {text !== undefined && (
        <Badge count={text} showZero overflowCount={Number.MAX_SAFE_INTEGER} color={count?.count ? color : '#d9d9d9'} />
      )}
    </Flex>
  );
}

/** /cong-viec — "Công việc của tôi": the steps waiting at the official's agency, one tab per queue, nearest due first. */
export function WorkQueuesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const queue = queueBySlug(searchParams.get('tab'));

  const counts = $api.useQuery('get', '/api/queues', {}, { staleTime: COUNT_STALE_MS, meta: { silentErrors: true } });
  const countOf = (name: QueueName): TabCount | undefined => counts.data?.items.find((item) => item.queue === name);

  // Keyset pages: the cursor of every page visited, so "previous" needs no offset. Another tab starts over.
  const [paging, setPaging] = useState<{ queue: QueueName; cursors: Array<string | undefined> }>({
    queue: queue.name,
    cursors: [undefined],
  });
  const cursors = paging.queue === queue.name ? paging.cursors : [undefined];
  const pageIndex = cursors.length - 1;
  const page = $api.useQuery(
    'get',
    '/api/queues/{name}',
    { params: { path: { name: queue.name }, query: { cursor: cursors[pageIndex], limit: QUEUE_PAGE_SIZE } } },
    { placeholderData: keepPreviousData },
  );
  const nextCursor = page.data?.nextCursor ?? null;

  const selectTab = (slug: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('tab', slug);
    setSearchParams(next, { replace: true });
  };
  const reload = () => {
    void counts.refetch();
    void page.refetch();
  };

  const columns: TableColumnsType<QueueItem> = [
    {
      title: t('work.code'),
      key: 'code',
      render: (_: unknown, item) => (
        <div>
          <Link
            to={dossierPath(item.dossierCode)}
            style={{ whiteSpace: 'nowrap', fontWeight: 500 }}
            onClick={(event) => event.stopPropagation()}
          >
            {item.dossierCode}
          </Link>
          {item.dossierDueAt && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {t('work.dossierDue', { due: formatVietnamDateTime(item.dossierDueAt) })}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('work.procedure'),
      key: 'procedure',
      render: (_: unknown, item) => <div style={{ minWidth: 200, maxWidth: 320 }}>{item.procedureName}</div>,
    },
    { title: t('work.applicant'), dataIndex: 'applicantName', key: 'applicant' },
    {
      title: t('work.step'),
      key: 'step',
      render: (_: unknown, item) => (
        <Flex vertical align="start" gap={4} style={{ minWidth: 180, maxWidth: 280 }}>
          <span>{item.step.name}</span>
          <Tag color={STEP_STATUS_COLORS[item.step.status]}>{stepStatusLabel(item.step.status)}</Tag>
        </Flex>
      ),
    },
    { title: t('work.agency'), key: 'agency', render: (_: unknown, item) => item.step.agencyName },
    {
      title: t('work.sent'),
      key: 'sent',
      render: (_: unknown, item) => (
        <div style={{ minWidth: 150 }}>
          {item.step.sentByName && <div>{item.step.sentByName}</div>}
          {item.step.sentFromAgencyName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.step.sentFromAgencyName}
            </Typography.Text>
          )}
          <div style={{ whiteSpace: 'nowrap' }}>{formatVietnamDateTime(item.step.sentAt)}</div>
        </div>
      ),
    },
    {
      title: t('work.assignee'),
      key: 'assignee',
      render: (_: unknown, item) => item.step.assigneeName ?? <Typography.Text type="secondary">{t('work.unassigned')}</Typography.Text>,
    },
    {
      title: t('work.stepDue'),
      key: 'due',
      render: (_: unknown, item) => (
        <Flex vertical align="start" gap={4}>
          <span style={{ whiteSpace: 'nowrap' }}>{formatVietnamDateTime(item.step.dueAt) || '—'}</span>
          <TimelinessTag timeliness={item.step.timeliness} />
        </Flex>
      ),
    },
  ];

  return (
    <Card
      title={t('work.title')}
      extra={user && <Typography.Text type="secondary">{t('work.scope', { agency: user.agencyName })}</Typography.Text>}
      styles={{ body: { paddingTop: 0 } }}
    >
      <Tabs
        activeKey={queue.slug}
        onChange={selectTab}
        items={WORK_QUEUES.map((item) => ({
          key: item.slug,
          label: <QueueTabLabel label={t(`work.queues.${item.name}`)} count={countOf(item.name)} color={item.color} />,
        }))}
        data-testid="work-tabs"
      />
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t(`work.hints.${queue.name}`)}</Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('common.reload')} />
      </Flex>
      <Table<QueueItem>
        rowKey={(item) => item.step.id}
        size="middle"
        columns={columns}
        dataSource={page.data?.items ?? []}
        loading={page.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('work.empty') }}
        onRow={(item) => ({ onClick: () => navigate(dossierPath(item.dossierCode)), style: { cursor: 'pointer' } })}
        data-testid="work-table"
      />
      <Flex justify="end" align="center" gap={8} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('common.page', { page: pageIndex + 1 })}</Typography.Text>
        <Button
          icon={<LeftOutlined />}
          disabled={pageIndex === 0}
          onClick={() => setPaging({ queue: queue.name, cursors: cursors.slice(0, -1) })}
        >
          {t('common.previousPage')}
        </Button>
        <Button
          disabled={!nextCursor || page.isPlaceholderData}
          onClick={() => nextCursor && setPaging({ queue: queue.name, cursors: [...cursors, nextCursor] })}
        >
          {t('common.nextPage')} <RightOutlined />
        </Button>
      </Flex>
    </Card>
  );
}

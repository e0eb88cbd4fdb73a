import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Badge, Button, DatePicker, Flex, Input, Segmented, Select, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { $api } from '../../../app/api';
import { useSession } from '../../../app/auth/use-session';
import { formatVietnamDateTime } from '../../../app/format';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { CHANNELS, channelLabel, dossierPath, optionsOf, type Channel, type DossierSummary } from '../labels';
import { StatusTag, TimelinessTag } from '../shared/dossier-tags';
import { ProcedureSelect } from '../shared/procedure-select';
import { countText, useTabCounts, type TabCount } from './use-tab-counts';
import { scopeFromParams, scopeQuery, withoutScope, type WorkListScope } from './work-list-scope';
import { NEW_SUBTABS, WORK_TABS, type ListQuery, type NewSubtab } from './work-tabs';
import { KeysetPager, useKeysetPaging } from '../../../app/keyset-pager';

export const DOSSIERS_PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 350;

interface Filters {
  channel?: Channel;
  procedureCode?: string;
  received?: [Dayjs | null, Dayjs | null] | null;
}

function TabLabel({ label, count, color }: { label: string; count: TabCount | undefined; color?: string }) {
  const text = countText(count);
  return (
    <Flex align="center" gap={6}>
      <span>{label}</span>
      {text !== undefined && (
        <Badge count={text} showZero overflowCount={Number.MAX_SAFE_INTEGER} color={count?.count ? (color ?? 'blue') : '#d9d9d9'} />
      )}
    </Flex>
  );
}

/** What the list is narrowed to when a report or the dashboard opened it, with the way back to everything. */
function ScopeBanner({ scope, onClear }: { scope: WorkListScope; onClear: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const agencies = $api.useQuery(
    'get',
    '/api/agencies',
    {},
    { enabled: Boolean(scope.agencyId) && can('agencies:read'), staleTime: 5 * 60_000 },
  );
  if (!scope.agencyId && !scope.field) return null;
  const agency = agencies.data?.find((candidate) => candidate.id === scope.agencyId)?.name ?? t('dossiers.list.scopeSelectedAgency');
  const basis = { competent: 'scopeCompetent', receiving: 'scopeReceiving' } as const;
  const parts = [
    scope.agencyId ? t(`dossiers.list.${scope.by ? basis[scope.by] : 'scopeEither'}`, { agency }) : undefined,
    scope.field ? t('dossiers.list.scopeField', { field: scope.field }) : undefined,
  ].filter(Boolean);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      message={parts.join(' · ')}
      action={
        <Button size="small" onClick={onClear}>
          {t('dossiers.list.clearScope')}
        </Button>
      }
      data-testid="work-list-scope"
    />
  );
}

/** Hồ sơ: the work list by tab (new, in process, supplement, due soon, overdue…), filtered and paged on the server. */
export function DossierListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = WORK_TABS.find((candidate) => candidate.key === searchParams.get('tab')) ?? WORK_TABS[0];
  const newSubtab: NewSubtab = searchParams.get('moi') === 'SUBMITTED' ? 'SUBMITTED' : 'RECEIVED';
  const scope = scopeFromParams(searchParams);
  const counts = useTabCounts(scope);

  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  // A procedure in the address (from a report or the dashboard) starts as the procedure filter, which the user can change.
  const [filters, setFilters] = useState<Filters>(() => ({ procedureCode: scope.procedureCode }));
  const [from, to] = filters.received ?? [];
  const tabQuery: ListQuery = tab.key === 'moi' ? (NEW_SUBTABS.find((sub) => sub.key === newSubtab)?.query ?? {}) : tab.query;
  const listQuery: ListQuery = {
    ...tabQuery,
    ...scopeQuery(scope),
    q: q || undefined,
    channel: filters.channel,
    procedureCode: filters.procedureCode,
    receivedFrom: from?.format('YYYY-MM-DD'),
    receivedTo: to?.format('YYYY-MM-DD'),
  };

  // Keyset pages: the cursor of every page visited, so "previous" needs no offset. A new tab or filter starts over.
  const pagingKey = JSON.stringify(listQuery);
  const { cursors, cursor, setCursors } = useKeysetPaging(pagingKey);

  const query = $api.useQuery(
    'get',
    '/api/dossiers',
    { params: { query: { ...listQuery, cursor, limit: DOSSIERS_PAGE_SIZE } } },
    { placeholderData: keepPreviousData },
  );
  const nextCursor = query.data?.nextCursor ?? null;

  const selectTab = (key: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('tab', key);
    next.delete('moi');
    setSearchParams(next, { replace: true });
  };
  const selectSubtab = (key: NewSubtab) => {
    const next = new URLSearchParams(searchParams);
    next.set('moi', key);
    setSearchParams(next, { replace: true });
  };

  const columns: TableColumnsType<DossierSummary> = [
    {
      title: t('dossiers.list.code'),
      dataIndex: 'code',
      key: 'code',
      render: (code: string) => (
        <Link to={dossierPath(code)} style={{ whiteSpace: 'nowrap', fontWeight: 500 }} onClick={(event) => event.stopPropagation()}>
          {code}
        </Link>
      ),
    },
    {
      title: t('dossiers.list.procedure'),
      key: 'procedure',
      render: (_: unknown, dossier) => (
        <div style={{ minWidth: 220, maxWidth: 340 }}>
          <div>{dossier.procedureName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dossier.procedureCode} · {channelLabel(dossier.channel)}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('dossiers.list.applicant'), dataIndex: 'applicantName', key: 'applicantName' },
    { title: t('dossiers.list.status'), key: 'status', render: (_: unknown, dossier) => <StatusTag status={dossier.status} /> },
    {
      title: t('dossiers.list.receivedAt'),
      key: 'receivedAt',
      render: (_: unknown, dossier) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatVietnamDateTime(dossier.receivedAt ?? dossier.submittedAt)}</span>
      ),
    },
    {
      title: t('dossiers.list.dueAt'),
      key: 'dueAt',
      render: (_: unknown, dossier) => (
        <Flex vertical align="start" gap={4}>
          <span style={{ whiteSpace: 'nowrap' }}>{formatVietnamDateTime(dossier.dueAt) || '—'}</span>
          <TimelinessTag timeliness={dossier.timeliness} />
        </Flex>
      ),
    },
  ];

  return (
    <>
      <ScopeBanner scope={scope} onClear={() => setSearchParams(withoutScope(searchParams), { replace: true })} />
      <Tabs
        activeKey={tab.key}
        onChange={selectTab}
        items={WORK_TABS.map((item) => ({
          key: item.key,
          label: <TabLabel label={t(item.labelKey)} count={counts.tabs[item.key]} color={item.color} />,
        }))}
        data-testid="dossier-tabs"
      />
      {tab.key === 'moi' && (
        <Segmented<NewSubtab>
          value={newSubtab}
          onChange={selectSubtab}
          style={{ marginBottom: 16 }}
          options={NEW_SUBTABS.map((sub) => {
            const text = countText(counts.newSubtabs[sub.key]);
            return { value: sub.key, label: text === undefined ? t(sub.labelKey) : `${t(sub.labelKey)} (${text})` };
          })}
        />
      )}
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t('dossiers.list.searchPlaceholder')}
          aria-label={t('dossiers.list.searchPlaceholder')}
          style={{ width: 300 }}
          data-testid="dossier-search"
        />
        <Select<Channel>
          allowClear
          value={filters.channel}
          onChange={(channel) => setFilters((current) => ({ ...current, channel }))}
          placeholder={t('dossiers.list.allChannels')}
          aria-label={t('dossiers.list.channel')}
          options={optionsOf(CHANNELS, channelLabel)}
          style={{ width: 170 }}
        />
        <ProcedureSelect
          value={filters.procedureCode}
          onChange={(procedureCode) => setFilters((current) => ({ ...current, procedureCode }))}
          placeholder={t('dossiers.list.allProcedures')}
          aria-label={t('dossiers.list.procedure')}
          style={{ width: 320 }}
          popupMatchSelectWidth={480}
        />
        <DatePicker.RangePicker
          value={filters.received ?? null}
          onChange={(received) => setFilters((current) => ({ ...current, received }))}
          format="DD/MM/YYYY"
          placeholder={[t('dossiers.list.receivedFrom'), t('dossiers.list.receivedTo')]}
          allowEmpty={[true, true]}
          aria-label={t('dossiers.list.receivedAt')}
          style={{ width: 300 }}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
      </Flex>
      <Table<DossierSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('dossiers.list.empty') }}
        onRow={(dossier) => ({ onClick: () => navigate(dossierPath(dossier.code)), style: { cursor: 'pointer' } })}
        data-testid="dossier-table"
      />
      <KeysetPager cursors={cursors} nextCursor={nextCursor} busy={query.isPlaceholderData} onChange={setCursors} />
    </>
  );
}

import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, DatePicker, Dropdown, Flex, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { formatVietnamDateTime } from '../../app/format';
import { useDebouncedValue } from '../../app/use-debounced-value';
import {
  ACCESS_ACTIONS,
  ACTION_COLORS,
  accessActionLabel,
  accessFieldLabel,
  optionsOf,
  partyPath,
  roleLabel,
  type AccessAction,
  type AccessLogEntry,
} from './labels';
import { PartySelect } from './party-select';
import { useExportAccessLog } from './use-party-mutations';
import { KeysetPager, useKeysetPaging } from '../../app/keyset-pager';

const PAGE_SIZE = 50;

/** What the detail page passes on, so the party filter shows a name without reading the party again. */
export interface AccessLogLocationState {
  partyName?: string;
}

/** The first instant of a local date in Vietnam, and the first instant of the day after (the API's `to` is exclusive). */
function vietnamDayStart(day: Dayjs): string {
  return `${day.format('YYYY-MM-DD')}T00:00:00+07:00`;
}

/** Picks an account by name; for auditors who may read the accounts (users:read). */
function UserSelect({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const query = $api.useQuery('get', '/api/users', { params: { query: { q: q || undefined, limit: 20 } } });
  const options = (query.data?.items ?? []).map((user) => ({ value: user.id, label: `${user.username} – ${user.fullName}` }));
  return (
    <Select<string>
      showSearch
      allowClear
      filterOption={false}
      onSearch={setSearch}
      value={value}
      onChange={(id) => onChange(id)}
      options={options}
      loading={query.isFetching}
      placeholder={t('parties.accessLog.allUsers')}
      aria-label={t('parties.accessLog.user')}
      style={{ width: 280 }}
      popupMatchSelectWidth={360}
    />
  );
}

/**
 * Nhật ký truy cập dữ liệu cá nhân: who (account, role, agency) saw or revealed what of whom, why,
 * when and from where — newest first, filtered on the server, for auditors.
 */
export function AccessLogPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const partyName = (location.state as AccessLogLocationState | null)?.partyName;
  const partyId = searchParams.get('partyId') ?? undefined;
  const userId = searchParams.get('userId') ?? undefined;
  const actionParam = searchParams.get('action');
  const action = ACCESS_ACTIONS.find((candidate) => candidate === actionParam);
  const fromDay = searchParams.get('from');
  const toDay = searchParams.get('to');
  const range: [Dayjs | null, Dayjs | null] = [fromDay ? dayjs(fromDay) : null, toDay ? dayjs(toDay) : null];

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearchParams(next, { replace: true, state: location.state });
  };

  const listQuery = {
    partyId,
    userId,
    action,
    from: range[0] ? vietnamDayStart(range[0]) : undefined,
    to: range[1] ? vietnamDayStart(range[1].add(1, 'day')) : undefined,
  };
  const pagingKey = JSON.stringify(listQuery);
  const { cursors, cursor, setCursors } = useKeysetPaging(pagingKey);
  const query = $api.useQuery(
    'get',
    '/api/parties/access-log',
    { params: { query: { ...listQuery, cursor, limit: PAGE_SIZE } } },
    { placeholderData: keepPreviousData },
  );
  const nextCursor = query.data?.nextCursor ?? null;
  const exporter = useExportAccessLog();
  const known = useMemo(
    () => (partyId ? [{ id: partyId, label: partyName ?? t('parties.accessLog.partyShort', { id: partyId.slice(0, 8) }) }] : []),
    [partyId, partyName, t],
  );

  const columns: TableColumnsType<AccessLogEntry> = [
    {
      title: t('parties.accessLog.at'),
      key: 'at',
      render: (_: unknown, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatVietnamDateTime(e.at)}</span>,
    },
    {
      title: t('parties.accessLog.who'),
      key: 'who',
      render: (_: unknown, e) => (
        <Flex vertical>
          <Typography.Text strong>{e.username ?? t(`parties.accessLog.actorTypes.${e.actorType}`)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.roles.map(roleLabel).join(', ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('parties.accessLog.agency'),
      key: 'agency',
      render: (_: unknown, e) => <div style={{ maxWidth: 240 }}>{e.agencyName ?? '—'}</div>,
    },
    {
      title: t('parties.accessLog.party'),
      key: 'party',
      render: (_: unknown, e) => (
        <Tooltip title={e.partyId}>
          <Link to={partyPath(e.partyId)}>
            <Typography.Text code>{e.partyId.slice(0, 8)}</Typography.Text>
          </Link>
        </Tooltip>
      ),
    },
    {
      title: t('parties.accessLog.action'),
      key: 'action',
      render: (_: unknown, e) => <Tag color={ACTION_COLORS[e.action]}>{accessActionLabel(e.action)}</Tag>,
    },
    {
      title: t('parties.accessLog.fields'),
      key: 'fields',
      render: (_: unknown, e) => <div style={{ maxWidth: 220 }}>{e.fields.map(accessFieldLabel).join(', ') || '—'}</div>,
    },
    {
      title: t('parties.accessLog.purpose'),
      key: 'purpose',
      render: (_: unknown, e) => <div style={{ maxWidth: 320 }}>{e.purpose ?? '—'}</div>,
    },
    { title: t('parties.accessLog.ip'), key: 'ip', render: (_: unknown, e) => <Typography.Text code>{e.ip ?? '—'}</Typography.Text> },
  ];

  const exportAs = (format: 'csv' | 'xlsx') => {
    if (!listQuery.from || !listQuery.to) return;
    exporter.mutate({ partyId, userId, action, from: listQuery.from, to: listQuery.to, format });
  };
  const canExport = Boolean(listQuery.from && listQuery.to);

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <PartySelect
          allowClear
          value={partyId}
          onChange={(id) => setParam('partyId', id)}
          known={known}
          aria-label={t('parties.accessLog.party')}
          placeholder={t('parties.accessLog.allParties')}
          style={{ width: 300 }}
          popupMatchSelectWidth={420}
        />
        {can('users:read') && <UserSelect value={userId} onChange={(id) => setParam('userId', id)} />}
        <Select<AccessAction>
          allowClear
          value={action}
          onChange={(value) => setParam('action', value)}
          options={optionsOf(ACCESS_ACTIONS, accessActionLabel)}
          placeholder={t('parties.accessLog.allActions')}
          aria-label={t('parties.accessLog.action')}
          style={{ width: 180 }}
          data-testid="access-log-action"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(value) => {
            const next = new URLSearchParams(searchParams);
            const [from, to] = value ?? [];
            if (from) next.set('from', from.format('YYYY-MM-DD'));
            else next.delete('from');
            if (to) next.set('to', to.format('YYYY-MM-DD'));
            else next.delete('to');
            setSearchParams(next, { replace: true, state: location.state });
          }}
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          placeholder={[t('parties.accessLog.from'), t('parties.accessLog.to')]}
          style={{ width: 280 }}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
        <Tooltip title={canExport ? undefined : t('parties.accessLog.exportNeedsPeriod')}>
          <Dropdown
            disabled={!canExport}
            menu={{
              items: [
                { key: 'xlsx', label: 'Excel (XLSX)' },
                { key: 'csv', label: 'CSV' },
              ],
              onClick: ({ key }) => exportAs(key === 'csv' ? 'csv' : 'xlsx'),
            }}
          >
            <Button icon={<DownloadOutlined />} loading={exporter.isPending} disabled={!canExport} style={{ marginLeft: 'auto' }}>
              {t('parties.accessLog.export')}
            </Button>
          </Dropdown>
        </Tooltip>
      </Flex>
      <Table<AccessLogEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('parties.accessLog.empty') }}
        data-testid="access-log-table"
      />
      <KeysetPager cursors={cursors} nextCursor={nextCursor} busy={query.isPlaceholderData} onChange={setCursors} />
    </>
  );
}

import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { formatDate } from '../../app/format';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { AgencyTreeSelect } from '../agencies/agency-tree-select';
import { ContactExportButton } from './contact-export-dialog';
import {
  NEW_PARTY_PATH,
  optionsOf,
  PARTY_STATUSES,
  PARTY_TYPES,
  partyPath,
  partyStatusLabel,
  partyTypeLabel,
  sexLabel,
  type PartyStatus,
  type PartySummary,
  type PartyType,
} from './labels';
import { IdentifierLines, PartyStatusTag, PartyTypeTag } from './party-tags';
import { KeysetPager, useKeysetPaging } from '../../app/keyset-pager';

export const PARTIES_PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

interface Filters {
  type?: PartyType;
  status?: PartyStatus;
  agencyId?: string;
}

/** Công dân, tổ chức: search as one types (name without diacritics, identifier, phone, tax code), filtered and paged on the server. */
export function PartyListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [filters, setFilters] = useState<Filters>({});
  const listQuery = { q: q || undefined, type: filters.type, status: filters.status, agencyId: filters.agencyId };

  // Keyset pages: the cursor of every page visited, so "previous" needs no offset. A new search starts over.
  const pagingKey = JSON.stringify(listQuery);
  const { cursors, cursor, setCursors } = useKeysetPaging(pagingKey);

  const query = $api.useQuery(
    'get',
    '/api/parties',
    { params: { query: { ...listQuery, cursor, limit: PARTIES_PAGE_SIZE } } },
    { placeholderData: keepPreviousData },
  );
  const nextCursor = query.data?.nextCursor ?? null;

  const columns: TableColumnsType<PartySummary> = [
    {
      title: t('parties.list.name'),
      key: 'name',
      render: (_: unknown, party) => (
        <Flex vertical gap={2}>
          <Link to={partyPath(party.id)} style={{ fontWeight: 500 }} onClick={(event) => event.stopPropagation()}>
            {party.displayName}
          </Link>
          <span>
            <PartyTypeTag type={party.type} />
          </span>
        </Flex>
      ),
    },
    {
      title: t('parties.list.birth'),
      key: 'birth',
      render: (_: unknown, party) => (
        <Flex vertical>
          <span style={{ whiteSpace: 'nowrap' }}>{formatDate(party.dateOfBirth) || '—'}</span>
          {party.sex && <Typography.Text type="secondary">{sexLabel(party.sex)}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('parties.list.identifiers'),
      key: 'identifiers',
      render: (_: unknown, party) => <IdentifierLines identifiers={party.identifiers} />,
    },
    {
      title: t('parties.list.phone'),
      dataIndex: 'phone',
      key: 'phone',
      render: (phone: string | null) => (phone ? <Typography.Text code>{phone}</Typography.Text> : '—'),
    },
    { title: t('parties.list.status'), key: 'status', render: (_: unknown, party) => <PartyStatusTag status={party.status} /> },
  ];

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t('parties.list.searchPlaceholder')}
          aria-label={t('parties.list.searchPlaceholder')}
          style={{ width: 360 }}
          data-testid="party-search"
        />
        <Select<PartyType>
          allowClear
          value={filters.type}
          onChange={(type) => setFilters((current) => ({ ...current, type }))}
          placeholder={t('parties.list.allTypes')}
          aria-label={t('parties.list.type')}
          options={optionsOf(PARTY_TYPES, partyTypeLabel)}
          style={{ width: 160 }}
          data-testid="party-type-filter"
        />
        <Select<PartyStatus>
          allowClear
          value={filters.status}
          onChange={(status) => setFilters((current) => ({ ...current, status }))}
          placeholder={t('parties.list.activeOnly')}
          aria-label={t('parties.list.status')}
          options={optionsOf(PARTY_STATUSES, partyStatusLabel)}
          style={{ width: 170 }}
        />
        {can('agencies:read') && (
          <AgencyTreeSelect
            allowClear
            value={filters.agencyId}
            onChange={(agencyId) => setFilters((current) => ({ ...current, agencyId }))}
            placeholder={t('parties.list.servedBy')}
            aria-label={t('parties.list.servedBy')}
            style={{ width: 280 }}
          />
        )}
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
        <Flex gap={8} style={{ marginLeft: 'auto' }}>
          {can('parties:reveal') && <ContactExportButton />}
          {can('parties:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(NEW_PARTY_PATH)} data-testid="party-create">
              {t('parties.list.create')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Table<PartySummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: q ? t('parties.list.noMatch', { q }) : t('parties.list.empty') }}
        onRow={(party) => ({ onClick: () => navigate(partyPath(party.id)), style: { cursor: 'pointer' } })}
        data-testid="party-table"
      />
      <KeysetPager cursors={cursors} nextCursor={nextCursor} busy={query.isPlaceholderData} onChange={setCursors} />
    </>
  );
}

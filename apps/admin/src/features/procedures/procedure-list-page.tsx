import { CloudUploadOutlined, LeftOutlined, PlusOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { useDebouncedValue } from '../../app/use-debounced-value';
import {
  durationLabel,
  ONLINE_REGIMES,
  options,
  PROCEDURE_LEVELS,
  PROCEDURE_STATUSES,
  procedureLevelLabel,
  REGIME_COLORS,
  regimeLabel,
  STATUS_COLORS,
  statusLabel,
  type OnlineRegime,
  type ProcedureLevel,
  type ProcedureStatus,
} from './labels';
import { ProcedureCreateDrawer } from './procedure-create-drawer';

type ProcedureSummary = Schemas['ProcedureSummary'];

export const PROCEDURES_PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 350;

interface Filters {
  field?: string;
  level?: ProcedureLevel;
  regime?: OnlineRegime;
  status?: ProcedureStatus;
}

/** Danh mục thủ tục: one row per procedure code (its current version), filtered and paged on the server. */
export function ProcedureListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const canManage = can('procedures:manage');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  // Keyset pages: the cursor of every page visited, so "previous" needs no offset. A new filter starts over.
  const filterKey = JSON.stringify([q, filters]);
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | undefined> }>({ key: filterKey, cursors: [undefined] });
  const cursors = paging.key === filterKey ? paging.cursors : [undefined];
  const pageIndex = cursors.length - 1;

  const fields = $api.useQuery('get', '/api/procedures/fields', {}, { staleTime: 5 * 60_000 });
  const query = $api.useQuery(
    'get',
    '/api/procedures',
    { params: { query: { q: q || undefined, ...filters, cursor: cursors[pageIndex], limit: PROCEDURES_PAGE_SIZE } } },
    { placeholderData: keepPreviousData },
  );
  const nextCursor = query.data?.nextCursor ?? null;
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((current) => ({ ...current, [key]: value }));

  const columns: TableColumnsType<ProcedureSummary> = [
    {
      title: t('procedures.code'),
      dataIndex: 'code',
      key: 'code',
      width: 120,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('procedures.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, procedure) => (
        <Flex vertical gap={2}>
          <Link to={`/thu-tuc/${procedure.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {procedure.field}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('procedures.level'),
      dataIndex: 'level',
      key: 'level',
      width: 110,
      render: (level: ProcedureLevel) => procedureLevelLabel(level),
    },
    {
      title: t('procedures.competentAgency'),
      dataIndex: 'competentAgencyName',
      key: 'competentAgencyName',
      render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('procedures.receivingLocalAgency')}</Typography.Text>,
    },
    {
      title: t('procedures.processingTime'),
      key: 'processing',
      width: 150,
      render: (_: unknown, procedure) => (
        <span style={{ whiteSpace: 'nowrap' }}>{durationLabel(procedure.processingAmount, procedure.processingUnit)}</span>
      ),
    },
    {
      title: t('procedures.regime'),
      dataIndex: 'onlineRegime',
      key: 'onlineRegime',
      width: 170,
      render: (regime: OnlineRegime) => <Tag color={REGIME_COLORS[regime]}>{regimeLabel(regime)}</Tag>,
    },
    {
      title: t('procedures.status'),
      dataIndex: 'status',
      key: 'status',
      width: 150,
      render: (status: ProcedureStatus, procedure) => (
        <Space size={4}>
          <Tag color={STATUS_COLORS[status]}>{statusLabel(status)}</Tag>
          <Typography.Text type="secondary">{t('procedures.versionShort', { version: procedure.versionNo })}</Typography.Text>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('nav.procedures')}
      extra={
        canManage && (
          <Space>
            <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/thu-tuc/nhap')} data-testid="procedure-import">
              {t('procedureImport.open')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="procedure-create">
              {t('procedures.create')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('procedures.intro')}</Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t('procedures.searchPlaceholder')}
          aria-label={t('procedures.searchPlaceholder')}
          style={{ width: 320 }}
        />
        <Select<string>
          allowClear
          showSearch
          value={filters.field}
          onChange={(field) => setFilter('field', field)}
          placeholder={t('procedures.allFields')}
          aria-label={t('procedures.field')}
          options={(fields.data ?? []).map((field) => ({ value: field, label: field }))}
          style={{ width: 220 }}
        />
        <Select<ProcedureLevel>
          allowClear
          value={filters.level}
          onChange={(level) => setFilter('level', level)}
          placeholder={t('procedures.allLevels')}
          aria-label={t('procedures.level')}
          options={options(PROCEDURE_LEVELS, procedureLevelLabel)}
          style={{ width: 150 }}
        />
        <Select<OnlineRegime>
          allowClear
          value={filters.regime}
          onChange={(regime) => setFilter('regime', regime)}
          placeholder={t('procedures.allRegimes')}
          aria-label={t('procedures.regime')}
          options={options(ONLINE_REGIMES, regimeLabel)}
          style={{ width: 200 }}
        />
        <Select<ProcedureStatus>
          allowClear
          value={filters.status}
          onChange={(status) => setFilter('status', status)}
          placeholder={t('procedures.currentVersions')}
          aria-label={t('procedures.status')}
          options={options(PROCEDURE_STATUSES, statusLabel)}
          style={{ width: 180 }}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
      </Flex>
      <Table<ProcedureSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
        onRow={(procedure) => ({ onDoubleClick: () => navigate(`/thu-tuc/${procedure.id}`) })}
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
      <ProcedureCreateDrawer open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/thu-tuc/${id}`)} />
    </Card>
  );
}

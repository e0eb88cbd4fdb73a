import { DownloadOutlined, FilterOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import {
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Dropdown,
  Flex,
  Form,
  Input,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { formatVietnamDateTime } from '../../app/format';
import {
  ACTION_FAMILIES,
  TARGET_TYPES,
  actorTypeLabel,
  auditRoleLabel,
  isUuid,
  shortHash,
  type AuditEvent,
  type AuditExportFormat,
} from './audit-labels';
import { useAuditExport } from './use-audit-export';
import { useChainVerification, VerificationResult, VerifyChainButton } from './verify-chain';
import { KeysetPager, useKeysetPaging } from '../../app/keyset-pager';

export const AUDIT_PAGE_SIZE = 50;
const FILTERS = ['action', 'targetType', 'targetId', 'actorId', 'from', 'to'] as const;
type FilterName = (typeof FILTERS)[number];
/** `from` and `to` travel in the address as a wall-clock minute in Vietnam: 2026-03-09T08:00. */
const WALL_CLOCK = 'YYYY-MM-DDTHH:mm';

interface FilterFormValues {
  action?: string;
  targetType?: string;
  targetId?: string;
  actorId?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

/** The API takes instants; both ends of the period are included, `to` to the end of its minute. */
const fromInstant = (wall: string) => `${wall}:00+07:00`;
const toInstant = (wall: string) => `${wall}:59.999+07:00`;

function Nowrap({ children }: { children: ReactNode }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;
}

function Json({ value }: { value: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  if (value === null) return <Typography.Text type="secondary">{t('adminTools.audit.none')}</Typography.Text>;
  return (
    <pre
      style={{
        margin: 0,
        padding: 8,
        maxHeight: 320,
        overflow: 'auto',
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 4,
        fontSize: 12,
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** What the row hides: the state before and after, and what links the record into the chain. */
function AuditDetails({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="audit-details">
      <Flex gap={16} wrap>
        <div style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography.Text strong>{t('adminTools.audit.before')}</Typography.Text>
          <Json value={event.before} />
        </div>
        <div style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography.Text strong>{t('adminTools.audit.after')}</Typography.Text>
          <Json value={event.after} />
        </div>
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'requestId', label: t('adminTools.audit.requestId'), children: event.requestId ?? '—' },
          { key: 'ip', label: t('adminTools.audit.ip'), children: event.ip ?? '—' },
          {
            key: 'prevHash',
            label: t('adminTools.audit.prevHash'),
            children: (
              <Typography.Text code copyable>
                {event.prevHash}
              </Typography.Text>
            ),
          },
          {
            key: 'hash',
            label: t('adminTools.audit.fullHash'),
            children: (
              <Typography.Text code copyable>
                {event.hash}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Flex>
  );
}

/**
 * Nhật ký hệ thống: the tamper-evident audit trail for auditors — every recorded action newest
 * first, filtered on the server, with the chain check and the export of a period with its hashes.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((name) => [name, searchParams.get(name) ?? undefined])) as Record<
    FilterName,
    string | undefined
  >;
  const listQuery = {
    action: filters.action,
    targetType: filters.targetType,
    targetId: filters.targetId,
    actorId: filters.actorId && isUuid(filters.actorId) ? filters.actorId : undefined,
    from: filters.from ? fromInstant(filters.from) : undefined,
    to: filters.to ? toInstant(filters.to) : undefined,
  };
  // Keyset pages: the cursor of every page visited, so "previous" needs no offset. A new filter starts over.
  const pagingKey = JSON.stringify(listQuery);
  const { cursors, cursor, setCursors } = useKeysetPaging(pagingKey);
  const query = $api.useQuery(
    'get',
    '/api/audit',
    { params: { query: { ...listQuery, cursor, limit: AUDIT_PAGE_SIZE } } },
    { placeholderData: keepPreviousData },
  );
  const nextCursor = query.data?.nextCursor ?? null;
  const verification = useChainVerification();
  const brokenId = verification.data && !verification.data.ok ? verification.data.firstBrokenId : undefined;
  const exporter = useAuditExport();

  const applyFilters = (next: Partial<Record<FilterName, string | undefined>>) => {
    const params = new URLSearchParams(searchParams);
    for (const [name, value] of Object.entries(next)) {
      if (value) params.set(name, value);
      else params.delete(name);
    }
    setSearchParams(params, { replace: true });
  };

  const submitFilters = (values: FilterFormValues) => {
    const [from, to] = values.period ?? [];
    applyFilters({
      action: values.action?.trim(),
      targetType: values.targetType?.trim(),
      targetId: values.targetId?.trim(),
      actorId: values.actorId?.trim(),
      from: from?.format(WALL_CLOCK),
      to: to?.format(WALL_CLOCK),
    });
  };

  const exportAs = (format: AuditExportFormat) => {
    if (listQuery.from && listQuery.to) exporter.mutate({ from: listQuery.from, to: listQuery.to, format });
  };
  const canExport = Boolean(listQuery.from && listQuery.to);

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('adminTools.audit.id'),
      dataIndex: 'id',
      key: 'id',
      render: (id: string) =>
        id === brokenId ? (
          <Tooltip title={t('adminTools.audit.brokenRow')}>
            <Tag color="red">#{id}</Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">#{id}</Typography.Text>
        ),
    },
    {
      title: t('adminTools.audit.at'),
      dataIndex: 'at',
      key: 'at',
      render: (at: string) => (
        <Tooltip title={at}>
          <Nowrap>{formatVietnamDateTime(at)}</Nowrap>
        </Tooltip>
      ),
    },
    {
      title: t('adminTools.audit.actor'),
      key: 'actor',
      render: (_: unknown, e) => (
        <Flex vertical style={{ minWidth: 160 }}>
          <Space size={4}>
            <Typography.Text strong>{e.actorName ?? actorTypeLabel(e.actorType)}</Typography.Text>
            {e.actorId && (
              <Tooltip title={`${t('adminTools.audit.filterByActor')} (${e.actorId})`}>
                <Button
                  type="text"
                  size="small"
                  icon={<FilterOutlined />}
                  aria-label={t('adminTools.audit.filterByActor')}
                  onClick={() => applyFilters({ actorId: e.actorId ?? undefined })}
                />
              </Tooltip>
            )}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {actorTypeLabel(e.actorType)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('adminTools.audit.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (roles: string[]) =>
        roles.length ? (
          <Space size={[0, 4]} wrap>
            {roles.map((role) => (
              <Tag key={role}>{auditRoleLabel(role)}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('adminTools.audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (action: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {action}
        </Typography.Text>
      ),
    },
    {
      title: t('adminTools.audit.target'),
      key: 'target',
      render: (_: unknown, e) =>
        e.targetType ? (
          <Space size={4}>
            <Flex vertical>
              <span>{e.targetType}</span>
              {e.targetId && (
                <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                  {e.targetId}
                </Typography.Text>
              )}
            </Flex>
            <Tooltip title={t('adminTools.audit.filterByTarget')}>
              <Button
                type="text"
                size="small"
                icon={<FilterOutlined />}
                aria-label={t('adminTools.audit.filterByTarget')}
                onClick={() => applyFilters({ targetType: e.targetType ?? undefined, targetId: e.targetId ?? undefined })}
              />
            </Tooltip>
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('adminTools.audit.hash'),
      dataIndex: 'hash',
      key: 'hash',
      render: (hash: string) => (
        <Tooltip title={hash}>
          <Typography.Text
            code
            copyable={{ text: hash, tooltips: [t('adminTools.audit.copyHash'), t('adminTools.audit.copied')] }}
            style={{ whiteSpace: 'nowrap' }}
          >
            {shortHash(hash)}
          </Typography.Text>
        </Tooltip>
      ),
    },
  ];

  const period: [Dayjs | null, Dayjs | null] | null =
    filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null;

  return (
    <Card title={t('adminTools.audit.title')}>
      <Typography.Paragraph type="secondary">{t('adminTools.audit.intro')}</Typography.Paragraph>
      {/* Remounted when the address changes (a filter link in a row), so the fields show what is applied. */}
      <Form<FilterFormValues>
        key={searchParams.toString()}
        layout="inline"
        onFinish={submitFilters}
        initialValues={{ ...filters, period }}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item name="action" label={t('adminTools.audit.action')} tooltip={t('adminTools.audit.actionHint')}>
          <AutoComplete
            allowClear
            options={ACTION_FAMILIES.map((family) => ({ value: `${family}.*` }))}
            filterOption={(input, option) => String(option?.value ?? '').startsWith(input.trim())}
            placeholder={t('adminTools.audit.actionPlaceholder')}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item name="targetType" label={t('adminTools.audit.targetType')}>
          <AutoComplete
            allowClear
            options={TARGET_TYPES.map((type) => ({ value: type }))}
            filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
            placeholder={t('adminTools.audit.targetTypePlaceholder')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="targetId" label={t('adminTools.audit.targetId')}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="actorId"
          label={t('adminTools.audit.actorId')}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || isUuid(value.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('adminTools.audit.actorIdInvalid'))),
            },
          ]}
        >
          <Input allowClear style={{ width: 300 }} placeholder="00000000-0000-0000-0000-000000000000" />
        </Form.Item>
        <Form.Item name="period" label={t('adminTools.audit.period')}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="DD/MM/YYYY HH:mm"
            allowEmpty={[true, true]}
            placeholder={[t('adminTools.audit.from'), t('adminTools.audit.to')]}
            style={{ width: 340 }}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<FilterOutlined />} data-testid="audit-apply">
              {t('adminTools.audit.apply')}
            </Button>
            <Button onClick={() => setSearchParams(new URLSearchParams(), { replace: true })}>{t('adminTools.audit.clear')}</Button>
          </Space>
        </Form.Item>
      </Form>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
        {can('audit:verify') && <VerifyChainButton verification={verification} />}
        <Tooltip title={canExport ? undefined : t('adminTools.audit.exportNeedsPeriod')}>
          <Dropdown
            disabled={!canExport || exporter.isPending}
            menu={{
              items: [
                { key: 'csv', label: t('adminTools.audit.exportCsv') },
                { key: 'ndjson', label: t('adminTools.audit.exportNdjson') },
              ],
              onClick: ({ key }) => exportAs(key === 'ndjson' ? 'ndjson' : 'csv'),
            }}
          >
            <Button icon={<DownloadOutlined />} loading={exporter.isPending} disabled={!canExport} data-testid="audit-export">
              {t('adminTools.audit.export')}
            </Button>
          </Dropdown>
        </Tooltip>
      </Flex>
      {can('audit:verify') && (
        <VerificationResult result={verification.data} checkedAt={verification.dataUpdatedAt} fetching={verification.isFetching} />
      )}
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (event) => <AuditDetails event={event} /> }}
        onRow={(event) => (event.id === brokenId ? { style: { background: '#fff1f0' } } : {})}
        locale={{ emptyText: t('adminTools.audit.empty') }}
        data-testid="audit-table"
      />
      <KeysetPager cursors={cursors} nextCursor={nextCursor} busy={query.isPlaceholderData} onChange={setCursors} />
    </Card>
  );
}

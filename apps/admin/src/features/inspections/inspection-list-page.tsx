import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { formatDate, formatVietnamDateTime } from '../../app/format';
import { KeysetPager, useKeysetPaging } from '../../app/keyset-pager';
import {
  INSPECTION_STATUSES,
  inspectionPath,
  inspectionStatusLabel,
  STATUS_COLORS,
  type InspectionStatus,
  type InspectionSummary,
} from './inspection-labels';
import { OpenInspectionModal } from './open-inspection-modal';

export const INSPECTIONS_PAGE_SIZE = 20;

const isStatus = (value: string | null): value is InspectionStatus => (INSPECTION_STATUSES as readonly string[]).includes(value ?? '');

/** Thanh tra, kiểm tra: the inspections of the user's scope, newest first, and "Mở đợt kiểm tra" for auditors. */
export function InspectionListPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const statusParam = searchParams.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const [opening, setOpening] = useState(false);
  const { cursors, cursor, setCursors } = useKeysetPaging(status ?? 'all');
  const query = $api.useQuery(
    'get',
    '/api/inspections',
    { params: { query: { status, cursor, limit: INSPECTIONS_PAGE_SIZE } } },
    { placeholderData: keepPreviousData },
  );

  const columns: TableColumnsType<InspectionSummary> = [
    {
      title: t('oversight.inspections.columns.title'),
      key: 'title',
      render: (_: unknown, inspection) => (
        <Flex vertical>
          <Link to={inspectionPath(inspection.id)}>{inspection.title}</Link>
          {inspection.procedureCode && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('oversight.inspections.procedure')}: {inspection.procedureCode}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('oversight.inspections.columns.agency'), key: 'agency', render: (_: unknown, inspection) => inspection.agency.name },
    {
      title: t('oversight.inspections.columns.period'),
      key: 'period',
      render: (_: unknown, inspection) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatDate(inspection.from)} – {formatDate(inspection.to)}
        </span>
      ),
    },
    {
      title: t('oversight.inspections.columns.sample'),
      key: 'sample',
      align: 'right',
      render: (_: unknown, inspection) =>
        t('oversight.inspections.sampleOf', { sampled: inspection.counts.sampled, population: inspection.population }),
    },
    {
      title: t('oversight.inspections.columns.progress'),
      key: 'progress',
      align: 'right',
      render: (_: unknown, inspection) => `${inspection.counts.reviewed}/${inspection.counts.sampled}`,
    },
    {
      title: t('oversight.inspections.columns.problems'),
      key: 'problems',
      align: 'right',
      render: (_: unknown, inspection) =>
        inspection.counts.problem ? <Tag color="red">{inspection.counts.problem}</Tag> : inspection.counts.problem,
    },
    {
      title: t('oversight.inspections.columns.status'),
      key: 'status',
      render: (_: unknown, inspection) => <Tag color={STATUS_COLORS[inspection.status]}>{inspectionStatusLabel(inspection.status)}</Tag>,
    },
    {
      title: t('oversight.inspections.columns.createdAt'),
      key: 'createdAt',
      render: (_: unknown, inspection) => (
        <Flex vertical>
          <span style={{ whiteSpace: 'nowrap' }}>{formatVietnamDateTime(inspection.createdAt)}</span>
          {inspection.createdByName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {inspection.createdByName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];

  const setStatus = (value: string) => {
    const params = new URLSearchParams(searchParams);
    if (isStatus(value)) params.set('status', value);
    else params.delete('status');
    setSearchParams(params, { replace: true });
  };

  return (
    <Card
      title={t('oversight.inspections.title')}
      extra={
        can('inspections:conduct') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="inspection-open">
            {t('oversight.inspections.open')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('oversight.inspections.intro')}</Typography.Paragraph>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={status ?? 'all'}
          onChange={(value) => setStatus(String(value))}
          options={[
            { value: 'all', label: t('oversight.inspections.all') },
            ...INSPECTION_STATUSES.map((value) => ({ value, label: inspectionStatusLabel(value) })),
          ]}
          aria-label={t('oversight.inspections.filterStatus')}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
      </Flex>
      <Table<InspectionSummary>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('oversight.inspections.empty') }}
        data-testid="inspection-table"
      />
      <KeysetPager cursors={cursors} nextCursor={query.data?.nextCursor} busy={query.isPlaceholderData} onChange={setCursors} />
      <OpenInspectionModal open={opening} onClose={() => setOpening(false)} />
    </Card>
  );
}

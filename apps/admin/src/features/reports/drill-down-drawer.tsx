import { keepPreviousData } from '@tanstack/react-query';
import { Drawer, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { KeysetPager, useKeysetPaging } from '../../app/keyset-pager';
import { dossierPath } from '../dossiers/labels';
import { ExportButtons } from './export-buttons';
import type { DrillTarget } from './ii06a-table';
import { formatCount } from './report-cells';
import { reportQuery, type ReportFilters } from './report-filters';

export const DRILL_PAGE_SIZE = 50;

/**
 * The dossiers behind one number of II.06a, with the same filters and source as the report, so
 * their count is the number clicked; keyset pages of 50, and the list as a file.
 */
export function DrillDownDrawer({ filters, target, onClose }: { filters: ReportFilters; target: DrillTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const scoped = reportQuery(target?.procedureCode ? { ...filters, procedureCode: target.procedureCode } : filters);
  const query = { ...scoped, cell: target?.cell ?? 'receivedTotal', ...(target?.rowAgencyId ? { rowAgencyId: target.rowAgencyId } : {}) };
  const { cursors, cursor, setCursors } = useKeysetPaging(JSON.stringify(query));
  const page = $api.useQuery(
    'get',
    '/api/reports/ii06a/dossiers',
    { params: { query: { ...query, cursor, limit: DRILL_PAGE_SIZE } } },
    { enabled: Boolean(target), placeholderData: keepPreviousData },
  );
  const items = page.data?.items ?? [];
  const first = (cursors.length - 1) * DRILL_PAGE_SIZE + 1;

  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      width={520}
      title={target ? t('reports.drill.title', { cell: t(`reports.ii06a.cellsLong.${target.cell}`), agency: target.agencyName }) : ''}
      destroyOnHidden
      data-testid="drill-drawer"
    >
      {target && (
        <Flex vertical gap={12}>
          <Typography.Text strong data-testid="drill-count">
            {t('reports.drill.count', { count: target.count, formatted: formatCount(target.count) })}
          </Typography.Text>
          {can('reports:export') && (
            <ExportButtons
              request={{
                report: 'ii06a-dossiers',
                ...scoped,
                cell: target.cell,
                ...(target.rowAgencyId ? { rowAgencyId: target.rowAgencyId } : {}),
              }}
              compact
            />
          )}
          <List
            size="small"
            bordered
            loading={page.isFetching}
            dataSource={items}
            locale={{ emptyText: t('reports.drill.empty') }}
            header={
              items.length ? (
                <Typography.Text type="secondary">{t('reports.drill.range', { first, last: first + items.length - 1 })}</Typography.Text>
              ) : null
            }
            renderItem={(code) => (
              <List.Item data-testid="drill-item">
                <Link to={dossierPath(code)} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {code}
                </Link>
              </List.Item>
            )}
            data-testid="drill-list"
          />
          <KeysetPager cursors={cursors} nextCursor={page.data?.nextCursor} busy={page.isPlaceholderData} onChange={setCursors} />
        </Flex>
      )}
    </Drawer>
  );
}

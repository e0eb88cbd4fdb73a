import { ArrowRightOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Segmented, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { formatVietnamDateTime } from '../../app/format';
import { formatCount, formatPercent } from '../reports/report-cells';
import { ReportFiltersBar } from '../reports/report-filters-bar';
import {
  filtersFromParams,
  filtersToParams,
  reportQuery,
  shortcutPeriod,
  vietnamToday,
  type ReportFilters,
} from '../reports/report-filters';
import { SourceBadge } from '../reports/source-badge';
import { workListPath, type WorkListScope } from '../dossiers/list/work-list-scope';

type Granularity = Schemas['Dashboard']['granularity'];
const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

// The charting library is loaded with the dashboard only, not with every page of the admin.
const DashboardCharts = lazy(() => import('./dashboard-charts').then((module) => ({ default: module.DashboardCharts })));

/** The work-list tabs that show what the overdue and due-soon tiles count. */
export const OVERDUE_TAB = 'qua-han';
export const DUE_SOON_TAB = 'sap-den-han';

function Tile({
  title,
  value,
  detail,
  testId,
  link,
  color,
}: {
  title: string;
  value: string;
  detail?: ReactNode;
  testId: string;
  link?: { to: string; label: string };
  color?: string;
}) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Statistic title={title} value={value} valueStyle={color ? { color } : undefined} />
      {detail && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {detail}
        </Typography.Text>
      )}
      {link && (
        <div style={{ marginTop: 4 }}>
          <Link to={link.to} data-testid={`${testId}-link`}>
            {link.label} <ArrowRightOutlined />
          </Link>
        </div>
      )}
    </Card>
  );
}

/**
 * Tổng quan: the admin's home for those who read reports — received vs resolved over time, the
 * on-time rate of each agency below, what is overdue or due soon now (linked to the work list), the
 * online share, satisfaction and the Decision 766 scores, all from GET /api/reports/dashboard,
 * which takes them from the reports themselves.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromParams(searchParams, shortcutPeriod('last12Months', vietnamToday()));
  const requested = searchParams.get('g') as Granularity | null;
  const granularity = requested && GRANULARITIES.includes(requested) ? requested : undefined;
  const query = $api.useQuery(
    'get',
    '/api/reports/dashboard',
    { params: { query: { ...reportQuery(filters), ...(granularity ? { granularity } : {}) } } },
    { placeholderData: keepPreviousData },
  );
  const data = query.data;
  const setFilters = (next: ReportFilters) => setSearchParams(filtersToParams(next, searchParams), { replace: true });
  const setGranularity = (g: Granularity) => {
    const next = new URLSearchParams(searchParams);
    next.set('g', g);
    setSearchParams(next, { replace: true });
  };
  const reportsLink = `/bao-cao?${filtersToParams(filters, new URLSearchParams()).toString()}`;
  // The tiles count under the dashboard's agency, on its basis, with its procedure and field: the list opens the same dossiers.
  const tileScope: WorkListScope = {
    agencyId: data?.agency.id,
    by: filters.by,
    procedureCode: filters.procedureCode,
    field: filters.field,
  };

  return (
    <Flex vertical gap={16} data-testid="dashboard">
      <Card
        title={t('reports.dashboard.title')}
        extra={
          <Flex gap={8} align="center">
            <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} aria-label={t('common.reload')} />
            {can('reports:read') && <Link to={reportsLink}>{t('reports.dashboard.openReports')}</Link>}
          </Flex>
        }
      >
        {data && (
          <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{t('reports.dashboard.intro', { agency: data.agency.name })}</Typography.Text>
            <SourceBadge report={data} />
          </Flex>
        )}
        <ReportFiltersBar
          filters={filters}
          onChange={setFilters}
          shortcuts={['thisMonth', 'lastMonth', 'thisYear', 'last12Months']}
          detailed={false}
          extra={
            <Segmented<Granularity>
              value={granularity ?? data?.granularity ?? 'month'}
              onChange={setGranularity}
              options={GRANULARITIES.map((g) => ({ value: g, label: t(`reports.dashboard.${g}`) }))}
              aria-label={t('reports.dashboard.granularity')}
              data-testid="dashboard-granularity"
            />
          }
        />
        {query.isError && !data && <Alert type="error" showIcon message={t('errors.generic')} />}
        {!data ? (
          <Skeleton active />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6} xl={3}>
              <Tile
                title={t('reports.dashboard.received')}
                value={formatCount(data.totals.receivedOnline + data.totals.receivedDirect)}
                detail={`${t('reports.ii06a.cells.carriedOver')}: ${formatCount(data.totals.carriedOver)}`}
                testId="tile-received"
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Tile
                title={t('reports.dashboard.resolved')}
                value={formatCount(data.totals.resolvedTotal)}
                detail={`${t('reports.dashboard.inProcess')}: ${formatCount(data.totals.inProcessTotal)}`}
                testId="tile-resolved"
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Tile
                title={t('reports.dashboard.onTimeRate')}
                value={formatPercent(data.indicators.indicators.onTime.rate)}
                detail={`${formatCount(data.indicators.indicators.onTime.numerator)} / ${formatCount(data.indicators.indicators.onTime.denominator)}`}
                testId="tile-on-time"
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Tile
                title={t('reports.dashboard.overdue')}
                value={formatCount(data.open.overdue)}
                color={data.open.overdue ? '#cf1322' : undefined}
                detail={t('reports.dashboard.openNow', { time: formatVietnamDateTime(data.open.asOf) })}
                link={{ to: workListPath(OVERDUE_TAB, tileScope), label: t('reports.dashboard.openList') }}
                testId="tile-overdue"
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Tile
                title={t('reports.dashboard.dueSoon')}
                value={formatCount(data.open.dueSoon)}
                color={data.open.dueSoon ? '#d48806' : undefined}
                detail={t('reports.dashboard.openNow', { time: formatVietnamDateTime(data.open.asOf) })}
                link={{ to: workListPath(DUE_SOON_TAB, tileScope), label: t('reports.dashboard.openList') }}
                testId="tile-due-soon"
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Tile
                title={t('reports.dashboard.online')}
                value={formatPercent(data.online.rate)}
                detail={t('reports.dashboard.onlineDetail', {
                  online: formatCount(data.online.numerator),
                  total: formatCount(data.online.denominator),
                })}
                testId="tile-online"
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Tile
                title={t('reports.dashboard.satisfaction')}
                value={formatPercent(data.satisfaction.index)}
                detail={t('reports.dashboard.satisfactionDetail', {
                  count: data.satisfaction.ratings,
                  formatted: formatCount(data.satisfaction.ratings),
                })}
                testId="tile-satisfaction"
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Tile
                title={t('reports.dashboard.score766')}
                value={formatCount(data.indicators.score)}
                detail={t('reports.dashboard.score766Detail', { max: data.indicators.maxScore })}
                testId="tile-766"
              />
            </Col>
          </Row>
        )}
      </Card>
      {data && (
        <Suspense fallback={<Skeleton active />}>
          <DashboardCharts data={data} />
        </Suspense>
      )}
    </Flex>
  );
}

import { keepPreviousData } from '@tanstack/react-query';
import { Card, Flex, Tabs, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { $api } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { DrillDownDrawer } from './drill-down-drawer';
import { ExportButtons } from './export-buttons';
import type { ExportRequest, ExportRequestInput } from './export-machine';
import { ExportsList } from './exports-list';
import { Ii06aTable, ProceduresTable, type DrillTarget } from './ii06a-table';
import { PeriodClosing } from './period-closing';
import { ReportFiltersBar } from './report-filters-bar';
import { filtersFromParams, filtersToParams, reportQuery, shortcutPeriod, vietnamToday, type ReportFilters } from './report-filters';
import { IndicatorsTables, PartiesServedTable, SatisfactionTable } from './report-tables';
import { SourceBadge } from './source-badge';

/** Tabs of the page, as they appear in the address (`/bao-cao?tab=chi-so-766`). */
export const REPORT_TABS = ['ii06a', 'thu-tuc', 'chi-so-766', 'hai-long', 'nguoi-duoc-phuc-vu', 'khoa-so', 'tep-da-xuat'] as const;
export type ReportTab = (typeof REPORT_TABS)[number];

const TAB_LABELS: Record<ReportTab, string> = {
  ii06a: 'reports.tabs.ii06a',
  'thu-tuc': 'reports.tabs.procedures',
  'chi-so-766': 'reports.tabs.indicators',
  'hai-long': 'reports.tabs.satisfaction',
  'nguoi-duoc-phuc-vu': 'reports.tabs.partiesServed',
  'khoa-so': 'reports.tabs.closing',
  'tep-da-xuat': 'reports.tabs.exports',
};

/** The export-jobs report of each tab that has one. */
const EXPORTED: Partial<Record<ReportTab, ExportRequest['report']>> = {
  ii06a: 'ii06a',
  'thu-tuc': 'procedures',
  'chi-so-766': 'indicators',
  'hai-long': 'satisfaction',
};

function Toolbar({ children, exportRequest }: { children?: ReactNode; exportRequest?: ExportRequestInput }) {
  const { can } = useSession();
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
      <div>{children}</div>
      {exportRequest && can('reports:export') && <ExportButtons request={exportRequest} />}
    </Flex>
  );
}

/**
 * Báo cáo: II.06a, per procedure, the 766 indicators, satisfaction vs timeliness and persons served,
 * filtered by period, agency subtree, procedure, field and basis; every II.06a number drills down to
 * its dossiers; exports as background jobs; period closing for administrators and auditors.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromParams(searchParams, shortcutPeriod('lastMonth', vietnamToday()));
  const query = reportQuery(filters);
  const readable = can('reports:read');
  const available = REPORT_TABS.filter((tab) => {
    if (tab === 'khoa-so') return can('reports:close') || can('audit:verify');
    if (tab === 'tep-da-xuat') return can('reports:export');
    return readable;
  });
  const requested = searchParams.get('tab') as ReportTab | null;
  const tab: ReportTab = requested && available.includes(requested) ? requested : (available[0] ?? 'khoa-so');
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  const options = (active: boolean) => ({ enabled: readable && active, placeholderData: keepPreviousData });
  const ii06a = $api.useQuery('get', '/api/reports/ii06a', { params: { query } }, options(tab === 'ii06a'));
  const procedures = $api.useQuery('get', '/api/reports/procedures', { params: { query } }, options(tab === 'thu-tuc'));
  const indicators = $api.useQuery('get', '/api/reports/indicators', { params: { query } }, options(tab === 'chi-so-766'));
  const satisfaction = $api.useQuery('get', '/api/reports/satisfaction', { params: { query } }, options(tab === 'hai-long'));
  const parties = $api.useQuery('get', '/api/reports/parties-served', { params: { query } }, options(tab === 'nguoi-duoc-phuc-vu'));

  const setFilters = (next: ReportFilters) => setSearchParams(filtersToParams(next, searchParams), { replace: true });
  const selectTab = (key: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('tab', key);
    setSearchParams(next, { replace: true });
  };
  const exportOf = (which: ReportTab): ExportRequestInput | undefined => {
    const report = EXPORTED[which];
    return report ? { report, ...query } : undefined;
  };

  const content: Record<ReportTab, () => ReactNode> = {
    ii06a: () => (
      <>
        <Toolbar exportRequest={exportOf('ii06a')}>
          <Flex vertical gap={4}>
            <Typography.Text strong>{t('reports.ii06a.caption')}</Typography.Text>
            <SourceBadge report={ii06a.data} />
          </Flex>
        </Toolbar>
        <Ii06aTable rows={ii06a.data?.rows ?? []} total={ii06a.data?.total} loading={ii06a.isFetching} onDrill={setDrill} />
      </>
    ),
    'thu-tuc': () => (
      <>
        <Toolbar exportRequest={exportOf('thu-tuc')}>
          <SourceBadge report={procedures.data} />
        </Toolbar>
        <ProceduresTable
          rows={procedures.data?.rows ?? []}
          total={procedures.data?.total}
          loading={procedures.isFetching}
          onDrill={setDrill}
        />
      </>
    ),
    'chi-so-766': () => (
      <>
        <Toolbar exportRequest={exportOf('chi-so-766')} />
        <IndicatorsTables report={indicators.data} loading={indicators.isFetching} />
      </>
    ),
    'hai-long': () => (
      <>
        <Toolbar exportRequest={exportOf('hai-long')} />
        <SatisfactionTable report={satisfaction.data} loading={satisfaction.isFetching} />
      </>
    ),
    'nguoi-duoc-phuc-vu': () => <PartiesServedTable report={parties.data} loading={parties.isFetching} />,
    'khoa-so': () => <PeriodClosing />,
    'tep-da-xuat': () => <ExportsList />,
  };

  const filtered = tab !== 'khoa-so' && tab !== 'tep-da-xuat';
  return (
    <Card title={t('reports.title')} data-testid="reports-page">
      {filtered && (
        <>
          <Typography.Paragraph type="secondary">{t('reports.intro')}</Typography.Paragraph>
          <ReportFiltersBar filters={filters} onChange={setFilters} />
        </>
      )}
      <Tabs
        activeKey={tab}
        onChange={selectTab}
        items={available.map((key) => ({ key, label: t(TAB_LABELS[key]), children: key === tab ? content[key]() : null }))}
        data-testid="report-tabs"
      />
      <DrillDownDrawer filters={filters} target={drill} onClose={() => setDrill(null)} />
    </Card>
  );
}

import type { Schemas } from '@motcua/api-client';
import { Card, Col, Empty, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCount, formatPercent } from '../reports/report-cells';
import { INDICATOR_NAMES, SATISFACTION_FACTORS } from '../reports/report-tables';

type Dashboard = Schemas['Dashboard'];

const COLORS = { received: '#1677ff', resolved: '#52c41a', late: '#cf1322', online: '#722ed1', target: '#8c8c8c', rest: '#f0f0f0' };
const HEIGHT = 280;

/** Green at or above 95 %, amber from 80 %, red below: how leaders read on-time rates. */
export function rateColor(rate: number | null): string {
  if (rate === null) return '#d9d9d9';
  if (rate >= 95) return '#389e0d';
  if (rate >= 80) return '#d48806';
  return '#cf1322';
}

/** A bucket's label on the axis: 03/2026 for months, 02/03 for days and weeks. */
export function bucketLabel(bucket: { from: string }, granularity: Dashboard['granularity']): string {
  const [year, month, day] = bucket.from.split('-');
  return granularity === 'month' ? `${month}/${year}` : `${day}/${month}`;
}

const percentTick = (v: number) => `${v}%`;
const countTick = (v: number) => formatCount(v);

function ChartCard({
  title,
  summary,
  testId,
  children,
  empty,
}: {
  title: string;
  summary: string;
  testId: string;
  children: ReactNode;
  empty: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={testId} style={{ height: '100%' }}>
      {/* The numbers in words: for screen readers, and for a reader who prefers them to a picture. */}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid={`${testId}-summary`}>
        {summary}
      </Typography.Paragraph>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.dashboard.charts.noData')} style={{ height: HEIGHT - 40 }} />
      ) : (
        <div role="img" aria-label={summary} style={{ width: '100%', height: HEIGHT }}>
          <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 480, height: HEIGHT }}>
            {children as React.ReactElement}
          </ResponsiveContainer>
        </div>
      )}
    </Card>
  );
}

/** The dashboard's charts (recharts, loaded with the home page only). */
export function DashboardCharts({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const series = data.series.map((bucket) => ({
    label: bucketLabel(bucket, data.granularity),
    received: bucket.received,
    resolved: bucket.resolved,
    late: bucket.resolvedLate,
    online: bucket.received ? Math.round((1000 * bucket.receivedOnline) / bucket.received) / 10 : null,
  }));
  const received = data.series.reduce((n, b) => n + b.received, 0);
  const resolved = data.series.reduce((n, b) => n + b.resolved, 0);
  const agencies = data.agencies
    .filter((row) => row.onTime.rate !== null)
    .map((row) => ({
      name: row.self ? t('reports.dashboard.charts.ownDossiers', { agency: row.agencyName }) : row.agencyName,
      rate: row.onTime.rate,
    }));
  const factors = SATISFACTION_FACTORS.map((factor) => ({
    name: t(`reports.satisfaction.factors.${factor}`),
    value: data.satisfaction.factors[factor],
  }));
  const indicators = INDICATOR_NAMES.map((name) => {
    const value = data.indicators.indicators[name];
    return {
      name: `${value.id}`,
      title: value.name,
      score: value.score ?? 0,
      rest: Math.max(0, value.pmax - (value.score ?? 0)),
      pmax: value.pmax,
    };
  });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <ChartCard
          title={t('reports.dashboard.charts.flow')}
          summary={t('reports.dashboard.charts.flowSummary', { received: formatCount(received), resolved: formatCount(resolved) })}
          testId="chart-flow"
          empty={!received && !resolved}
        >
          <ComposedChart data={series} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis tickFormatter={countTick} allowDecimals={false} />
            <Tooltip formatter={(v) => formatCount(Number(v))} />
            <Legend />
            <Bar isAnimationActive={false} dataKey="received" name={t('reports.dashboard.received')} fill={COLORS.received} />
            <Bar isAnimationActive={false} dataKey="resolved" name={t('reports.dashboard.resolved')} fill={COLORS.resolved} />
            <Line
              isAnimationActive={false}
              dataKey="late"
              name={t('reports.dashboard.resolvedLate')}
              stroke={COLORS.late}
              strokeWidth={2}
              dot={false}
            />
          </ComposedChart>
        </ChartCard>
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard
          title={t('reports.dashboard.charts.online')}
          summary={`${t('reports.dashboard.online')}: ${formatPercent(data.online.rate)}`}
          testId="chart-online"
          empty={!received}
        >
          <LineChart data={series} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis domain={[0, 100]} tickFormatter={percentTick} />
            <Tooltip formatter={(v) => formatPercent(Number(v))} />
            <ReferenceLine y={data.online.target} stroke={COLORS.target} strokeDasharray="4 4" label={formatPercent(data.online.target)} />
            <Line
              isAnimationActive={false}
              dataKey="online"
              name={t('reports.dashboard.online')}
              stroke={COLORS.online}
              strokeWidth={2}
              connectNulls
            />
          </LineChart>
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title={t('reports.dashboard.charts.agencies')}
          summary={t('reports.dashboard.charts.agenciesSummary', { count: agencies.length })}
          testId="chart-agencies"
          empty={!agencies.length}
        >
          <BarChart data={agencies} layout="vertical" margin={{ top: 8, right: 24, left: 8, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} tickFormatter={percentTick} />
            <YAxis type="category" dataKey="name" width={180} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip formatter={(v) => formatPercent(Number(v))} />
            <Bar isAnimationActive={false} dataKey="rate" name={t('reports.dashboard.onTimeRate')}>
              {agencies.map((row) => (
                <Cell key={row.name} fill={rateColor(row.rate)} />
              ))}
            </Bar>
          </BarChart>
        </ChartCard>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <ChartCard
          title={t('reports.dashboard.charts.satisfaction')}
          summary={`${t('reports.dashboard.satisfaction')}: ${formatPercent(data.satisfaction.index)}`}
          testId="chart-satisfaction"
          empty={!data.satisfaction.ratings}
        >
          <BarChart data={factors} margin={{ top: 8, right: 8, left: 0, bottom: 40 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" interval={0} angle={-30} textAnchor="end" tick={{ fontSize: 11 }} />
            <YAxis domain={[0, 100]} tickFormatter={percentTick} />
            <Tooltip formatter={(v) => formatPercent(Number(v))} />
            <Bar isAnimationActive={false} dataKey="value" name={t('reports.dashboard.satisfaction')} fill={COLORS.resolved} />
          </BarChart>
        </ChartCard>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <ChartCard
          title={t('reports.dashboard.charts.indicators')}
          summary={`${t('reports.dashboard.score766')}: ${formatCount(data.indicators.score)} / ${data.indicators.maxScore}`}
          testId="chart-indicators"
          empty={!data.indicators.maxScore}
        >
          <BarChart data={indicators} layout="vertical" margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={40} />
            <Tooltip
              formatter={(v, key) => (key === 'score' ? formatCount(Number(v)) : null)}
              labelFormatter={(label) => indicators.find((i) => i.name === label)?.title ?? String(label)}
            />
            <Bar isAnimationActive={false} dataKey="score" stackId="points" name={t('reports.indicators.score')} fill={COLORS.received} />
            <Bar
              isAnimationActive={false}
              dataKey="rest"
              stackId="points"
              name={t('reports.indicators.pmax')}
              fill={COLORS.rest}
              legendType="none"
            />
          </BarChart>
        </ChartCard>
      </Col>
    </Row>
  );
}

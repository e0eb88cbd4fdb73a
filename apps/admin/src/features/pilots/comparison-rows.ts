import { i18n } from '../../i18n/i18n';
import { formatCount, formatDecimal, formatPercent } from '../accountability/figures';
import type { PilotComparison, PilotIndicators } from './pilot-labels';

export type IndicatorKey =
  'onTimeRate' | 'averageProcessingDays' | 'onlineShare' | 'satisfactionIndex' | 'received' | 'resolved' | 'ratings';
type IndicatorKind = 'percent' | 'days' | 'count';
export type Trend = 'better' | 'worse' | 'same';

interface IndicatorDefinition {
  key: IndicatorKey;
  kind: IndicatorKind;
  /** Which way is progress: up for rates, down for processing time; counts are context, not judged. */
  better?: 'higher' | 'lower';
}

/** The four indicators the pilot is judged by, then the counts behind them. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  { key: 'onTimeRate', kind: 'percent', better: 'higher' },
  { key: 'averageProcessingDays', kind: 'days', better: 'lower' },
  { key: 'onlineShare', kind: 'percent', better: 'higher' },
  { key: 'satisfactionIndex', kind: 'percent', better: 'higher' },
  { key: 'received', kind: 'count' },
  { key: 'resolved', kind: 'count' },
  { key: 'ratings', kind: 'count' },
];

/** The indicators pictured in the chart (rates and time; the counts differ in scale). */
export const CHARTED: readonly IndicatorKey[] = ['onTimeRate', 'averageProcessingDays', 'onlineShare', 'satisfactionIndex'];

export interface GroupCells {
  before: number | null;
  during: number | null;
  /** during − before, rounded as the figures are; null when either side has nothing to count. */
  change: number | null;
  trend: Trend | undefined;
}

export interface ComparisonRow {
  key: IndicatorKey;
  kind: IndicatorKind;
  pilot: GroupCells;
  other: GroupCells;
}

const DIGITS: Record<IndicatorKind, number> = { percent: 1, days: 2, count: 0 };

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function cells(definition: IndicatorDefinition, before: PilotIndicators, during: PilotIndicators): GroupCells {
  const from = before[definition.key];
  const to = during[definition.key];
  const change = from === null || to === null ? null : round(to - from, DIGITS[definition.kind]);
  let trend: Trend | undefined;
  if (change !== null && definition.better) {
    const improved = definition.better === 'higher' ? change > 0 : change < 0;
    trend = change === 0 ? 'same' : improved ? 'better' : 'worse';
  }
  return { before: from, during: to, change, trend };
}

/** One row per indicator: the pilot agencies and the other agencies, before vs during, and the change. */
export function comparisonRows(comparison: PilotComparison): ComparisonRow[] {
  const { pilotAgencies, otherAgencies } = comparison;
  return INDICATORS.map((definition) => ({
    key: definition.key,
    kind: definition.kind,
    pilot: cells(definition, pilotAgencies.before, pilotAgencies.during),
    other: cells(definition, otherAgencies.before, otherAgencies.during),
  }));
}

/** 66,7% · 1,99 ngày · 3; "—" when nothing was counted. */
export function formatIndicator(kind: IndicatorKind, value: number | null): string {
  if (value === null) return i18n.t('oversight.none');
  if (kind === 'percent') return formatPercent(value);
  if (kind === 'days') return i18n.t('oversight.pilots.comparison.days', { value: formatDecimal(value, 2) });
  return formatCount(value);
}

/** +33,4 điểm % · −3,03 ngày · +1, with a real minus sign; "—" when there is no change to compute. */
export function formatChange(kind: IndicatorKind, change: number | null): string {
  if (change === null) return i18n.t('oversight.none');
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const magnitude = formatDecimal(Math.abs(change), DIGITS[kind]);
  if (kind === 'percent') return i18n.t('oversight.pilots.comparison.points', { value: `${sign}${magnitude}` });
  if (kind === 'days') return i18n.t('oversight.pilots.comparison.daysChange', { value: `${sign}${magnitude}` });
  return `${sign}${magnitude}`;
}

export const indicatorLabel = (key: IndicatorKey) => i18n.t(`oversight.pilots.comparison.${key}`);

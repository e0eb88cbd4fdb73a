/** Time buckets of the dashboard's series: local days, ISO weeks (Monday first) or calendar months. */
export const DASHBOARD_GRANULARITIES = ['day', 'week', 'month'] as const;
export type DashboardGranularity = (typeof DASHBOARD_GRANULARITIES)[number];

/** More points than a chart can show legibly; a longer period takes a coarser granularity. */
export const MAX_DASHBOARD_BUCKETS = 400;

const DAY_MS = 86_400_000;

export interface DashboardBucketRange {
  /** Start of the unit containing the bucket, as PostgreSQL's date_trunc gives it (the join key). */
  key: string;
  /** The part of the unit inside the period (both inclusive, local dates). */
  from: string;
  to: string;
}

const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** Days up to a month are shown per day, up to half a year per week, longer periods per month. */
export function defaultGranularity(from: string, to: string): DashboardGranularity {
  const days = (day(to).getTime() - day(from).getTime()) / DAY_MS + 1;
  if (days <= 31) return 'day';
  if (days <= 183) return 'week';
  return 'month';
}

function unitStart(date: Date, granularity: DashboardGranularity): Date {
  if (granularity === 'day') return date;
  if (granularity === 'month') return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0, as date_trunc('week')
  return new Date(date.getTime() - weekday * DAY_MS);
}

function nextUnit(start: Date, granularity: DashboardGranularity): Date {
  if (granularity === 'day') return new Date(start.getTime() + DAY_MS);
  if (granularity === 'week') return new Date(start.getTime() + 7 * DAY_MS);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

/**
 * The buckets covering [from, to] in order; the first and last are cut to the period, so the
 * buckets partition it exactly and their counts add up to the period's. Stops after `limit` + 1.
 */
export function bucketsOf(
  from: string,
  to: string,
  granularity: DashboardGranularity,
  limit = MAX_DASHBOARD_BUCKETS,
): DashboardBucketRange[] {
  const first = day(from);
  const last = day(to);
  const buckets: DashboardBucketRange[] = [];
  for (let start = unitStart(first, granularity); start <= last && buckets.length <= limit; start = nextUnit(start, granularity)) {
    const end = new Date(nextUnit(start, granularity).getTime() - DAY_MS);
    buckets.push({ key: iso(start), from: iso(start < first ? first : start), to: iso(end > last ? last : end) });
  }
  return buckets;
}

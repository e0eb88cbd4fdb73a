/**
 * The filters every report takes (DOMAIN §9), kept in the address so a report can be bookmarked,
 * shared and reopened as it was: `?from=2026-03-01&to=2026-03-31&agencyId=…&by=receiving`.
 */
export type ReportBasis = 'competent' | 'receiving';

export interface ReportFilters {
  /** Local dates `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
  agencyId?: string;
  procedureCode?: string;
  field?: string;
  by: ReportBasis;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Today's date on the wall clock of Vietnam, whatever the browser's time zone. */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export type PeriodShortcut = 'lastMonth' | 'thisMonth' | 'thisYear' | 'last12Months';

/** The period a shortcut stands for, as of `today` (a local date). */
export function shortcutPeriod(shortcut: PeriodShortcut, today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number);
  switch (shortcut) {
    case 'lastMonth': {
      const first = new Date(Date.UTC(year, month - 2, 1));
      return { from: first.toISOString().slice(0, 10), to: lastDayOfMonth(first.getUTCFullYear(), first.getUTCMonth() + 1) };
    }
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
    case 'last12Months':
      return { from: new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10), to: today };
  }
}

/** Which shortcut a period is, if any (to highlight it). */
export function shortcutOf(period: { from: string; to: string }, today: string): PeriodShortcut | undefined {
  const shortcuts: PeriodShortcut[] = ['lastMonth', 'thisMonth', 'thisYear', 'last12Months'];
  return shortcuts.find((s) => {
    const p = shortcutPeriod(s, today);
    return p.from === period.from && p.to === period.to;
  });
}

/** The filters in the address; a missing or malformed period falls back to `fallback` (e.g. last month). */
export function filtersFromParams(params: URLSearchParams, fallback: { from: string; to: string }): ReportFilters {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const valid = DATE.test(from) && DATE.test(to) && from <= to;
  return {
    ...(valid ? { from, to } : fallback),
    agencyId: params.get('agencyId') || undefined,
    procedureCode: params.get('procedureCode') || undefined,
    field: params.get('field') || undefined,
    by: params.get('by') === 'receiving' ? 'receiving' : 'competent',
  };
}

/** Writes the filters into the address, keeping what else is there (the tab). */
export function filtersToParams(filters: ReportFilters, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  const values: Record<string, string | undefined> = {
    from: filters.from,
    to: filters.to,
    agencyId: filters.agencyId,
    procedureCode: filters.procedureCode,
    field: filters.field,
    by: filters.by === 'receiving' ? 'receiving' : undefined,
  };
  for (const [key, value] of Object.entries(values)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** The query the report routes take: only what is set, the default basis left out. */
export function reportQuery(filters: ReportFilters) {
  return {
    from: filters.from,
    to: filters.to,
    ...(filters.agencyId ? { agencyId: filters.agencyId } : {}),
    ...(filters.procedureCode ? { procedureCode: filters.procedureCode } : {}),
    ...(filters.field ? { field: filters.field } : {}),
    ...(filters.by === 'receiving' ? { by: 'receiving' as const } : {}),
  };
}

/** The month a period covers exactly, `YYYY-MM`, or null. */
export function exactMonth(period: { from: string; to: string }): string | null {
  if (!period.from.endsWith('-01')) return null;
  const [year, month] = period.from.split('-').map(Number);
  return lastDayOfMonth(year, month) === period.to ? period.from.slice(0, 7) : null;
}

/** Days in a period, both ends included. */
export function periodDays(period: { from: string; to: string }): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS) + 1;
}

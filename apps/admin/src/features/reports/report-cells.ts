import type { Schemas } from '@motcua/api-client';

export type Ii06aCounters = Schemas['Ii06aCounters'];
export type Ii06aCell = keyof Ii06aCounters;
export type DrillCell = Ii06aCell | 'lateEntries';

/** II.06a's counters in the form's order, grouped as the printed form groups them. */
export const II06A_GROUPS: ReadonlyArray<{ key: 'received' | 'resolved' | 'inProcess' | null; cells: readonly Ii06aCell[] }> = [
  { key: 'received', cells: ['receivedTotal', 'receivedOnline', 'receivedDirect', 'carriedOver'] },
  { key: 'resolved', cells: ['resolvedTotal', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate'] },
  { key: 'inProcess', cells: ['inProcessTotal', 'inProcessWithin', 'inProcessOverdue'] },
  { key: null, cells: ['withdrawnOrStopped'] },
];

export const II06A_CELLS: readonly Ii06aCell[] = II06A_GROUPS.flatMap((group) => group.cells);

const numberFormat = new Intl.NumberFormat('vi-VN');
const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** 12.345 as officials write counts. */
export const formatCount = (n: number) => numberFormat.format(n);

/** 87,5 % — or a dash when there was nothing to count. */
export const formatPercent = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${percentFormat.format(n)} %`);

/** 1,2 MB */
export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${percentFormat.format(bytes / 1024)} KB`;
  return `${percentFormat.format(bytes / 1024 / 1024)} MB`;
}

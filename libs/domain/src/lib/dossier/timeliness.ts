/** Timeliness of dossiers against their due time (DOMAIN §5). */
export type FinishedTimeliness = 'EARLY' | 'ON_TIME' | 'LATE';
export type OpenTimeliness = 'WITHIN' | 'DUE_SOON' | 'OVERDUE';

/** Default share of the budget under which an open dossier is "due soon". */
export const DUE_SOON_SHARE = 0.2;

/**
 * Working minutes into a budget after which a dossier (or a step of its route) is "due soon":
 * the point where less than `DUE_SOON_SHARE` of it remains. Stored as an instant so lists and
 * the SLA sweep can filter on it in SQL.
 */
export function dueSoonAfterMinutes(budgetMinutes: number, share = DUE_SOON_SHARE): number {
  return Math.floor(budgetMinutes * (1 - share));
}

/**
 * Finished: early on a local day before the due day; on time on the due day, not after the due
 * time; late after the due time. Local days are compared in UTC+7.
 */
export function classifyFinished(finishedAt: Date, dueAt: Date, utcOffsetMinutes = 420): FinishedTimeliness {
  if (finishedAt.getTime() > dueAt.getTime()) return 'LATE';
  const localDay = (t: Date) => Math.floor((t.getTime() + utcOffsetMinutes * 60_000) / 86_400_000);
  return localDay(finishedAt) < localDay(dueAt) ? 'EARLY' : 'ON_TIME';
}

/** Open at `now`: overdue after the due time; due soon when less than `share` of the budget remains. */
export function classifyOpen(
  now: Date,
  dueAt: Date,
  remainingWorkingMinutes: number,
  budgetWorkingMinutes: number,
  share = DUE_SOON_SHARE,
): OpenTimeliness {
  if (now.getTime() > dueAt.getTime()) return 'OVERDUE';
  return remainingWorkingMinutes < budgetWorkingMinutes * share ? 'DUE_SOON' : 'WITHIN';
}

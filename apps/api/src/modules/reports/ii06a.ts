/**
 * Form II.06a (Circular 01/2020/TT-VPCP) as SQL predicates over one dossier row `d`, for a period
 * whose local bounds are `:f` (start of `from`) and `:t` (start of the day after `to`) — DOMAIN §9.
 * The population is every dossier accepted before `:t` and not finished before `:f`; each cell is a
 * FILTER over it, so the invariants hold by construction:
 *   receivedTotal = receivedOnline + receivedDirect + carriedOver
 *                 = resolvedTotal + inProcessTotal + withdrawnOrStopped
 *   resolvedTotal = resolvedEarly + resolvedOnTime + resolvedLate
 *   inProcessTotal = inProcessWithin + inProcessOverdue
 * The same predicates drive the drill-down, so a number and its list of dossiers always agree.
 */
export const II06A_POPULATION = `d.received_at < :t AND (d.finished_at IS NULL OR d.finished_at >= :f)`;

const RESOLVED = `d.finished_at < :t AND d.outcome IN ('POSITIVE', 'NEGATIVE')`;
const IN_PROCESS = `(d.finished_at IS NULL OR d.finished_at >= :t)`;

export const II06A_CELLS = {
  receivedTotal: 'TRUE',
  receivedOnline: `d.received_at >= :f AND d.channel = 'ONLINE'`,
  receivedDirect: `d.received_at >= :f AND d.channel <> 'ONLINE'`,
  carriedOver: `d.received_at < :f`,
  resolvedTotal: RESOLVED,
  resolvedEarly: `${RESOLVED} AND d.timeliness = 'EARLY'`,
  resolvedOnTime: `${RESOLVED} AND d.timeliness = 'ON_TIME'`,
  resolvedLate: `${RESOLVED} AND d.timeliness = 'LATE'`,
  inProcessTotal: IN_PROCESS,
  inProcessWithin: `${IN_PROCESS} AND d.due_at >= :t`,
  inProcessOverdue: `${IN_PROCESS} AND d.due_at < :t`,
  withdrawnOrStopped: `d.finished_at < :t AND d.outcome IN ('WITHDRAWN', 'STOPPED')`,
} as const;

export type Ii06aCell = keyof typeof II06A_CELLS;
export const II06A_CELL_NAMES = Object.keys(II06A_CELLS) as Ii06aCell[];

/** Bit of each counter in a snapshot's `cells` (bit i = the i-th counter of `II06A_CELL_NAMES`). */
export const II06A_CELL_BITS = Object.fromEntries(II06A_CELL_NAMES.map((cell, i) => [cell, 1 << i])) as Record<Ii06aCell, number>;

/**
 * Carry-over from a closed month (DOMAIN §9: carried over of N = in process at the end of N−1).
 * When the month before `from` is closed, the population is left-joined to that snapshot's
 * in-process dossiers as `cs`, and "carried over" means exactly those dossiers: the closed number
 * is the one carried, whatever happened to the live data afterwards.
 *
 * Why this is exact: a snapshot's in-process dossier was accepted before `from` and not finished
 * before `from`; no code path can move it out of the next month's population afterwards (finishing
 * stamps the current time, the competent and receiving agencies never change, and the historical
 * import never rewrites an existing dossier). So `carriedOver` per agency equals the snapshot's
 * `inProcessTotal` per agency.
 *
 * What can change is the other way: a late import adds a dossier accepted in (or before) the closed
 * month that is still open at its end. It is not in the snapshot, so it cannot be "carried over";
 * it is booked as received in the first open month (online or direct by its channel) — like a late
 * entry in accounting — so that `receivedTotal = online + direct + carriedOver = resolved + in
 * process + withdrawn` still holds exactly. Their number is surfaced as `lateEntries` (and listed
 * by the drill-down with `cell=lateEntries`).
 */
export const CARRIED_FROM_SNAPSHOT = `cs.dossier_id IS NOT NULL`;
export const II06A_CARRIED_CELLS: Record<Ii06aCell, string> = {
  ...II06A_CELLS,
  receivedOnline: `d.channel = 'ONLINE' AND cs.dossier_id IS NULL`,
  receivedDirect: `d.channel <> 'ONLINE' AND cs.dossier_id IS NULL`,
  carriedOver: CARRIED_FROM_SNAPSHOT,
};
/** Accepted before `from`, open at its start, yet absent from the closed month's snapshot. */
export const LATE_ENTRIES_CARRIED = `d.received_at < :f AND cs.dossier_id IS NULL`;

/** Drill-down cells: the counters plus the late entries a closed month does not show. */
export const DRILL_CELL_NAMES = [...II06A_CELL_NAMES, 'lateEntries'] as const;
export type DrillCell = (typeof DRILL_CELL_NAMES)[number];

/** Column headings of the printed form, in order. */
export const II06A_HEADINGS_VI: Record<Ii06aCell, string> = {
  receivedTotal: 'Tổng số hồ sơ tiếp nhận',
  receivedOnline: 'Tiếp nhận trực tuyến',
  receivedDirect: 'Tiếp nhận trực tiếp, bưu chính',
  carriedOver: 'Từ kỳ trước chuyển qua',
  resolvedTotal: 'Đã giải quyết',
  resolvedEarly: 'Trước hạn',
  resolvedOnTime: 'Đúng hạn',
  resolvedLate: 'Quá hạn',
  inProcessTotal: 'Đang giải quyết',
  inProcessWithin: 'Trong hạn',
  inProcessOverdue: 'Quá hạn (đang giải quyết)',
  withdrawnOrStopped: 'Rút hồ sơ, dừng giải quyết',
};

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

import { validationProblem } from '../../common/problem/validation';

const MAX_PERIOD_DAYS = 5 * 366;
const DAY_MS = 86_400_000;
const LOCAL_OFFSET = '+07:00'; // Asia/Ho_Chi_Minh, no daylight saving

/** Local (UTC+7, no daylight saving) day bounds of a period: [start of from, start of the day after to). */
export function periodBounds(q: { from: string; to: string }): { f: Date; t: Date } {
  const f = new Date(`${q.from.slice(0, 10)}T00:00:00${LOCAL_OFFSET}`);
  const t = new Date(new Date(`${q.to.slice(0, 10)}T00:00:00${LOCAL_OFFSET}`).getTime() + DAY_MS);
  if (Number.isNaN(f.getTime()) || Number.isNaN(t.getTime()))
    throw validationProblem([{ field: 'from', rule: 'date', message: 'Ngày không hợp lệ' }]);
  if (f >= t) throw validationProblem([{ field: 'from', rule: 'notAfterTo', message: 'from phải không sau to' }]);
  if ((t.getTime() - f.getTime()) / DAY_MS > MAX_PERIOD_DAYS) {
    throw validationProblem([{ field: 'to', rule: 'maxPeriod', message: 'Kỳ báo cáo tối đa 5 năm' }]);
  }
  return { f, t };
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** First and last local day of a `YYYY-MM` month, and its bounds. */
export function monthPeriod(month: string): { from: string; to: string; f: Date; t: Date } {
  const [year, mon] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  const from = `${month}-01`;
  const to = `${month}-${String(last).padStart(2, '0')}`;
  return { from, to, ...periodBounds({ from, to }) };
}

/** The month a period covers exactly (first to last day of one month), if it does. */
export function exactMonth(q: { from: string; to: string }): string | null {
  const from = q.from.slice(0, 10);
  if (!from.endsWith('-01')) return null;
  const month = from.slice(0, 7);
  return monthPeriod(month).to === q.to.slice(0, 10) ? month : null;
}

/** The month before a period that starts on the first day of a month, if it does. */
export function monthBefore(q: { from: string }): string | null {
  const from = q.from.slice(0, 10);
  if (!/^\d{4}-\d{2}-01$/.test(from)) return null;
  const [year, mon] = from.split('-').map(Number);
  const previous = new Date(Date.UTC(year, mon - 2, 1));
  return previous.toISOString().slice(0, 7);
}

import {
  assertValidDate,
  dateOfDayNumber,
  dayNumberOf,
  isoWeekdayOfDayNumber,
  localDayNumber,
  localMidnightMs,
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseTimeOfDay,
  VIETNAM_UTC_OFFSET_MINUTES,
} from './local-time';
import type { DayInfo, DayOverride, DurationUnit, WorkingTimeConfig } from './types';

/** Monday-Friday, 07:00-11:00 and 13:00-17:00 in Asia/Ho_Chi_Minh (8 working hours a day). */
export const DEFAULT_WORKING_TIME: WorkingTimeConfig = Object.freeze({
  utcOffsetMinutes: VIETNAM_UTC_OFFSET_MINUTES,
  workingWeekdays: Object.freeze([1, 2, 3, 4, 5]) as number[],
  periods: Object.freeze([
    Object.freeze({ start: '07:00', end: '11:00' }),
    Object.freeze({ start: '13:00', end: '17:00' }),
  ]) as WorkingTimeConfig['periods'],
});

// Aliased once: used in hot loops, and global lookups are slow under some test runners.
const { max, min } = Math;

const OFF_KINDS = new Set<DayOverride['kind']>(['HOLIDAY', 'SUBSTITUTE_OFF', 'SWAPPED_OFF']);

/** [start, end) in ms after local midnight. */
type Span = readonly [number, number];

function assertNonNegative(value: number, label: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${label} must be a finite number >= 0, got ${value}`);
}

/**
 * Working time of one organisation: weekly pattern plus per-date overrides, in a fixed UTC offset.
 * Periods are half-open [start, end): 11:00 itself is not working time, but a due time may land on it.
 * All methods are pure; day lookups are memoised because deadline batches revisit the same days.
 */
export class WorkingCalendar {
  readonly config: WorkingTimeConfig;
  /** Working minutes in one normal working day (480 by default); one "working day" of a deadline. */
  readonly workingMinutesPerDay: number;

  private readonly offsetMinutes: number;
  private readonly spans: readonly Span[];
  private readonly dailyMs: number;
  private readonly weekdays: ReadonlySet<number>;
  private readonly overrides = new Map<number, DayOverride>();
  private readonly workingDayCache = new Map<number, boolean>();

  /** Later overrides for the same date win, so agency-specific entries can follow the national list. */
  constructor(overrides: readonly DayOverride[], config: WorkingTimeConfig = DEFAULT_WORKING_TIME) {
    const { utcOffsetMinutes, workingWeekdays, periods } = config;
    if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60) {
      throw new RangeError(`Invalid UTC offset ${utcOffsetMinutes}`);
    }
    if (workingWeekdays.length === 0 || workingWeekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
      throw new RangeError('workingWeekdays must list ISO weekdays 1-7 and not be empty');
    }
    const spans = periods
      .map((p): Span => [parseTimeOfDay(p.start) * MS_PER_MINUTE, parseTimeOfDay(p.end) * MS_PER_MINUTE])
      .sort((a, b) => a[0] - b[0]);
    if (spans.length === 0) throw new RangeError('At least one working period is required');
    spans.forEach(([start, end], i) => {
      if (start >= end) throw new RangeError(`Working period ${i} is empty or reversed`);
      if (i > 0 && start < spans[i - 1][1]) throw new RangeError('Working periods overlap');
    });
    for (const o of overrides) this.overrides.set(dayNumberOf(o.date), { ...o });

    this.config = {
      utcOffsetMinutes,
      workingWeekdays: [...new Set(workingWeekdays)].sort((a, b) => a - b),
      periods: periods.map((p) => ({ ...p })),
    };
    this.offsetMinutes = utcOffsetMinutes;
    this.spans = spans;
    this.weekdays = new Set(workingWeekdays);
    this.dailyMs = spans.reduce((sum, [start, end]) => sum + end - start, 0);
    this.workingMinutesPerDay = this.dailyMs / MS_PER_MINUTE;
  }

  dayInfo(localDate: string): DayInfo {
    return this.infoOf(dayNumberOf(localDate));
  }

  /** Inclusive range; empty when `toLocalDate` is before `fromLocalDate`. */
  days(fromLocalDate: string, toLocalDate: string): DayInfo[] {
    const result: DayInfo[] = [];
    for (let d = dayNumberOf(fromLocalDate), last = dayNumberOf(toLocalDate); d <= last; d++) result.push(this.infoOf(d));
    return result;
  }

  isWorkingDay(localDate: string): boolean {
    return this.isWorkingDayNumber(dayNumberOf(localDate));
  }

  isWorkingInstant(t: Date): boolean {
    const ms = assertValidDate(t);
    const day = localDayNumber(ms, this.offsetMinutes);
    if (!this.isWorkingDayNumber(day)) return false;
    const tod = ms - localMidnightMs(day, this.offsetMinutes);
    return this.spans.some(([start, end]) => tod >= start && tod < end);
  }

  /** `t` itself when it is working time, else the start of the next working period. */
  nextWorkingInstant(t: Date): Date {
    return new Date(this.nextWorkingMs(assertValidDate(t)));
  }

  /**
   * Adds working time starting at `nextWorkingInstant(start)`. A result on the end of a period stays
   * there (17:00, not next morning), so "due by 17:00" reads naturally; 0 minutes gives the clock start.
   */
  addWorkingMinutes(start: Date, minutes: number): Date {
    assertNonNegative(minutes, 'minutes');
    return new Date(this.addWorkingMs(assertValidDate(start), Math.round(minutes * MS_PER_MINUTE)));
  }

  /** Working minutes inside [a, b); 0 when b <= a. Fractional when the bounds carry seconds. */
  workingMinutesBetween(a: Date, b: Date): number {
    const from = assertValidDate(a, 'a');
    const to = assertValidDate(b, 'b');
    if (to <= from) return 0;
    const firstDay = localDayNumber(from, this.offsetMinutes);
    const lastDay = localDayNumber(to, this.offsetMinutes);
    let total = 0;
    for (let day = firstDay; day <= lastDay; day++) {
      if (!this.isWorkingDayNumber(day)) continue;
      if (day > firstDay && day < lastDay) {
        total += this.dailyMs;
        continue;
      }
      const midnight = localMidnightMs(day, this.offsetMinutes);
      for (const [start, end] of this.spans) {
        const overlap = min(midnight + end, to) - max(midnight + start, from);
        if (overlap > 0) total += overlap;
      }
    }
    return total / MS_PER_MINUTE;
  }

  /** Adds N × 24 h to `nextWorkingInstant(start)`, then rolls forward to working time if needed. */
  addCalendarDays(start: Date, days: number): Date {
    assertNonNegative(days, 'days');
    const clockStart = this.nextWorkingMs(assertValidDate(start));
    return new Date(this.nextWorkingMs(clockStart + Math.round(days * MS_PER_DAY)));
  }

  /** Due time of a deadline; a working day counts as `workingMinutesPerDay` (8 h by default). */
  computeDue(start: Date, amount: number, unit: DurationUnit): { clockStart: Date; due: Date } {
    assertNonNegative(amount, 'amount');
    const clockStart = this.nextWorkingMs(assertValidDate(start));
    let due: number;
    switch (unit) {
      case 'WORKING_HOURS':
        due = this.addWorkingMs(clockStart, Math.round(amount * 60 * MS_PER_MINUTE));
        break;
      case 'WORKING_DAYS':
        due = this.addWorkingMs(clockStart, Math.round(amount * this.dailyMs));
        break;
      case 'CALENDAR_DAYS':
        due = this.nextWorkingMs(clockStart + Math.round(amount * MS_PER_DAY));
        break;
      default:
        throw new RangeError(`Unknown duration unit ${String(unit)}`);
    }
    return { clockStart: new Date(clockStart), due: new Date(due) };
  }

  private infoOf(day: number): DayInfo {
    const weekday = isoWeekdayOfDayNumber(day);
    const date = dateOfDayNumber(day);
    const working = this.isWorkingDayNumber(day);
    const override = this.overrides.get(day);
    if (override) {
      const info: DayInfo = { date, weekday, working, kind: override.kind, name: override.name };
      if (override.document !== undefined) info.document = override.document;
      return info;
    }
    return { date, weekday, working, kind: working ? 'WORKDAY' : 'WEEKEND' };
  }

  private isWorkingDayNumber(day: number): boolean {
    let working = this.workingDayCache.get(day);
    if (working === undefined) {
      const override = this.overrides.get(day);
      working = override ? !OFF_KINDS.has(override.kind) : this.weekdays.has(isoWeekdayOfDayNumber(day));
      this.workingDayCache.set(day, working);
    }
    return working;
  }

  /** Terminates: at least one weekday works and overrides are finite. */
  private nextWorkingDayAfter(day: number): number {
    let next = day + 1;
    while (!this.isWorkingDayNumber(next)) next++;
    return next;
  }

  private nextWorkingMs(ms: number): number {
    let day = localDayNumber(ms, this.offsetMinutes);
    if (this.isWorkingDayNumber(day)) {
      const tod = ms - localMidnightMs(day, this.offsetMinutes);
      for (const [start, end] of this.spans) {
        if (tod < end) return tod >= start ? ms : localMidnightMs(day, this.offsetMinutes) + start;
      }
    }
    day = this.nextWorkingDayAfter(day);
    return localMidnightMs(day, this.offsetMinutes) + this.spans[0][0];
  }

  private addWorkingMs(startMs: number, amountMs: number): number {
    const clockStart = this.nextWorkingMs(startMs);
    if (amountMs === 0) return clockStart;
    let remaining = amountMs;
    let day = localDayNumber(clockStart, this.offsetMinutes);
    let from = clockStart - localMidnightMs(day, this.offsetMinutes);
    for (;;) {
      for (const [start, end] of this.spans) {
        if (from >= end) continue;
        const segmentStart = max(from, start);
        const available = end - segmentStart;
        // `<=` keeps a result that lands on the end of a period there.
        if (remaining <= available) return localMidnightMs(day, this.offsetMinutes) + segmentStart + remaining;
        remaining -= available;
      }
      // Skip whole working days without walking their periods.
      day = this.nextWorkingDayAfter(day);
      while (remaining > this.dailyMs) {
        remaining -= this.dailyMs;
        day = this.nextWorkingDayAfter(day);
      }
      from = 0;
    }
  }
}

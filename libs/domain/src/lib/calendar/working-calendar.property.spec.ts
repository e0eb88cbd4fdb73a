import fc from 'fast-check';
import { holidaysForYears } from './holidays';
import { localDateOf, localInstant, toLocalIso } from './local-time';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(holidaysForYears(2025, 2027));

// Instants in 2025-2026 local time: any millisecond, whole minutes, or exactly on a period boundary
// (where off-by-one mistakes live). Amounts go up to 40 working days.
const FIRST = localInstant('2025-01-01').getTime();
const DAYS = 730;
const anyMs = fc.integer({ min: FIRST, max: FIRST + DAYS * 86_400_000 - 1 });
const wholeMinute = fc
  .tuple(fc.integer({ min: 0, max: DAYS - 1 }), fc.integer({ min: 0, max: 1439 }))
  .map(([d, m]) => FIRST + d * 86_400_000 + m * 60_000);
const boundary = fc
  .tuple(fc.integer({ min: 0, max: DAYS - 1 }), fc.constantFrom(0, 7 * 60, 11 * 60, 13 * 60, 17 * 60), fc.constantFrom(-1, 0, 1))
  .map(([d, m, ms]) => FIRST + d * 86_400_000 + m * 60_000 + ms);
const instant = fc.oneof(anyMs, wholeMinute, boundary).map((ms) => new Date(ms));
const minutes = fc.integer({ min: 0, max: 40 * 480 });
const positiveMinutes = fc.integer({ min: 1, max: 40 * 480 });
const config = { numRuns: 300 };

const isPeriodEnd = (t: Date): boolean =>
  calendar.isWorkingDay(localDateOf(t)) && ['11:00:00', '17:00:00'].includes(toLocalIso(t).slice(11, 19));

describe('WorkingCalendar properties', () => {
  it('adding a then b (b > 0) equals adding a + b', () => {
    fc.assert(
      fc.property(instant, minutes, positiveMinutes, (start, a, b) => {
        const stepwise = calendar.addWorkingMinutes(calendar.addWorkingMinutes(start, a), b);
        return stepwise.getTime() === calendar.addWorkingMinutes(start, a + b).getTime();
      }),
      config,
    );
  });

  it('adding 0 is the clock start, so a result on a period end moves to the next period (the b = 0 case)', () => {
    fc.assert(
      fc.property(instant, minutes, (start, a) => {
        const first = calendar.addWorkingMinutes(start, a);
        return calendar.addWorkingMinutes(first, 0).getTime() === calendar.nextWorkingInstant(first).getTime();
      }),
      config,
    );
  });

  it('lands on working time or exactly on the end of a period', () => {
    fc.assert(
      fc.property(instant, positiveMinutes, (start, m) => {
        const result = calendar.addWorkingMinutes(start, m);
        return calendar.isWorkingInstant(result) || isPeriodEnd(result);
      }),
      config,
    );
  });

  it('is monotonic in the start', () => {
    fc.assert(
      fc.property(instant, instant, minutes, (s1, s2, m) => {
        const [early, late] = s1 <= s2 ? [s1, s2] : [s2, s1];
        return calendar.addWorkingMinutes(early, m).getTime() <= calendar.addWorkingMinutes(late, m).getTime();
      }),
      config,
    );
  });

  it('is strictly monotonic in the amount', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (start, m1, m2) => {
        const [small, large] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const a = calendar.addWorkingMinutes(start, small).getTime();
        const b = calendar.addWorkingMinutes(start, large).getTime();
        return small === large ? a === b : a < b;
      }),
      config,
    );
  });

  it('measures back exactly what was added', () => {
    fc.assert(
      fc.property(instant, minutes, (s, m) => {
        const working = calendar.nextWorkingInstant(s);
        // From a working instant, and also from any instant (the skipped time is not working time).
        return (
          calendar.workingMinutesBetween(working, calendar.addWorkingMinutes(working, m)) === m &&
          calendar.workingMinutesBetween(s, calendar.addWorkingMinutes(s, m)) === m
        );
      }),
      config,
    );
  });

  it('measures intervals additively', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime());
        const whole = calendar.workingMinutesBetween(a, c);
        return Math.abs(calendar.workingMinutesBetween(a, b) + calendar.workingMinutesBetween(b, c) - whole) < 1e-9;
      }),
      config,
    );
  });

  it('is consistent across units: N working days = 8N working hours; calendar days never end before the clock start + N days', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (start, n) => {
        const days = calendar.computeDue(start, n, 'WORKING_DAYS');
        const hours = calendar.computeDue(start, 8 * n, 'WORKING_HOURS');
        const calendarDays = calendar.computeDue(start, n, 'CALENDAR_DAYS');
        return (
          days.due.getTime() === hours.due.getTime() &&
          calendar.isWorkingInstant(days.clockStart) &&
          calendar.isWorkingInstant(calendarDays.due) &&
          calendarDays.due.getTime() >= calendarDays.clockStart.getTime() + n * 86_400_000
        );
      }),
      config,
    );
  });

  it('returns the next working instant, never earlier than the input and with no working time in between', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const next = calendar.nextWorkingInstant(t);
        return (
          next.getTime() >= t.getTime() &&
          calendar.isWorkingInstant(next) &&
          calendar.workingMinutesBetween(t, next) === 0 &&
          (calendar.isWorkingInstant(t) ? next.getTime() === t.getTime() : true)
        );
      }),
      config,
    );
  });
});

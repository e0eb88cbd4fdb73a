import { holidaysForYears } from './holidays';
import { localInstant, toLocalIso } from './local-time';
import type { DayOverride, DurationUnit, WorkingTimeConfig } from './types';
import { DEFAULT_WORKING_TIME, WorkingCalendar } from './working-calendar';

const at = (date: string, time: string): Date => localInstant(date, time);
const iso = (t: Date): string => toLocalIso(t);
const local = (date: string, time: string): string => `${date}T${time}:00+07:00`;

// Official 2025-2026 schedules plus the statutory 2027-2028 defaults.
const calendar = new WorkingCalendar(holidaysForYears(2025, 2028));
const due = (date: string, time: string, amount: number, unit: DurationUnit): string =>
  iso(calendar.computeDue(at(date, time), amount, unit).due);

describe('WorkingCalendar: hand-computed deadlines (week of Monday 2026-03-02, no holidays)', () => {
  it('Monday 09:00 + 3 working days → Thursday 09:00', () => {
    expect(due('2026-03-02', '09:00', 3, 'WORKING_DAYS')).toBe(local('2026-03-05', '09:00'));
  });

  it('starts the clock on Monday 07:00 for a Saturday receipt', () => {
    const { clockStart, due: dueAt } = calendar.computeDue(at('2026-03-07', '10:15'), 3, 'WORKING_DAYS');
    expect(iso(clockStart)).toBe(local('2026-03-09', '07:00'));
    // Three whole days from a period start end at 17:00 on the third day, not 07:00 on the fourth.
    expect(iso(dueAt)).toBe(local('2026-03-11', '17:00'));
  });

  it('starts the clock at 13:00 for a receipt in the lunch break', () => {
    expect(iso(calendar.computeDue(at('2026-03-02', '11:30'), 1, 'WORKING_HOURS').clockStart)).toBe(local('2026-03-02', '13:00'));
    expect(due('2026-03-02', '11:30', 1, 'WORKING_HOURS')).toBe(local('2026-03-02', '14:00'));
  });

  it('starts the clock on Monday 07:00 for a receipt on Friday 17:30', () => {
    expect(iso(calendar.computeDue(at('2026-03-06', '17:30'), 2, 'WORKING_HOURS').clockStart)).toBe(local('2026-03-09', '07:00'));
    expect(due('2026-03-06', '17:30', 2, 'WORKING_HOURS')).toBe(local('2026-03-09', '09:00'));
  });

  it('adds 4 working hours from 09:00 across lunch → 15:00', () => {
    expect(due('2026-03-02', '09:00', 4, 'WORKING_HOURS')).toBe(local('2026-03-02', '15:00'));
  });

  it('keeps a due time that lands on the end of a period', () => {
    expect(due('2026-03-02', '09:00', 6, 'WORKING_HOURS')).toBe(local('2026-03-02', '17:00'));
    expect(due('2026-03-02', '09:00', 2, 'WORKING_HOURS')).toBe(local('2026-03-02', '11:00'));
    expect(due('2026-03-02', '07:00', 1, 'WORKING_DAYS')).toBe(local('2026-03-02', '17:00'));
    expect(due('2026-03-06', '13:00', 4, 'WORKING_HOURS')).toBe(local('2026-03-06', '17:00'));
  });

  it('rolls calendar days that end on a Sunday to Monday 07:00', () => {
    expect(due('2026-03-04', '09:00', 4, 'CALENDAR_DAYS')).toBe(local('2026-03-09', '07:00'));
    expect(due('2026-03-04', '09:00', 2, 'CALENDAR_DAYS')).toBe(local('2026-03-06', '09:00'));
    // The clock start (Monday 07:00 for a Saturday receipt) is what the days are added to.
    expect(due('2026-03-07', '09:00', 1, 'CALENDAR_DAYS')).toBe(local('2026-03-10', '07:00'));
  });

  it('gives the clock start for an amount of zero', () => {
    expect(due('2026-03-07', '09:00', 0, 'WORKING_DAYS')).toBe(local('2026-03-09', '07:00'));
    expect(due('2026-03-02', '11:00', 0, 'WORKING_HOURS')).toBe(local('2026-03-02', '13:00'));
  });

  it('treats N working days as N × 8 working hours and accepts fractions', () => {
    expect(due('2026-03-02', '09:00', 10, 'WORKING_DAYS')).toBe(due('2026-03-02', '09:00', 80, 'WORKING_HOURS'));
    expect(due('2026-03-02', '09:00', 0.5, 'WORKING_DAYS')).toBe(local('2026-03-02', '15:00'));
    expect(iso(calendar.addWorkingMinutes(at('2026-03-02', '10:59'), 1.5))).toBe('2026-03-02T13:00:30+07:00');
  });
});

describe('WorkingCalendar: official schedules', () => {
  it('Tết 2026: Friday 13/02 10:00 + 2 working days → Tuesday 24/02 10:00', () => {
    // 5 h on Friday 13/02, nothing from Saturday 14/02 to Sunday 22/02, 8 h on Monday 23/02, 3 h on Tuesday.
    expect(due('2026-02-13', '10:00', 2, 'WORKING_DAYS')).toBe(local('2026-02-24', '10:00'));
    expect(calendar.workingMinutesBetween(at('2026-02-13', '10:00'), at('2026-02-24', '10:00'))).toBe(16 * 60);
    expect(iso(calendar.nextWorkingInstant(at('2026-02-17', '09:00')))).toBe(local('2026-02-23', '07:00'));
  });

  it('New Year 2026: Wednesday 31/12/2025 09:00 + 2 working days → Tuesday 06/01/2026 09:00', () => {
    // The brief expected Monday 05/01 09:00, but that is only 6 h (31/12) + 2 h (05/01) = 1 working day;
    // 01/01 (holiday) and 02/01 (swapped off) are not worked, so the second day ends on Tuesday 09:00.
    expect(due('2025-12-31', '09:00', 1, 'WORKING_DAYS')).toBe(local('2026-01-05', '09:00'));
    expect(due('2025-12-31', '09:00', 2, 'WORKING_DAYS')).toBe(local('2026-01-06', '09:00'));
  });

  it('New Year 2026: Saturday 10/01 is a make-up working day', () => {
    expect(calendar.dayInfo('2026-01-10')).toEqual({
      date: '2026-01-10',
      weekday: 6,
      working: true,
      kind: 'MAKEUP_WORKDAY',
      name: 'Làm bù cho ngày nghỉ hoán đổi 02/01/2026',
      document: 'Công văn 12729/VPCP-KGVX',
    });
    expect(calendar.dayInfo('2026-01-02')).toMatchObject({ weekday: 5, working: false, kind: 'SWAPPED_OFF' });
    expect(calendar.isWorkingInstant(at('2026-01-10', '09:00'))).toBe(true);
    expect(calendar.isWorkingInstant(at('2026-01-11', '09:00'))).toBe(false);
    expect(due('2026-01-09', '16:00', 2, 'WORKING_HOURS')).toBe(local('2026-01-10', '08:00'));
    expect(due('2026-01-10', '06:00', 0, 'WORKING_HOURS')).toBe(local('2026-01-10', '07:00'));
  });

  it('National Day 2026: off Saturday 29/08 to Wednesday 02/09, Saturday 22/08 worked', () => {
    expect(calendar.days('2026-08-28', '2026-09-03').map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2026-08-28 WORKDAY',
      '2026-08-29 WEEKEND',
      '2026-08-30 WEEKEND',
      '2026-08-31 SWAPPED_OFF',
      '2026-09-01 HOLIDAY',
      '2026-09-02 HOLIDAY',
      '2026-09-03 WORKDAY',
    ]);
    expect(due('2026-08-28', '10:00', 1, 'WORKING_DAYS')).toBe(local('2026-09-03', '10:00'));
    expect(due('2026-08-21', '16:00', 2, 'WORKING_HOURS')).toBe(local('2026-08-22', '08:00'));
  });

  it('Hùng Kings 2026 falls on a Sunday and Monday 27/04 is off instead', () => {
    expect(calendar.dayInfo('2026-04-27')).toMatchObject({ working: false, kind: 'SUBSTITUTE_OFF', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
    // Friday 24/04 16:00: 1 h, then Tuesday 28/04 from 07:00; 30/04 and 01/05 are holidays.
    expect(due('2026-04-24', '16:00', 2, 'WORKING_HOURS')).toBe(local('2026-04-28', '08:00'));
    expect(due('2026-04-29', '09:00', 1, 'WORKING_DAYS')).toBe(local('2026-05-04', '09:00'));
  });

  it('2025: Tết Ất Tỵ and the 30/4 swap', () => {
    expect(due('2025-01-24', '10:00', 1, 'WORKING_DAYS')).toBe(local('2025-02-03', '10:00'));
    expect(due('2025-04-25', '16:00', 2, 'WORKING_HOURS')).toBe(local('2025-04-26', '08:00'));
    expect(due('2025-04-29', '10:00', 1, 'WORKING_DAYS')).toBe(local('2025-05-05', '10:00'));
    expect(due('2025-08-29', '10:00', 1, 'WORKING_DAYS')).toBe(local('2025-09-03', '10:00'));
  });

  it('rolls calendar days that end in Tết to the first working instant after it', () => {
    expect(due('2026-02-12', '09:00', 5, 'CALENDAR_DAYS')).toBe(local('2026-02-23', '07:00'));
  });
});

describe('WorkingCalendar: years without an official schedule', () => {
  it('2027: Tết Đinh Mùi on Saturday 06/02 with two substitute days', () => {
    // Thursday 04/02: 5 h; 05/02-11/02 off (Tết 05-09, substitutes 10-11); Friday 12/02: 8 h; Monday 15/02: 3 h.
    expect(due('2027-02-04', '10:00', 2, 'WORKING_DAYS')).toBe(local('2027-02-15', '10:00'));
    expect(calendar.dayInfo('2027-02-06')).toMatchObject({ kind: 'HOLIDAY', name: 'Tết Nguyên đán Đinh Mùi', working: false });
    expect(calendar.dayInfo('2027-02-11')).toMatchObject({ kind: 'SUBSTITUTE_OFF', working: false });
    expect(calendar.dayInfo('2027-04-16')).toMatchObject({ kind: 'HOLIDAY', name: 'Giỗ Tổ Hùng Vương' });
  });

  it('2028: 30/4 on a Sunday, substitute after 1/5', () => {
    expect(due('2028-04-28', '10:00', 1, 'WORKING_DAYS')).toBe(local('2028-05-03', '10:00'));
    expect(due('2027-12-31', '16:00', 2, 'WORKING_HOURS')).toBe(local('2028-01-04', '08:00'));
  });
});

describe('WorkingCalendar: instants and intervals', () => {
  it('treats periods as half-open [start, end)', () => {
    const cases: Array<[string, boolean]> = [
      ['06:59', false],
      ['07:00', true],
      ['10:59', true],
      ['11:00', false],
      ['12:59', false],
      ['13:00', true],
      ['16:59', true],
      ['17:00', false],
    ];
    for (const [time, working] of cases) expect([time, calendar.isWorkingInstant(at('2026-03-02', time))]).toEqual([time, working]);
    expect(calendar.isWorkingInstant(new Date(at('2026-03-02', '11:00').getTime() - 1))).toBe(true);
    expect(calendar.isWorkingInstant(at('2026-03-07', '09:00'))).toBe(false);
  });

  it('returns the instant itself when it is working time', () => {
    const t = new Date(at('2026-03-02', '09:17').getTime() + 123);
    expect(calendar.nextWorkingInstant(t).getTime()).toBe(t.getTime());
    expect(iso(calendar.nextWorkingInstant(at('2026-03-02', '05:00')))).toBe(local('2026-03-02', '07:00'));
    expect(iso(calendar.nextWorkingInstant(at('2026-03-02', '11:00')))).toBe(local('2026-03-02', '13:00'));
    expect(iso(calendar.nextWorkingInstant(at('2026-03-06', '17:00')))).toBe(local('2026-03-09', '07:00'));
    expect(iso(calendar.nextWorkingInstant(at('2026-03-05', '23:59')))).toBe(local('2026-03-06', '07:00'));
  });

  it('measures working minutes between two instants', () => {
    expect(calendar.workingMinutesBetween(at('2026-03-02', '09:00'), at('2026-03-02', '09:00'))).toBe(0);
    expect(calendar.workingMinutesBetween(at('2026-03-02', '15:00'), at('2026-03-02', '09:00'))).toBe(0);
    expect(calendar.workingMinutesBetween(at('2026-03-02', '10:00'), at('2026-03-02', '14:00'))).toBe(120);
    expect(calendar.workingMinutesBetween(at('2026-03-02', '11:10'), at('2026-03-02', '12:50'))).toBe(0);
    expect(calendar.workingMinutesBetween(at('2026-03-06', '16:00'), at('2026-03-09', '08:00'))).toBe(120);
    expect(calendar.workingMinutesBetween(at('2026-03-02', '00:00'), at('2026-03-09', '00:00'))).toBe(5 * 480);
    expect(calendar.workingMinutesBetween(at('2026-03-02', '09:00'), new Date(at('2026-03-02', '09:00').getTime() + 30_000))).toBe(0.5);
    // The whole of 2026 under the official schedule: 250 working days.
    expect(calendar.workingMinutesBetween(at('2026-01-01', '00:00'), at('2027-01-01', '00:00'))).toBe(250 * 480);
  });

  it('adds working minutes and skips whole days', () => {
    expect(iso(calendar.addWorkingMinutes(at('2026-03-02', '09:00'), 0))).toBe(local('2026-03-02', '09:00'));
    expect(iso(calendar.addWorkingMinutes(at('2026-03-02', '10:30'), 45))).toBe(local('2026-03-02', '13:15'));
    expect(iso(calendar.addWorkingMinutes(at('2026-03-02', '07:00'), 480 * 5))).toBe(local('2026-03-06', '17:00'));
    expect(iso(calendar.addWorkingMinutes(at('2026-03-02', '07:00'), 480 * 5 + 1))).toBe(local('2026-03-09', '07:01'));
    expect(iso(calendar.addWorkingMinutes(at('2026-01-01', '00:00'), 250 * 480))).toBe(local('2026-12-31', '17:00'));
  });

  it('adds calendar days from the clock start', () => {
    expect(iso(calendar.addCalendarDays(at('2026-03-02', '10:00'), 7))).toBe(local('2026-03-09', '10:00'));
    expect(iso(calendar.addCalendarDays(at('2026-03-02', '11:30'), 1))).toBe(local('2026-03-03', '13:00'));
    expect(iso(calendar.addCalendarDays(at('2026-03-02', '10:00'), 0))).toBe(local('2026-03-02', '10:00'));
  });

  it('rejects invalid arguments', () => {
    const t = at('2026-03-02', '09:00');
    expect(() => calendar.addWorkingMinutes(t, -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingMinutes(t, Number.NaN)).toThrow(RangeError);
    expect(() => calendar.addWorkingMinutes(new Date(Number.NaN), 1)).toThrow(RangeError);
    expect(() => calendar.addCalendarDays(t, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => calendar.computeDue(t, -2, 'WORKING_DAYS')).toThrow(RangeError);
    expect(() => calendar.computeDue(t, 1, 'MONTHS' as DurationUnit)).toThrow(RangeError);
    expect(() => calendar.workingMinutesBetween(t, new Date('x'))).toThrow(RangeError);
    expect(() => calendar.dayInfo('2026-02-29')).toThrow(RangeError);
  });
});

describe('WorkingCalendar: days and overrides', () => {
  it('describes days', () => {
    expect(calendar.dayInfo('2026-03-02')).toEqual({ date: '2026-03-02', weekday: 1, working: true, kind: 'WORKDAY' });
    expect(calendar.dayInfo('2026-03-08')).toEqual({ date: '2026-03-08', weekday: 7, working: false, kind: 'WEEKEND' });
    expect(calendar.dayInfo('2026-02-17')).toEqual({
      date: '2026-02-17',
      weekday: 2,
      working: false,
      kind: 'HOLIDAY',
      name: 'Tết Nguyên đán Bính Ngọ',
      document: expect.stringContaining('Thủ tướng'),
    });
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
    expect(calendar.days('2026-03-02', '2026-03-08')).toHaveLength(7);
    expect(calendar.days('2026-03-02', '2026-03-02')).toHaveLength(1);
    expect(calendar.days('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('lets later overrides for a date win and omits an absent document', () => {
    const overrides: DayOverride[] = [
      { date: '2026-03-02', kind: 'HOLIDAY', name: 'Nghỉ' },
      { date: '2026-03-02', kind: 'MAKEUP_WORKDAY', name: 'Đi làm' },
      { date: '2026-03-03', kind: 'SWAPPED_OFF', name: 'Nghỉ hoán đổi' },
    ];
    const cal = new WorkingCalendar(overrides);
    expect(cal.dayInfo('2026-03-02')).toEqual({ date: '2026-03-02', weekday: 1, working: true, kind: 'MAKEUP_WORKDAY', name: 'Đi làm' });
    expect(cal.dayInfo('2026-03-03').working).toBe(false);
    overrides[2].kind = 'MAKEUP_WORKDAY'; // the calendar keeps its own copy
    expect(cal.dayInfo('2026-03-03').working).toBe(false);
  });

  it('works without overrides (weekends only)', () => {
    const plain = new WorkingCalendar([]);
    expect(iso(plain.computeDue(at('2026-02-13', '10:00'), 2, 'WORKING_DAYS').due)).toBe(local('2026-02-17', '10:00'));
    expect(() => new WorkingCalendar([{ date: '2026-2-1', kind: 'HOLIDAY', name: 'x' }])).toThrow(RangeError);
  });
});

describe('WorkingCalendar: configuration', () => {
  it('defaults to Monday-Friday 07:00-11:00, 13:00-17:00 at UTC+7', () => {
    expect(DEFAULT_WORKING_TIME).toEqual({
      utcOffsetMinutes: 420,
      workingWeekdays: [1, 2, 3, 4, 5],
      periods: [
        { start: '07:00', end: '11:00' },
        { start: '13:00', end: '17:00' },
      ],
    });
    expect(Object.isFrozen(DEFAULT_WORKING_TIME)).toBe(true);
    expect(calendar.workingMinutesPerDay).toBe(480);
    expect(calendar.config).toEqual(DEFAULT_WORKING_TIME);
  });

  it('supports other weekdays, periods and offsets', () => {
    const config: WorkingTimeConfig = {
      utcOffsetMinutes: 0,
      workingWeekdays: [6, 1, 2, 3, 4, 5, 5],
      periods: [
        { start: '13:30', end: '17:30' },
        { start: '08:00', end: '12:00' },
      ],
    };
    const cal = new WorkingCalendar([], config);
    expect(cal.config.workingWeekdays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cal.workingMinutesPerDay).toBe(480);
    const saturday = new Date('2026-03-07T09:00:00Z');
    expect(cal.isWorkingInstant(saturday)).toBe(true);
    expect(cal.computeDue(saturday, 1, 'WORKING_DAYS').due.toISOString()).toBe('2026-03-09T09:00:00.000Z');
    expect(cal.nextWorkingInstant(new Date('2026-03-07T12:10:00Z')).toISOString()).toBe('2026-03-07T13:30:00.000Z');
    expect(cal.dayInfo('2026-03-08').kind).toBe('WEEKEND');
  });

  it('supports a single period and a half-day working week', () => {
    const cal = new WorkingCalendar([], {
      utcOffsetMinutes: 420,
      workingWeekdays: [1, 2, 3, 4, 5],
      periods: [{ start: '08:00', end: '12:00' }],
    });
    expect(cal.workingMinutesPerDay).toBe(240);
    expect(iso(cal.computeDue(at('2026-03-06', '11:00'), 1, 'WORKING_DAYS').due)).toBe(local('2026-03-09', '11:00'));
  });

  it('handles round-the-clock working time', () => {
    const cal = new WorkingCalendar([], {
      utcOffsetMinutes: 420,
      workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
      periods: [{ start: '00:00', end: '24:00' }],
    });
    const t = at('2026-03-02', '09:00');
    expect(cal.addWorkingMinutes(t, 10_000).getTime()).toBe(t.getTime() + 10_000 * 60_000);
    expect(cal.workingMinutesBetween(t, new Date(t.getTime() + 3 * 86_400_000))).toBe(3 * 1440);
  });

  it('rejects unusable configurations', () => {
    const base = DEFAULT_WORKING_TIME;
    const bad: WorkingTimeConfig[] = [
      { ...base, workingWeekdays: [] },
      { ...base, workingWeekdays: [0, 1] },
      { ...base, workingWeekdays: [8] },
      { ...base, periods: [] },
      { ...base, periods: [{ start: '11:00', end: '07:00' }] },
      { ...base, periods: [{ start: '07:00', end: '07:00' }] },
      {
        ...base,
        periods: [
          { start: '07:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      },
      { ...base, periods: [{ start: '7:00', end: '11:00' }] },
      { ...base, utcOffsetMinutes: 7.5 },
      { ...base, utcOffsetMinutes: 15 * 60 },
    ];
    for (const config of bad) expect(() => new WorkingCalendar([], config)).toThrow(RangeError);
  });
});

import { holidaysFor, holidaysForYears, statutoryHolidays, withWeekendSubstitutes } from './holidays';
import { dayNumberOf, isoWeekdayOfDayNumber } from './local-time';
import { OFFICIAL_SCHEDULES } from './official-schedules';
import type { DayOverride } from './types';
import { WorkingCalendar } from './working-calendar';

const brief = (days: readonly DayOverride[]): string[] => days.map((d) => `${d.date} ${d.kind}`);
const weekday = (date: string): number => isoWeekdayOfDayNumber(dayNumberOf(date));

describe('statutory holidays (Labour Code art. 112)', () => {
  it('computes 2027 with Tết on a Saturday and 1/5 on a Saturday', () => {
    expect(brief(statutoryHolidays(2027))).toEqual([
      '2027-01-01 HOLIDAY',
      '2027-02-05 HOLIDAY', // 30 Tết (last day of Bính Ngọ)
      '2027-02-06 HOLIDAY', // mùng 1 Đinh Mùi, Saturday
      '2027-02-07 HOLIDAY', // Sunday
      '2027-02-08 HOLIDAY',
      '2027-02-09 HOLIDAY',
      '2027-02-10 SUBSTITUTE_OFF',
      '2027-02-11 SUBSTITUTE_OFF',
      '2027-04-16 HOLIDAY',
      '2027-04-30 HOLIDAY',
      '2027-05-01 HOLIDAY',
      '2027-05-03 SUBSTITUTE_OFF',
      '2027-09-01 HOLIDAY',
      '2027-09-02 HOLIDAY',
    ]);
    const tet = statutoryHolidays(2027).find((d) => d.date === '2027-02-06');
    expect(tet).toEqual({
      date: '2027-02-06',
      kind: 'HOLIDAY',
      name: 'Tết Nguyên đán Đinh Mùi',
      document: 'Bộ luật Lao động 2019, Điều 112',
    });
    expect(statutoryHolidays(2027).find((d) => d.date === '2027-05-03')?.name).toBe('Nghỉ bù Ngày Quốc tế Lao động');
  });

  it('computes 2028, where the substitute for 30/4 skips the 1/5 holiday', () => {
    expect(brief(statutoryHolidays(2028))).toEqual([
      '2028-01-01 HOLIDAY', // Saturday
      '2028-01-03 SUBSTITUTE_OFF',
      '2028-01-25 HOLIDAY',
      '2028-01-26 HOLIDAY', // mùng 1 Mậu Thân
      '2028-01-27 HOLIDAY',
      '2028-01-28 HOLIDAY',
      '2028-01-29 HOLIDAY', // Saturday
      '2028-01-31 SUBSTITUTE_OFF',
      '2028-04-04 HOLIDAY',
      '2028-04-30 HOLIDAY', // Sunday
      '2028-05-01 HOLIDAY',
      '2028-05-02 SUBSTITUTE_OFF',
      '2028-09-01 HOLIDAY',
      '2028-09-02 HOLIDAY', // Saturday
      '2028-09-04 SUBSTITUTE_OFF',
    ]);
  });

  it('gives the same Tết days as the official 2026 schedule, but not the official 2025 ones', () => {
    const tet = (days: readonly DayOverride[]): string[] => days.filter((d) => d.name.startsWith('Tết Nguyên đán')).map((d) => d.date);
    expect(tet(statutoryHolidays(2026))).toEqual(tet(OFFICIAL_SCHEDULES[2026]));
    // The default rule puts 2025 one day later, with a Saturday to make up for.
    expect(brief(statutoryHolidays(2025)).slice(1, 7)).toEqual([
      '2025-01-28 HOLIDAY',
      '2025-01-29 HOLIDAY',
      '2025-01-30 HOLIDAY',
      '2025-01-31 HOLIDAY',
      '2025-02-01 HOLIDAY',
      '2025-02-03 SUBSTITUTE_OFF',
    ]);
  });

  it('keeps its invariants in every year 1950-2100', () => {
    for (let year = 1950; year <= 2100; year++) {
      const days = statutoryHolidays(year);
      const holidays = days.filter((d) => d.kind === 'HOLIDAY');
      const substitutes = days.filter((d) => d.kind === 'SUBSTITUTE_OFF');
      const dates = days.map((d) => d.date);
      const problems = [
        holidays.length !== 11 && 'not 11 holidays',
        substitutes.length !== holidays.filter((d) => weekday(d.date) >= 6).length && 'substitute count',
        substitutes.some((d) => weekday(d.date) >= 6) && 'substitute on a weekend',
        new Set(dates).size !== dates.length && 'duplicate date',
        dates.some((d, i) => i > 0 && d < dates[i - 1]) && 'unsorted',
        dates.some((d) => !d.startsWith(`${year}-`)) && 'outside the year',
        days.some((d) => !d.name || !d.document) && 'missing name or document',
      ].filter(Boolean);
      if (problems.length > 0) throw new Error(`${year}: ${problems.join(', ')}`);
    }
  });

  it('returns fresh copies', () => {
    const first = statutoryHolidays(2030);
    first[0].name = 'changed';
    first.pop();
    expect(statutoryHolidays(2030)[0].name).toBe('Tết Dương lịch');
    expect(statutoryHolidays(2030)).toHaveLength(first.length + 1);
  });
});

describe('withWeekendSubstitutes', () => {
  const h = (date: string, name = 'Lễ'): DayOverride => ({ date, kind: 'HOLIDAY', name });

  it('gives substitutes after the whole run of consecutive holidays', () => {
    // Sunday 29/4 (Hùng Kings in such a year) joins 30/4 and 1/5 into one run.
    expect(brief(withWeekendSubstitutes([h('2029-04-29'), h('2029-04-30'), h('2029-05-01')]))).toEqual([
      '2029-04-29 HOLIDAY',
      '2029-04-30 HOLIDAY',
      '2029-05-01 HOLIDAY',
      '2029-05-02 SUBSTITUTE_OFF',
    ]);
  });

  it('skips days that are already off and weekends', () => {
    expect(brief(withWeekendSubstitutes([h('2026-05-10'), h('2026-05-12'), h('2026-05-15'), h('2026-05-16'), h('2026-05-17')]))).toEqual([
      '2026-05-10 HOLIDAY', // Sunday → Monday 11
      '2026-05-11 SUBSTITUTE_OFF',
      '2026-05-12 HOLIDAY',
      '2026-05-15 HOLIDAY',
      '2026-05-16 HOLIDAY', // Saturday and Sunday → Monday 18, Tuesday 19
      '2026-05-17 HOLIDAY',
      '2026-05-18 SUBSTITUTE_OFF',
      '2026-05-19 SUBSTITUTE_OFF',
    ]);
    expect(withWeekendSubstitutes([h('2026-04-26', 'Giỗ Tổ Hùng Vương')])[1].name).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
  });
});

describe('official schedules', () => {
  it('ships 2025 as decided', () => {
    expect(brief(OFFICIAL_SCHEDULES[2025])).toEqual([
      '2025-01-01 HOLIDAY',
      '2025-01-27 HOLIDAY',
      '2025-01-28 HOLIDAY',
      '2025-01-29 HOLIDAY',
      '2025-01-30 HOLIDAY',
      '2025-01-31 HOLIDAY',
      '2025-04-07 HOLIDAY',
      '2025-04-26 MAKEUP_WORKDAY',
      '2025-04-30 HOLIDAY',
      '2025-05-01 HOLIDAY',
      '2025-05-02 SWAPPED_OFF',
      '2025-09-01 HOLIDAY',
      '2025-09-02 HOLIDAY',
    ]);
    expect(OFFICIAL_SCHEDULES[2025][1]).toMatchObject({ name: 'Tết Nguyên đán Ất Tỵ', document: 'Công văn 8726/VPCP-KGVX' });
  });

  it('ships 2026 as decided', () => {
    expect(brief(OFFICIAL_SCHEDULES[2026])).toEqual([
      '2026-01-01 HOLIDAY',
      '2026-01-02 SWAPPED_OFF',
      '2026-01-10 MAKEUP_WORKDAY',
      '2026-02-16 HOLIDAY',
      '2026-02-17 HOLIDAY',
      '2026-02-18 HOLIDAY',
      '2026-02-19 HOLIDAY',
      '2026-02-20 HOLIDAY',
      '2026-04-26 HOLIDAY',
      '2026-04-27 SUBSTITUTE_OFF',
      '2026-04-30 HOLIDAY',
      '2026-05-01 HOLIDAY',
      '2026-08-22 MAKEUP_WORKDAY',
      '2026-08-31 SWAPPED_OFF',
      '2026-09-01 HOLIDAY',
      '2026-09-02 HOLIDAY',
    ]);
    expect(OFFICIAL_SCHEDULES[2026][1]).toMatchObject({ document: 'Công văn 12729/VPCP-KGVX' });
    expect(OFFICIAL_SCHEDULES[2026][2]).toMatchObject({ document: 'Công văn 12729/VPCP-KGVX' });
    expect(OFFICIAL_SCHEDULES[2026][3].name).toBe('Tết Nguyên đán Bính Ngọ');
  });

  it('swaps only Saturdays for weekdays, and every entry names a document', () => {
    for (const year of [2025, 2026]) {
      const days = OFFICIAL_SCHEDULES[year];
      expect(days.filter((d) => d.kind === 'MAKEUP_WORKDAY').every((d) => weekday(d.date) === 6)).toBe(true);
      expect(days.filter((d) => d.kind === 'SWAPPED_OFF').every((d) => weekday(d.date) <= 5)).toBe(true);
      expect(days.every((d) => d.date.startsWith(`${year}-`) && d.name.length > 0 && (d.document ?? '').length > 0)).toBe(true);
      expect(Object.isFrozen(days) && Object.isFrozen(days[0])).toBe(true);
    }
  });

  it('counts the working days of 2026 (261 weekdays - 13 weekdays off + 2 make-up Saturdays)', () => {
    const working = new WorkingCalendar(holidaysFor(2026)).days('2026-01-01', '2026-12-31').filter((d) => d.working);
    expect(working).toHaveLength(250);
  });
});

describe('holidaysFor', () => {
  it('prefers the official schedule and falls back to the statutory rule', () => {
    expect(holidaysFor(2025)).toEqual(OFFICIAL_SCHEDULES[2025]);
    expect(holidaysFor(2026)).toEqual(OFFICIAL_SCHEDULES[2026]);
    expect(holidaysFor(2027)).toEqual(statutoryHolidays(2027));
  });

  it('returns mutable copies that leave the shipped data untouched', () => {
    const days = holidaysFor(2026);
    days[0].name = 'changed';
    expect(OFFICIAL_SCHEDULES[2026][0].name).toBe('Tết Dương lịch');
  });

  it('concatenates a range of years', () => {
    const days = holidaysForYears(2025, 2027);
    expect(days).toEqual([...holidaysFor(2025), ...holidaysFor(2026), ...holidaysFor(2027)]);
    expect(holidaysForYears(2027, 2026)).toEqual([]);
  });
});

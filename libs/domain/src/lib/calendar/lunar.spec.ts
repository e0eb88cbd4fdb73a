import { dateOfDayNumber, dayNumberOf } from './local-time';
import { lunarToSolar, lunarYearName, solarToLunar } from './lunar';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [2010, '2010-02-14'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    // The brief lists 2030-02-03, which is the Chinese date: the new moon is 2030-02-02 16:09 UTC,
    // i.e. 23:09 in Vietnam but 00:09 on the 3rd in China (Vietnamese Tết comes first in 2030).
    [2030, '2030-02-02'],
  ])('Tết %i is %s', (year, date) => {
    expect(lunarToSolar(1, 1, year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it('differs from the Chinese calendar where the new moon falls between 16:00 and 17:00 UTC', () => {
    // 1985: Vietnam 21/01, China 20/02 (a whole month: the leap month falls in a different year).
    expect(lunarToSolar(1, 1, 1985)).toBe('1985-01-21');
    expect(solarToLunar('1985-02-20')).toEqual({ day: 1, month: 2, year: 1985, leap: false });
    expect(lunarToSolar(1, 2, 1985, true)).toBe('1985-03-21');
    // 2007: Vietnam 17/02, China 18/02.
    expect(lunarToSolar(1, 1, 2007)).toBe('2007-02-17');
    expect(solarToLunar('2007-02-18')).toEqual({ day: 2, month: 1, year: 2007, leap: false });
    // 1968: Hà Nội switched to UTC+7 in 1967 and celebrated on 29/01; the South (UTC+8) on 30/01.
    expect(lunarToSolar(1, 1, 1968)).toBe('1968-01-29');
    // 2053: Vietnam one day ahead of China again.
    expect(lunarToSolar(1, 1, 2053)).toBe('2053-02-18');
  });

  it.each([
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('Giỗ Tổ Hùng Vương (10/3) %i is %s', (year, date) => {
    expect(lunarToSolar(10, 3, year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 10, month: 3, year, leap: false });
  });

  it('handles leap (nhuận) months', () => {
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(solarToLunar('2025-06-25')).toEqual({ day: 1, month: 6, year: 2025, leap: false });
    expect(solarToLunar('2025-08-23')).toEqual({ day: 1, month: 7, year: 2025, leap: false });
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25');
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22');
    expect(lunarToSolar(1, 4, 2020, true)).toBe('2020-05-23');
  });

  it('puts the last months of a lunar year in the right year', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar('2025-12-31')).toEqual({ day: 12, month: 11, year: 2025, leap: false });
    expect(solarToLunar('2024-12-31')).toEqual({ day: 1, month: 12, year: 2024, leap: false });
  });

  it('rejects lunar dates that do not exist', () => {
    expect(() => lunarToSolar(1, 5, 2025, true)).toThrow(RangeError); // 2025 leaps month 6
    expect(() => lunarToSolar(1, 1, 2026, true)).toThrow(RangeError); // no leap month in 2026
    expect(() => lunarToSolar(30, 12, 2024)).toThrow(RangeError); // Chạp Giáp Thìn has 29 days
    expect(() => lunarToSolar(0, 1, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 13, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 1, 1700)).toThrow(RangeError);
    expect(() => solarToLunar('2300-01-01')).toThrow(RangeError);
  });

  it('walks every day 1900-2100 consistently and round-trips each one', () => {
    // Plain comparisons instead of expect() per day keep 73 000 days fast.
    const failures: string[] = [];
    const yearLengths = new Set<number>();
    let previous = solarToLunar('1899-12-31');
    let monthsInYear = Number.NaN; // counting starts at the first Tết
    for (let day = dayNumberOf('1900-01-01'), last = dayNumberOf('2100-12-31'); day <= last; day++) {
      const date = dateOfDayNumber(day);
      const lunar = solarToLunar(date);
      const sameMonth = lunar.month === previous.month && lunar.year === previous.year && lunar.leap === previous.leap;
      if (lunar.day !== 1) {
        if (!sameMonth || lunar.day !== previous.day + 1) failures.push(`${date}: day ${lunar.day} does not follow`);
      } else {
        const expected = lunar.leap
          ? lunar.month === previous.month && lunar.year === previous.year
          : previous.month === 12
            ? lunar.month === 1 && lunar.year === previous.year + 1
            : lunar.month === previous.month + 1 && lunar.year === previous.year;
        if (!expected || (previous.day !== 29 && previous.day !== 30)) failures.push(`${date}: bad month change`);
        if (lunar.month === 1 && !lunar.leap) {
          if (!Number.isNaN(monthsInYear)) yearLengths.add(monthsInYear);
          monthsInYear = 0;
        }
        monthsInYear++;
      }
      if (lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap) !== date) failures.push(`${date}: round trip`);
      previous = lunar;
    }
    expect(failures).toEqual([]);
    expect([...yearLengths].sort((a, b) => a - b)).toEqual([12, 13]);
  });

  it('finds the month start where the reference algorithm returned day 0', () => {
    expect(solarToLunar('2054-05-07')).toEqual({ day: 30, month: 3, year: 2054, leap: false });
    expect(solarToLunar('2054-05-08')).toEqual({ day: 1, month: 4, year: 2054, leap: false });
    expect(solarToLunar('2062-04-09')).toEqual({ day: 30, month: 2, year: 2062, leap: false });
  });

  it('names lunar years by can chi', () => {
    expect(lunarYearName(2024)).toBe('Giáp Thìn');
    expect(lunarYearName(2025)).toBe('Ất Tỵ');
    expect(lunarYearName(2026)).toBe('Bính Ngọ');
    expect(lunarYearName(1968)).toBe('Mậu Thân');
    expect(lunarYearName(1984)).toBe('Giáp Tý');
  });
});

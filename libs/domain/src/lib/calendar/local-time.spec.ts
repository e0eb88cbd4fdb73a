import { addDaysToDate, dayNumberOf, isoWeekdayOfDayNumber, localDateOf, localInstant, parseTimeOfDay, toLocalIso } from './local-time';

describe('local time (fixed UTC+7)', () => {
  it('puts local midnight at 17:00 UTC of the previous day', () => {
    expect(localDateOf(new Date('2026-02-22T17:00:00.000Z'))).toBe('2026-02-23');
    expect(localDateOf(new Date('2026-02-22T16:59:59.999Z'))).toBe('2026-02-22');
    expect(localDateOf(new Date('2026-02-22T16:59:59.999Z'), 0)).toBe('2026-02-22');
    expect(localDateOf(new Date('2026-02-22T23:30:00.000Z'), -60)).toBe('2026-02-22');
  });

  it('formats ISO 8601 with the local offset', () => {
    expect(toLocalIso(new Date('2026-02-23T02:00:00Z'))).toBe('2026-02-23T09:00:00+07:00');
    expect(toLocalIso(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01T00:00:00+07:00');
    expect(toLocalIso(new Date('2026-02-23T02:00:00.250Z'))).toBe('2026-02-23T09:00:00.250+07:00');
    expect(toLocalIso(new Date('2026-02-23T02:00:00Z'), 0)).toBe('2026-02-23T02:00:00+00:00');
    expect(toLocalIso(new Date('2026-02-23T02:00:00Z'), -90)).toBe('2026-02-23T00:30:00-01:30');
  });

  it('builds instants from local wall-clock time', () => {
    expect(localInstant('2026-02-23', '09:00').toISOString()).toBe('2026-02-23T02:00:00.000Z');
    expect(localInstant('2026-02-23').toISOString()).toBe('2026-02-22T17:00:00.000Z');
    expect(localInstant('2026-02-23', '24:00').toISOString()).toBe('2026-02-23T17:00:00.000Z');
    expect(toLocalIso(localInstant('1999-12-31', '23:59'))).toBe('1999-12-31T23:59:00+07:00');
  });

  it('computes ISO weekdays and day arithmetic', () => {
    expect(isoWeekdayOfDayNumber(dayNumberOf('1970-01-01'))).toBe(4);
    expect(isoWeekdayOfDayNumber(dayNumberOf('2026-02-23'))).toBe(1);
    expect(isoWeekdayOfDayNumber(dayNumberOf('2026-02-22'))).toBe(7);
    expect(isoWeekdayOfDayNumber(dayNumberOf('1969-12-28'))).toBe(7);
    expect(addDaysToDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToDate('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDaysToDate('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('rejects malformed or impossible input', () => {
    for (const bad of ['2026-02-30', '2026-2-3', '2026-13-01', '', '2026-02-23T00:00']) {
      expect(() => dayNumberOf(bad)).toThrow(RangeError);
    }
    for (const bad of ['7:00', '24:01', '12:60', 'noon']) expect(() => parseTimeOfDay(bad)).toThrow(RangeError);
    expect(() => localDateOf(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => toLocalIso(new Date('nope'))).toThrow(RangeError);
  });
});

import { addDays, daysInclusive, localToday, percent } from './oversight-scope';

describe('oversight date arithmetic and shares', () => {
  it('takes today in Asia/Ho_Chi_Minh: 17:00 UTC is already the next local day', () => {
    expect(localToday(new Date('2026-06-30T16:59:59Z'))).toBe('2026-06-30');
    expect(localToday(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01');
  });

  it('shifts local dates across month and year ends, and counts days inclusively', () => {
    expect(addDays('2026-06-01', -30)).toBe('2026-05-02');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysInclusive('2026-06-01', '2026-06-30')).toBe(30);
    expect(daysInclusive('2026-06-01', '2026-06-01')).toBe(1);
    expect(daysInclusive('2025-12-15', '2026-01-14')).toBe(31);
  });

  it('gives shares in % with one decimal, and null when there is nothing to count', () => {
    expect(percent(9, 11)).toBe(81.8);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBeNull();
  });
});

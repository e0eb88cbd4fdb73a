import { bucketsOf, defaultGranularity } from './dashboard.buckets';

describe('dashboard buckets', () => {
  it('cuts the first and last month to the period, so the buckets partition it', () => {
    expect(bucketsOf('2026-01-15', '2026-03-10', 'month')).toEqual([
      { key: '2026-01-01', from: '2026-01-15', to: '2026-01-31' },
      { key: '2026-02-01', from: '2026-02-01', to: '2026-02-28' },
      { key: '2026-03-01', from: '2026-03-01', to: '2026-03-10' },
    ]);
  });

  it('starts weeks on Monday, as PostgreSQL date_trunc does', () => {
    // 2026-03-01 is a Sunday: its week began on Monday 23/02.
    expect(bucketsOf('2026-03-01', '2026-03-10', 'week')).toEqual([
      { key: '2026-02-23', from: '2026-03-01', to: '2026-03-01' },
      { key: '2026-03-02', from: '2026-03-02', to: '2026-03-08' },
      { key: '2026-03-09', from: '2026-03-09', to: '2026-03-10' },
    ]);
  });

  it('lists every day of a short period, across a leap day', () => {
    const days = bucketsOf('2028-02-27', '2028-03-01', 'day');
    expect(days.map((b) => b.key)).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(days.every((b) => b.from === b.key && b.to === b.key)).toBe(true);
  });

  it('stops one bucket past the limit, so the caller can refuse a period too fine to draw', () => {
    expect(bucketsOf('2020-01-01', '2024-12-31', 'day', 10)).toHaveLength(11);
  });

  it('picks days for a month, weeks for a quarter and months for a year', () => {
    expect(defaultGranularity('2026-03-01', '2026-03-31')).toBe('day');
    expect(defaultGranularity('2026-01-01', '2026-03-31')).toBe('week');
    expect(defaultGranularity('2025-12-01', '2026-11-30')).toBe('month');
  });
});

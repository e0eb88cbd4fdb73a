import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { comparisonRows, formatChange } from './comparison-rows';
import { ComparisonTable } from './comparison-table';
import { comparison, indicators } from './pilot-fixtures';

describe('the pilot comparison rows', () => {
  beforeAll(() => changeLanguage('vi'));

  it('computes the change during vs before for each group, judged by the direction of progress', () => {
    const rows = Object.fromEntries(comparisonRows(comparison()).map((row) => [row.key, row]));
    expect(rows['onTimeRate'].pilot).toEqual({ before: 50, during: 100, change: 50, trend: 'better' });
    // Processing time is better when it falls.
    expect(rows['averageProcessingDays'].pilot).toEqual({ before: 5.02, during: 1.99, change: -3.03, trend: 'better' });
    expect(rows['averageProcessingDays'].other).toEqual({ before: 7, during: 4, change: -3, trend: 'better' });
    expect(rows['onlineShare'].pilot).toEqual({ before: 33.3, during: 66.7, change: 33.4, trend: 'better' });
    expect(rows['onlineShare'].other).toEqual({ before: 50, during: 0, change: -50, trend: 'worse' });
    // Nothing rated among the others: no figure, no change, no judgement.
    expect(rows['satisfactionIndex'].other).toEqual({ before: null, during: null, change: null, trend: undefined });
    // Counts are context, never judged.
    expect(rows['resolved'].pilot).toEqual({ before: 2, during: 4, change: 2, trend: undefined });
    expect(comparisonRows(comparison()).map((row) => row.key)).toEqual([
      'onTimeRate',
      'averageProcessingDays',
      'onlineShare',
      'satisfactionIndex',
      'received',
      'resolved',
      'ratings',
    ]);
  });

  it('calls an unchanged rate the same, and a change with one side empty unknown', () => {
    const same = comparison({
      pilotAgencies: { before: indicators({ onTimeRate: 80 }), during: indicators({ onTimeRate: 80, averageProcessingDays: 2 }) },
    });
    const rows = Object.fromEntries(comparisonRows(same).map((row) => [row.key, row]));
    expect(rows['onTimeRate'].pilot.trend).toBe('same');
    expect(rows['averageProcessingDays'].pilot).toEqual({ before: null, during: 2, change: null, trend: undefined });
  });

  it('writes changes with a sign, in percentage points or days, with the Vietnamese decimal comma', () => {
    expect(formatChange('percent', 33.4)).toBe('+33,4 điểm %');
    expect(formatChange('days', -3.03)).toBe('−3,03 ngày');
    expect(formatChange('count', 0)).toBe('±0');
    expect(formatChange('percent', null)).toBe('—');
  });
});

describe('the pilot comparison table', () => {
  beforeAll(() => changeLanguage('vi'));

  const rowOf = (key: string) => document.querySelector(`[data-indicator="${key}"]`) as HTMLElement;
  const cellsOf = (key: string) => [...rowOf(key).querySelectorAll('td')].map((cell) => cell.textContent?.trim());

  it('shows each indicator before, during and the change, for the pilot agencies and the others', () => {
    render(<ComparisonTable comparison={comparison()} />);
    const table = screen.getByTestId('pilot-comparison-table');
    expect(within(table).getByText('Cơ quan thí điểm')).toBeTruthy();
    expect(within(table).getByText('Các cơ quan khác')).toBeTruthy();
    expect(within(table).getAllByText('02/05/2026 – 31/05/2026')).not.toHaveLength(0);
    expect(within(table).getAllByText('01/06/2026 – 30/06/2026')).not.toHaveLength(0);

    expect(cellsOf('onTimeRate')).toEqual(['Tỷ lệ giải quyết đúng hạn', '50%', '100%', '+50 điểm %', '0%', '50%', '+50 điểm %']);
    expect(cellsOf('averageProcessingDays')).toEqual([
      'Thời gian giải quyết bình quân',
      '5,02 ngày',
      '1,99 ngày',
      '−3,03 ngày',
      '7 ngày',
      '4 ngày',
      '−3 ngày',
    ]);
    expect(cellsOf('satisfactionIndex')).toEqual(['Chỉ số hài lòng', '0%', '90%', '+90 điểm %', '—', '—', '—']);
    expect(cellsOf('received')).toEqual(['Hồ sơ tiếp nhận', '3', '3', '±0', '2', '2', '±0']);
  });

  it('colours a change green when it is progress and red when it is not', () => {
    render(<ComparisonTable comparison={comparison()} />);
    const online = rowOf('onlineShare');
    expect(online.querySelectorAll('[data-trend="better"]')).toHaveLength(1);
    const worse = online.querySelectorAll('[data-trend="worse"]');
    expect(worse).toHaveLength(1);
    expect(worse[0].textContent).toContain('−50 điểm %');
    expect(rowOf('averageProcessingDays').querySelectorAll('[data-trend="better"]')).toHaveLength(2);
    expect(rowOf('received').querySelectorAll('[data-trend]')).toHaveLength(0);
  });
});

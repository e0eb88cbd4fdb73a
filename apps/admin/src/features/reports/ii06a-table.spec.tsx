import type { Schemas } from '@motcua/api-client';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { Ii06aTable, ProceduresTable } from './ii06a-table';
import { II06A_CELLS } from './report-cells';

const zero = Object.fromEntries(II06A_CELLS.map((cell) => [cell, 0])) as Schemas['Ii06aCounters'];
const row = {
  ...zero,
  agencyId: '00000000-0000-4000-8000-0000000000b1',
  agencyCode: '000.00.10.H01',
  agencyName: 'Sở Tư pháp tỉnh An Giang',
  receivedTotal: 1234,
  receivedDirect: 1234,
  resolvedTotal: 1200,
  resolvedLate: 34,
  resolvedEarly: 1166,
  inProcessTotal: 34,
  inProcessWithin: 34,
};

describe('II.06a table', () => {
  beforeAll(() => changeLanguage('vi'));

  it('lays the counters out in the form’s order, under its three groups, with Vietnamese number formatting', () => {
    render(<Ii06aTable rows={[row]} total={row} />);
    const table = screen.getByTestId('ii06a');
    const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headings.slice(0, 6)).toEqual([
      'STT',
      'Cơ quan, đơn vị',
      'Số hồ sơ nhận giải quyết',
      'Số hồ sơ đã giải quyết',
      'Số hồ sơ đang giải quyết',
      'Rút hồ sơ, dừng giải quyết',
    ]);
    expect(headings.slice(6, 17)).toEqual([
      'Tổng số',
      'Trực tuyến',
      'Trực tiếp, bưu chính',
      'Kỳ trước chuyển qua',
      'Tổng số',
      'Trước hạn',
      'Đúng hạn',
      'Quá hạn',
      'Tổng số',
      'Trong hạn',
      'Quá hạn',
    ]);
    expect(within(table).getByTestId('ii06a-000.00.10.H01-receivedTotal').textContent).toBe('1.234');
    expect(within(table).getByTestId('ii06a-total').textContent).toContain('Tổng cộng');
  });

  it('opens the dossiers of a row’s number or of the total’s, and leaves zeros as plain text', () => {
    const onDrill = vi.fn();
    render(<Ii06aTable rows={[row]} total={row} onDrill={onDrill} />);
    fireEvent.click(screen.getByTestId('ii06a-000.00.10.H01-resolvedLate'));
    expect(onDrill).toHaveBeenLastCalledWith({ cell: 'resolvedLate', rowAgencyId: row.agencyId, agencyName: row.agencyName, count: 34 });
    fireEvent.click(screen.getByTestId('ii06a-total-receivedTotal'));
    expect(onDrill).toHaveBeenLastCalledWith({ cell: 'receivedTotal', agencyName: 'Tổng cộng', count: 1234 });
    const zeroCell = screen.getByTestId('ii06a-000.00.10.H01-receivedOnline');
    expect(zeroCell.tagName).toBe('SPAN');
    fireEvent.click(zeroCell);
    expect(onDrill).toHaveBeenCalledTimes(2);
  });

  it('shows no total row when nothing was counted', () => {
    render(<Ii06aTable rows={[]} total={zero} />);
    expect(screen.queryByTestId('ii06a-total')).toBeNull();
    expect(screen.getByText('Không có hồ sơ nào trong kỳ này.')).toBeTruthy();
  });

  it('drills a procedure’s number down to that procedure’s dossiers', () => {
    const onDrill = vi.fn();
    const procedure = {
      ...zero,
      procedureCode: '2.000488',
      procedureName: 'Cấp Phiếu lý lịch tư pháp',
      field: 'Lý lịch tư pháp',
      receivedTotal: 7,
    };
    render(<ProceduresTable rows={[procedure]} total={procedure} onDrill={onDrill} />);
    fireEvent.click(screen.getByTestId('procedures-2.000488-receivedTotal'));
    expect(onDrill).toHaveBeenCalledWith({
      cell: 'receivedTotal',
      procedureCode: '2.000488',
      agencyName: 'Cấp Phiếu lý lịch tư pháp',
      count: 7,
    });
  });
});

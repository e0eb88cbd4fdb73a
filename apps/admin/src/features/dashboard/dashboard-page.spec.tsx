import type { Schemas } from '@motcua/api-client';
import type { Role } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';
import { shortcutPeriod, vietnamToday } from '../reports/report-filters';
import { bucketLabel, rateColor } from './dashboard-charts';

/** The contract types free-form objects as `Record<string, never>`: any content fits. */
const free = (value: object) => value as Record<string, never>;

const indicator = (
  id: string,
  numerator: number,
  denominator: number,
  rate: number | null,
  score: number | null,
  pmax: number,
  target = 100,
) => ({
  id,
  name: `Chỉ số ${id}`,
  numerator,
  denominator,
  rate,
  target,
  pmax,
  score,
});

const counters = {
  receivedTotal: 130,
  receivedOnline: 45,
  receivedDirect: 70,
  carriedOver: 15,
  resolvedTotal: 100,
  resolvedEarly: 60,
  resolvedOnTime: 30,
  resolvedLate: 10,
  inProcessTotal: 27,
  inProcessWithin: 20,
  inProcessOverdue: 7,
  withdrawnOrStopped: 3,
};

function dashboard(): Schemas['Dashboard'] {
  const onTime = indicator('2.1', 110, 127, 86.61, 17.32, 20);
  const online = indicator('3.3', 45, 115, 39.13, 3.13, 4, 50);
  return {
    from: '2025-12-01',
    to: '2026-11-28',
    granularity: 'month',
    agency: { id: '00000000-0000-4000-8000-0000000000a0', code: '000.00.00.H01', name: 'Ủy ban nhân dân tỉnh An Giang' },
    filters: free({ by: 'competent' }),
    series: [
      { from: '2026-10-01', to: '2026-10-31', received: 60, receivedOnline: 20, resolved: 50, resolvedOnTime: 45, resolvedLate: 5 },
      { from: '2026-11-01', to: '2026-11-28', received: 55, receivedOnline: 25, resolved: 50, resolvedOnTime: 45, resolvedLate: 5 },
    ],
    totals: counters,
    source: 'live',
    agencies: [
      {
        ...counters,
        agencyId: '00000000-0000-4000-8000-0000000000b1',
        agencyCode: '000.00.10.H01',
        agencyName: 'Sở Tư pháp tỉnh An Giang',
        self: false,
        onTime,
      },
    ],
    open: { asOf: '2026-11-28T03:00:00.000Z', overdue: 7, dueSoon: 4 },
    online,
    satisfaction: {
      agencyId: '',
      agencyName: 'Tổng cộng',
      ratings: 42,
      factors: free({ access: 90, procedure: 85, officer: 95, result: 80, feedback: 75 }),
      index: 85,
      onTimeRate: 92.5,
    },
    indicators: {
      agencyId: null,
      agencyCode: '',
      agencyName: 'Tổng cộng',
      indicators: {
        onTime,
        online,
        onlinePayment: indicator('3.6', 0, 0, null, null, 5),
        electronicResult: indicator('4.1', 0, 10, 0, 0, 6),
        digitisation: indicator('4.2', 0, 115, 0, 0, 4, 80),
        satisfaction: indicator('5.4', 120, 127, 94.49, 6, 6, 90),
      },
      score: 26.45,
      maxScore: 40,
    },
  };
}

function stubApi(roles: Role[], routes: Record<string, FakeRoute> = {}) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(roles) },
    'GET /api/health': HEALTHY,
    'GET /api/agencies': { status: 200, body: [] },
    'GET /api/reports/dashboard': { status: 200, body: dashboard() },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

const tile = (id: string) => screen.getByTestId(id).querySelector('.ant-statistic-content')?.textContent;

describe('home page', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows a leader the dashboard of the last 12 months with the reports’ numbers', async () => {
    const api = stubApi(['LEADER']);
    renderApp('/');
    await screen.findByTestId('tile-received');
    expect(tile('tile-received')).toBe('115'); // online + direct in the period; carried over apart
    expect(tile('tile-resolved')).toBe('100');
    expect(tile('tile-on-time')).toBe('86,61 %');
    expect(tile('tile-online')).toBe('39,13 %');
    expect(tile('tile-satisfaction')).toBe('85 %');
    expect(tile('tile-766')).toBe('26,45');
    expect(screen.getByText('Số liệu của Ủy ban nhân dân tỉnh An Giang, cùng cách đếm với các báo cáo.')).toBeTruthy();
    const call = api.calls.find((c) => c.path === '/api/reports/dashboard');
    expect(call?.search.get('from')).toBe(shortcutPeriod('last12Months', vietnamToday()).from);
    expect(call?.search.has('granularity')).toBe(false);
    // The charts arrive with their own chunk; each says its numbers in words too.
    expect((await screen.findByTestId('chart-flow-summary')).textContent).toBe('Tiếp nhận 115, giải quyết 100 hồ sơ trong kỳ.');
    expect(screen.getByTestId('chart-agencies-summary').textContent).toContain('1 cơ quan');
  });

  it('links the overdue and due-soon counts to the work list filtered the same way', async () => {
    const api = stubApi(['AUDITOR'], {
      'GET /api/dossiers': { status: 200, body: { items: [], nextCursor: null } },
      'GET /api/dossiers/counts': { status: 200, body: { limit: 1000, items: [{ bucket: 'OVERDUE', count: 7, more: false }] } },
    });
    renderApp('/');
    await screen.findByTestId('tile-overdue');
    expect(tile('tile-overdue')).toBe('7');
    expect(tile('tile-due-soon')).toBe('4');
    const province = '00000000-0000-4000-8000-0000000000a0';
    expect(screen.getByTestId('tile-overdue-link').getAttribute('href')).toBe(`/ho-so?tab=qua-han&agencyId=${province}&by=competent`);
    expect(screen.getByTestId('tile-due-soon-link').getAttribute('href')).toBe(`/ho-so?tab=sap-den-han&agencyId=${province}&by=competent`);
    fireEvent.click(screen.getByTestId('tile-overdue-link'));
    await waitFor(() => expect(screen.queryByTestId('dashboard')).toBeNull());
    // The list and its tab counts ask for the dashboard's agency on the dashboard's basis, and say so.
    expect((await screen.findByTestId('work-list-scope')).textContent).toContain(
      'Hồ sơ do đơn vị đã chọn và các đơn vị trực thuộc giải quyết',
    );
    await waitFor(() => {
      const list = api.calls.find((c) => c.path === '/api/dossiers');
      expect(list?.search.get('agencyId')).toBe(province);
      expect(list?.search.get('agencyRole')).toBe('competent');
      expect(list?.search.get('timeliness')).toBe('OVERDUE');
    });
    expect(api.calls.find((c) => c.path === '/api/dossiers/counts')?.search.get('agencyId')).toBe(province);
    fireEvent.click(screen.getByText('Xem tất cả hồ sơ'));
    await waitFor(() => expect(screen.queryByTestId('work-list-scope')).toBeNull());
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/dossiers' && !c.search.has('agencyId'))).toBe(true));
  });

  it('asks again by week when the official picks the week, and for the month chosen', async () => {
    const api = stubApi(['LEADER']);
    renderApp('/');
    await screen.findByTestId('tile-received');
    fireEvent.click(within(screen.getByTestId('dashboard-granularity')).getByText('Tuần'));
    await waitFor(() =>
      expect(api.calls.some((c) => c.path === '/api/reports/dashboard' && c.search.get('granularity') === 'week')).toBe(true),
    );
    fireEvent.click(screen.getByTestId('period-lastMonth'));
    const lastMonth = shortcutPeriod('lastMonth', vietnamToday());
    await waitFor(() =>
      expect(
        api.calls.some(
          (c) => c.path === '/api/reports/dashboard' && c.search.get('from') === lastMonth.from && c.search.get('to') === lastMonth.to,
        ),
      ).toBe(true),
    );
  });

  it('keeps the welcome card, with the way to their work, for those who do not read reports', async () => {
    const api = stubApi(['SPECIALIST']);
    renderApp('/');
    const welcome = await screen.findByTestId('welcome');
    expect(within(welcome).getByText('Chào mừng đến với hệ thống Một Cửa')).toBeTruthy();
    expect(
      within(welcome)
        .getByText(/Mở danh sách công việc/)
        .closest('a')
        ?.getAttribute('href'),
    ).toBe('/cong-viec');
    expect(api.calls.some((c) => c.path === '/api/reports/dashboard')).toBe(false);
  });

  it('labels months and days on the time axis, and colours on-time rates as leaders read them', () => {
    expect(bucketLabel({ from: '2026-03-01' }, 'month')).toBe('03/2026');
    expect(bucketLabel({ from: '2026-03-09' }, 'week')).toBe('09/03');
    expect([rateColor(98), rateColor(85), rateColor(40), rateColor(null)]).toEqual(['#389e0d', '#d48806', '#cf1322', '#d9d9d9']);
  });
});

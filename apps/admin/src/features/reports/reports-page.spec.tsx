import type { Schemas } from '@motcua/api-client';
import type { Role } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';
import { DRILL_PAGE_SIZE } from './drill-down-drawer';
import { shortcutPeriod, vietnamToday } from './report-filters';

const STP = '00000000-0000-4000-8000-0000000000b1';
const KHDT = '00000000-0000-4000-8000-0000000000b2';

/** The contract types free-form objects as `Record<string, never>`: any content fits. */
const free = (value: object) => value as Record<string, never>;

const counters = (values: number[]): Schemas['Ii06aCounters'] => {
  const [receivedTotal, receivedOnline, receivedDirect, carriedOver, resolvedTotal, resolvedEarly, resolvedOnTime, resolvedLate] = values;
  const [inProcessTotal, inProcessWithin, inProcessOverdue, withdrawnOrStopped] = values.slice(8);
  return {
    receivedTotal,
    receivedOnline,
    receivedDirect,
    carriedOver,
    resolvedTotal,
    resolvedEarly,
    resolvedOnTime,
    resolvedLate,
    inProcessTotal,
    inProcessWithin,
    inProcessOverdue,
    withdrawnOrStopped,
  };
};

function ii06a(overrides: Partial<Schemas['Ii06aReport']> = {}): Schemas['Ii06aReport'] {
  const lastMonth = shortcutPeriod('lastMonth', vietnamToday());
  return {
    ...lastMonth,
    source: 'live',
    rows: [
      {
        agencyId: STP,
        agencyCode: '000.00.10.H01',
        agencyName: 'Sở Tư pháp tỉnh An Giang',
        ...counters([120, 40, 70, 10, 100, 60, 30, 10, 18, 15, 3, 2]),
      },
      {
        agencyId: KHDT,
        agencyCode: '000.00.11.H01',
        agencyName: 'Sở Kế hoạch và Đầu tư tỉnh An Giang',
        ...counters([5, 5, 0, 0, 5, 5, 0, 0, 0, 0, 0, 0]),
      },
    ],
    total: counters([125, 45, 70, 10, 105, 65, 30, 10, 18, 15, 3, 2]),
    generatedAt: '2026-04-01T02:00:00.000Z',
    filters: free({ by: 'competent' }),
    sha256: 'f'.repeat(64),
    ...overrides,
  };
}

function stubApi(roles: Role[], routes: Record<string, FakeRoute>) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(roles) },
    'GET /api/health': HEALTHY,
    'GET /api/agencies': { status: 200, body: [] },
    'GET /api/procedures': { status: 200, body: { items: [], nextCursor: null } },
    'GET /api/procedures/fields': { status: 200, body: ['Hộ tịch', 'Lý lịch tư pháp'] },
    'GET /api/reports/exports': { status: 200, body: { items: [] } },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

const exportJob = (overrides: Partial<Schemas['ReportExportView']> = {}): Schemas['ReportExportView'] => ({
  id: '00000000-0000-4000-8000-00000000e001',
  report: 'ii06a',
  format: 'xlsx',
  status: 'QUEUED',
  progress: 0,
  filters: {},
  createdAt: '2026-04-01T02:00:00.000Z',
  expiresAt: '2026-04-08T02:00:00.000Z',
  ...overrides,
});

describe('reports page', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('opens II.06a for last month with the official grouped header, a row per agency and the total', async () => {
    const api = stubApi(['LEADER'], { 'GET /api/reports/ii06a': { status: 200, body: ii06a() } });
    renderApp('/bao-cao');
    const table = await screen.findByTestId('ii06a');
    for (const group of ['Số hồ sơ nhận giải quyết', 'Số hồ sơ đã giải quyết', 'Số hồ sơ đang giải quyết', 'Rút hồ sơ, dừng giải quyết']) {
      expect(within(table).getAllByText(group).length).toBeGreaterThan(0);
    }
    expect(within(table).getAllByText('Trực tiếp, bưu chính').length).toBeGreaterThan(0);
    expect((await within(table).findByTestId('ii06a-000.00.10.H01-receivedTotal')).textContent).toBe('120');
    expect(within(table).getByTestId('ii06a-total-resolvedTotal').textContent).toBe('105');
    expect(within(table).getByTestId('ii06a-total').textContent).toContain('Tổng cộng');
    expect(screen.getByTestId('live-badge')).toBeTruthy();
    // Last month is the default period, asked for with the competent basis left to the API's default.
    const call = api.calls.find((c) => c.path === '/api/reports/ii06a');
    const lastMonth = shortcutPeriod('lastMonth', vietnamToday());
    expect(call?.search.get('from')).toBe(lastMonth.from);
    expect(call?.search.get('to')).toBe(lastMonth.to);
    expect(call?.search.has('by')).toBe(false);
  });

  it('shows "Số liệu đã khóa sổ" when the month is read from its snapshot', async () => {
    stubApi(['AUDITOR'], {
      'GET /api/reports/ii06a': {
        status: 200,
        body: ii06a({
          source: 'snapshot',
          snapshot: { month: '2026-03', sha256: 'a'.repeat(64), closedAt: '2026-04-02T01:00:00.000Z', lateEntries: 2 },
        }),
      },
    });
    renderApp('/bao-cao?from=2026-03-01&to=2026-03-31');
    const badge = await screen.findByTestId('snapshot-badge');
    expect(badge.textContent).toContain('Số liệu đã khóa sổ');
    expect(badge.textContent).toContain('03/2026');
    expect(screen.getByText('2 hồ sơ được nhập sau khi khóa sổ không có trong số liệu này.')).toBeTruthy();
  });

  it('drills a number down to its dossiers, a page at a time, with the same filters and the row’s agency', async () => {
    const codes = Array.from({ length: 120 }, (_, i) => `000.00.22.H01-260302-${String(i + 1).padStart(4, '0')}`);
    const api = stubApi(['LEADER'], {
      'GET /api/reports/ii06a': { status: 200, body: ii06a() },
      'GET /api/reports/ii06a/dossiers': (request) => {
        const url = new URL(request.url);
        const start = Number(url.searchParams.get('cursor') ?? 0);
        const items = codes.slice(start, start + DRILL_PAGE_SIZE);
        const next = start + DRILL_PAGE_SIZE < codes.length ? String(start + DRILL_PAGE_SIZE) : null;
        return { status: 200, body: { items, nextCursor: next } };
      },
    });
    renderApp('/bao-cao?from=2026-03-01&to=2026-03-31&by=receiving');
    fireEvent.click(await screen.findByTestId('ii06a-000.00.10.H01-receivedTotal'));
    const drawer = await screen.findByTestId('drill-drawer');
    expect(within(drawer).getByText('Tổng số hồ sơ nhận giải quyết — Sở Tư pháp tỉnh An Giang')).toBeTruthy();
    expect(within(drawer).getByTestId('drill-count').textContent).toBe('120 hồ sơ theo số liệu báo cáo');
    await waitFor(() => expect(within(drawer).getAllByTestId('drill-item')).toHaveLength(50));
    const first = api.calls.find((c) => c.path === '/api/reports/ii06a/dossiers');
    expect(Object.fromEntries(first?.search ?? [])).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-31',
      by: 'receiving',
      cell: 'receivedTotal',
      rowAgencyId: STP,
      limit: String(DRILL_PAGE_SIZE),
    });
    fireEvent.click(within(drawer).getByText('Trang sau'));
    expect(await within(drawer).findByText('000.00.22.H01-260302-0051')).toBeTruthy();
    // Keyset pages: 50 + 50 + 20 = the number clicked.
    fireEvent.click(within(drawer).getByText('Trang sau'));
    await waitFor(() => expect(within(drawer).getAllByTestId('drill-item')).toHaveLength(20));
    expect(within(drawer).getByText('Hồ sơ 101–120')).toBeTruthy();
  });

  it('exports the tab in view as a background job: progress while it runs, then the download', async () => {
    let polls = 0;
    const api = stubApi(['LEADER'], {
      'GET /api/reports/ii06a': { status: 200, body: ii06a() },
      'POST /api/reports/exports': { status: 202, body: exportJob() },
      'GET /api/reports/exports/{id}': () => {
        polls += 1;
        return polls === 1
          ? { status: 200, body: exportJob({ status: 'RUNNING', progress: 45 }) }
          : {
              status: 200,
              body: exportJob({ status: 'DONE', progress: 100, filename: 'II06a_2026-03.xlsx', sizeBytes: 7340, rowCount: 3 }),
            };
      },
      'GET /api/reports/exports/{id}/file': { status: 200, body: 'binary' },
    });
    const createObjectURL = vi.fn(() => 'blob:report');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    renderApp('/bao-cao?from=2026-03-01&to=2026-03-31');
    await screen.findByTestId('ii06a-total');
    fireEvent.click(screen.getByTestId('export-xlsx'));
    const status = await screen.findByTestId('export-status');
    await waitFor(() => expect(status.dataset['phase']).toBe('running'));
    expect(screen.getByTestId('export-xlsx').hasAttribute('disabled')).toBe(true);
    await waitFor(() => expect(screen.getByText('Đang xuất XLSX: 45%')).toBeTruthy());
    await waitFor(() => expect(screen.getByTestId('export-status').dataset['phase']).toBe('done'), { timeout: 6000 });
    expect(screen.getByText(/Đã xuất xong II06a_2026-03\.xlsx/)).toBeTruthy();
    const post = api.calls.find((c) => c.method === 'POST' && c.path === '/api/reports/exports');
    expect(post?.body).toEqual({ report: 'ii06a', format: 'xlsx', from: '2026-03-01', to: '2026-03-31' });

    fireEvent.click(screen.getByTestId('export-download'));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(api.calls.some((c) => c.path === '/api/reports/exports/00000000-0000-4000-8000-00000000e001/file')).toBe(true);
  });

  it('says why an export was refused and offers to try again', async () => {
    stubApi(['AUDITOR'], {
      'GET /api/reports/ii06a': { status: 200, body: ii06a() },
      'POST /api/reports/exports': {
        status: 400,
        body: {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          code: 'VALIDATION',
          detail: 'Dữ liệu không hợp lệ',
          errors: [{ field: 'to', rule: 'maxPeriod', message: 'Kỳ báo cáo tối đa 5 năm' }],
        },
      },
    });
    renderApp('/bao-cao?from=2026-03-01&to=2026-03-31');
    await screen.findByTestId('ii06a-total');
    fireEvent.click(screen.getByTestId('export-pdf'));
    expect(await screen.findByText('Xuất tệp không thành công: Dữ liệu không hợp lệ — Kỳ báo cáo tối đa 5 năm')).toBeTruthy();
    expect(screen.getByTestId('export-retry')).toBeTruthy();
    expect(screen.getByTestId('export-pdf').hasAttribute('disabled')).toBe(false);
  });

  it('lets an administrator close a finished month after confirming, and shows only that tab', async () => {
    const api = stubApi(['ADMIN'], {
      'GET /api/reports/periods': { status: 200, body: { items: [] } },
      'POST /api/reports/periods/{month}/close': {
        status: 201,
        body: {
          month: '2026-03',
          from: '2026-03-01',
          to: '2026-03-31',
          sha256: 'c'.repeat(64),
          dossierLines: 240,
          closedAt: '2026-04-02T01:00:00.000Z',
          closedByName: 'admin',
        },
      },
    });
    renderApp('/bao-cao');
    await screen.findByTestId('period-closing');
    expect(
      within(screen.getByTestId('report-tabs'))
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual(['Khóa sổ kỳ báo cáo']);
    expect(api.calls.some((c) => c.path === '/api/reports/ii06a')).toBe(false);
    const picker = screen.getByTestId('close-month-picker');
    fireEvent.mouseDown(picker);
    fireEvent.change(picker, { target: { value: '03/2026' } });
    fireEvent.keyDown(picker, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('close-month').hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByTestId('close-month'));
    expect((await screen.findAllByText('Khóa sổ tháng 03/2026?')).length).toBeGreaterThan(0);
    expect(api.calls.some((c) => c.method === 'POST' && c.path.startsWith('/api/reports'))).toBe(false);
    fireEvent.click(within(document.querySelector('.ant-modal-confirm') as HTMLElement).getByRole('button', { name: 'Khóa sổ' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/reports/periods/2026-03/close')).toBe(true));
    expect(await screen.findByText('Đã khóa sổ tháng 2026-03.')).toBeTruthy();
  });

  it('lets an auditor verify a closed month’s hash, without the close control', async () => {
    stubApi(['AUDITOR'], {
      'GET /api/reports/ii06a': { status: 200, body: ii06a() },
      'GET /api/reports/periods': {
        status: 200,
        body: {
          items: [
            {
              month: '2026-03',
              from: '2026-03-01',
              to: '2026-03-31',
              sha256: 'c'.repeat(64),
              dossierLines: 240,
              closedAt: '2026-04-02T01:00:00.000Z',
              closedByName: 'admin',
            },
          ],
        },
      },
      'GET /api/reports/periods/{month}/verify': {
        status: 200,
        body: { month: '2026-03', ok: true, sha256: 'c'.repeat(64), recomputed: 'c'.repeat(64) },
      },
    });
    renderApp('/bao-cao?tab=khoa-so');
    await screen.findByTestId('period-closing');
    expect(screen.queryByTestId('close-month')).toBeNull();
    fireEvent.click(await screen.findByTestId('verify-period-2026-03'));
    expect((await screen.findByTestId('verify-result-2026-03')).textContent).toBe('Khớp');
  });
});

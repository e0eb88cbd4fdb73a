import type { Role } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { calendarDays } from '../../testing/catalog-fixtures';
import { createFakeApi, HEALTHY, sessionOf, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';

const SETTINGS = {
  workingWeekdays: [1, 2, 3, 4, 5],
  periods: [
    { start: '07:00', end: '11:00' },
    { start: '13:00', end: '17:00' },
  ],
  timeZone: 'Asia/Ho_Chi_Minh',
  revision: 1,
};
const SCHEDULED = {
  '2026-04-30': {
    working: false,
    kind: 'HOLIDAY' as const,
    name: 'Ngày Chiến thắng',
    document: 'Bộ luật Lao động 2019, Điều 112',
    source: 'SCHEDULE' as const,
  },
};

function stubApi(roles: Role[], routes: Record<string, FakeRoute> = {}) {
  const api = createFakeApi({
    'POST /api/auth/refresh': { status: 200, body: sessionOf(roles) },
    'GET /api/health': HEALTHY,
    'GET /api/calendar/settings': { status: 200, body: SETTINGS },
    'GET /api/calendar/days': (request) => {
      const url = new URL(request.url);
      return { status: 200, body: calendarDays(url.searchParams.get('from') ?? '', url.searchParams.get('to') ?? '', SCHEDULED) };
    },
    ...routes,
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

async function openDay(date: string): Promise<HTMLElement> {
  renderApp('/lich-lam-viec');
  fireEvent.click(await screen.findByTestId(`day-${date}`));
  return screen.findByRole('dialog');
}

describe('calendar day modal', () => {
  // The year view opens on the current year in Vietnam.
  beforeEach(() => vi.setSystemTime(new Date('2026-03-20T03:00:00Z')));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('marks a working Monday as a holiday with its deciding document', async () => {
    const api = stubApi(['ADMIN'], {
      'PUT /api/calendar/days/{date}': (_request, body) => ({
        status: 200,
        body: { date: '2026-03-30', weekday: 1, working: false, source: 'SCHEDULE', ...(body as object) },
      }),
    });
    const dialog = await openDay('2026-03-30');
    expect(within(dialog).getByText('Thứ Hai, 30/03/2026')).toBeTruthy();
    expect(within(dialog).getByTestId('day-current-kind').textContent).toBe('Ngày làm việc');
    expect(within(dialog).getByText('Theo lịch làm việc hằng tuần')).toBeTruthy();
    // Nothing to reset on a day that follows the weekly pattern.
    expect(within(dialog).queryByTestId('day-reset')).toBeNull();

    fireEvent.change(within(dialog).getByLabelText('Tên ngày'), { target: { value: 'Nghỉ bù Giỗ Tổ (thử nghiệm)' } });
    fireEvent.change(within(dialog).getByLabelText('Văn bản quyết định'), { target: { value: 'Quyết định 1/QĐ-UBND' } });
    fireEvent.click(within(dialog).getByTestId('day-save'));

    await waitFor(() => expect(api.calls.some((call) => call.method === 'PUT')).toBe(true));
    const put = api.calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe('/api/calendar/days/2026-03-30');
    expect(put?.body).toEqual({ kind: 'HOLIDAY', name: 'Nghỉ bù Giỗ Tổ (thử nghiệm)', document: 'Quyết định 1/QĐ-UBND' });
    expect(await screen.findByText('Đã lưu ngày 30/03/2026')).toBeTruthy();
    // The year and every computed due date are read again.
    await waitFor(() => expect(api.calls.filter((call) => call.path === '/api/calendar/days').length).toBeGreaterThan(1));
  });

  it('proposes a make-up working day on a weekend and requires a name', async () => {
    const api = stubApi(['ADMIN']);
    const dialog = await openDay('2026-03-28');
    expect(within(dialog).getByText('Thứ Bảy, 28/03/2026')).toBeTruthy();
    expect(within(dialog).getByText(/^Làm bù — /)).toBeTruthy();
    fireEvent.click(within(dialog).getByTestId('day-save'));
    expect(await within(dialog).findByText('Vui lòng nhập tên ngày')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  it('shows an entered day with its document and puts it back on the weekly pattern', async () => {
    const api = stubApi(['ADMIN'], { 'DELETE /api/calendar/days/{date}': { status: 204 } });
    const dialog = await openDay('2026-04-30');
    expect(within(dialog).getByTestId('day-current-kind').textContent).toBe('Nghỉ lễ, Tết');
    expect(within(dialog).getByText('Bộ luật Lao động 2019, Điều 112')).toBeTruthy();
    expect((within(dialog).getByLabelText('Tên ngày') as HTMLInputElement).value).toBe('Ngày Chiến thắng');

    fireEvent.click(within(dialog).getByTestId('day-reset'));
    await waitFor(() =>
      expect(api.calls.some((call) => call.method === 'DELETE' && call.path === '/api/calendar/days/2026-04-30')).toBe(true),
    );
    expect(await screen.findByText('Ngày 30/04/2026 đã trở lại theo lịch tuần')).toBeTruthy();
  });

  it('is read-only for a user without calendar:manage', async () => {
    stubApi(['RECEPTION']);
    const dialog = await openDay('2026-04-30');
    expect(within(dialog).getByText('Ngày Chiến thắng')).toBeTruthy();
    expect(within(dialog).getByText('Bạn chỉ có quyền xem lịch làm việc.')).toBeTruthy();
    expect(within(dialog).queryByTestId('day-save')).toBeNull();
    expect(within(dialog).queryByTestId('day-reset')).toBeNull();
    expect(within(dialog).queryByLabelText('Tên ngày')).toBeNull();
  });
});

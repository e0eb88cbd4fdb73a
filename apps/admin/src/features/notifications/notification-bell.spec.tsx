import type { Schemas } from '@motcua/api-client';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, sessionOf } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';
import { CONG_AN, CONG_AN_ID, ROUTED_CODE, routedDossier } from '../dossiers/dossier-fixtures';

type Notification = Schemas['NotificationItem'];

const RECEIVED: Notification = {
  id: 'n-1',
  type: 'STEP_RECEIVED',
  dossierCode: ROUTED_CODE,
  stepId: '00000000-0000-4000-8000-000000000504',
  message: `Hồ sơ ${ROUTED_CODE} chuyển đến: bước “Đăng ký thường trú cho trẻ em”.`,
  createdAt: '2026-03-09T07:00:00.000Z',
  read: false,
};
const OVERDUE: Notification = {
  id: 'n-2',
  type: 'STEP_OVERDUE',
  dossierCode: '000.31.01.H01-260302-0001',
  stepId: null,
  message: 'Hồ sơ 000.31.01.H01-260302-0001: bước “Đăng ký thường trú cho trẻ em” đã quá hạn.',
  createdAt: '2026-03-06T02:30:00.000Z',
  read: false,
};
const OLD: Notification = { ...OVERDUE, id: 'n-3', message: 'Hồ sơ cũ đã đọc.', read: true };

/** The API's notifications of a Công an officer, which the read calls change. */
function stubApi() {
  const state = { items: [RECEIVED, OVERDUE, OLD] };
  const arrive = (notification: Notification) => (state.items = [notification, ...state.items]);
  const page = () => ({ items: state.items, unreadCount: state.items.filter((n) => !n.read).length, nextCursor: null });
  const api = createFakeApi({
    'POST /api/auth/refresh': {
      status: 200,
      body: sessionOf(['SPECIALIST'], { username: 'chuyenvien.congan', agencyId: CONG_AN_ID, agencyName: CONG_AN }),
    },
    'GET /api/health': HEALTHY,
    'GET /api/notifications': () => ({ status: 200, body: page() }),
    'POST /api/notifications/{id}/read': (request) => {
      const id = new URL(request.url).pathname.split('/').at(-2);
      state.items = state.items.map((n) => (n.id === id ? { ...n, read: true } : n));
      return { status: 204 };
    },
    'POST /api/notifications/read-all': () => {
      const marked = state.items.filter((n) => !n.read).length;
      state.items = state.items.map((n) => ({ ...n, read: true }));
      return { status: 200, body: { marked } };
    },
    'GET /api/queues': { status: 200, body: { limit: 1000, items: [] } },
    'GET /api/queues/{name}': { status: 200, body: { items: [], nextCursor: null } },
    'GET /api/dossiers/{code}': { status: 200, body: routedDossier() },
    'GET /api/dossiers/{code}/attachments': { status: 200, body: [] },
    'GET /api/dossiers/{code}/control-sheet': { status: 200, body: { code: ROUTED_CODE, procedureName: '', rows: [] } },
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return { ...api, arrive };
}

function findBell(): Promise<HTMLElement> {
  return screen.findByTestId('notification-bell');
}

describe('notification bell', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the unread count and lists the latest notifications, unread ones in bold with their time', async () => {
    const api = stubApi();
    renderApp('/cong-viec');
    const bell = await findBell();
    await waitFor(() => expect(bell.getAttribute('aria-label')).toBe('Thông báo, 2 chưa đọc'));
    expect(within(bell).getByTitle('2')).toBeTruthy();
    expect(api.calls.find((call) => call.path === '/api/notifications')?.search.get('limit')).toBe('20');

    fireEvent.click(bell);
    const list = await screen.findByTestId('notification-list');
    const items = within(list).getAllByTestId('notification-item');
    expect(items.map((item) => item.textContent)).toEqual([
      `${RECEIVED.message}09/03 14:00 · Chưa đọc`,
      `${OVERDUE.message}06/03 09:30 · Chưa đọc`,
      `${OLD.message}06/03 09:30`,
    ]);
    expect(within(items[0]).getByText(RECEIVED.message).tagName).toBe('STRONG');
    expect(within(items[2]).getByText(OLD.message).closest('strong')).toBeNull();
  });

  it('asks again when the official comes back to the tab', async () => {
    const api = stubApi();
    renderApp('/cong-viec');
    const bell = await findBell();
    await waitFor(() => expect(bell.getAttribute('aria-label')).toBe('Thông báo, 2 chưa đọc'));
    api.arrive({ ...RECEIVED, id: 'n-4', type: 'DOSSIER_TO_RETURN', message: `Hồ sơ ${ROUTED_CODE} đã có kết quả, chờ trả cho công dân.` });
    window.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(bell.getAttribute('aria-label')).toBe('Thông báo, 3 chưa đọc'));
  });

  it('marks a notification read when it is opened, goes to its dossier and lowers the count', async () => {
    const api = stubApi();
    renderApp('/cong-viec');
    const bell = await findBell();
    await waitFor(() => expect(bell.getAttribute('aria-label')).toBe('Thông báo, 2 chưa đọc'));
    fireEvent.click(bell);
    fireEvent.click(within(await screen.findByTestId('notification-list')).getByText(RECEIVED.message));

    expect(await screen.findByTestId('dossier-route')).toBeTruthy();
    expect(screen.getByTestId('dossier-code').textContent).toContain(ROUTED_CODE);
    const reads = api.calls.filter((call) => call.method === 'POST' && call.path.startsWith('/api/notifications/'));
    expect(reads.map((call) => call.path)).toEqual(['/api/notifications/n-1/read']);
    await waitFor(() => expect(bell.getAttribute('aria-label')).toBe('Thông báo, 1 chưa đọc'));
  });

  it('marks every notification read at once', async () => {
    const api = stubApi();
    renderApp('/cong-viec');
    const bell = await findBell();
    await waitFor(() => expect(bell.getAttribute('aria-label')).toBe('Thông báo, 2 chưa đọc'));
    fireEvent.click(bell);
    fireEvent.click(await screen.findByRole('button', { name: 'Đánh dấu đã đọc tất cả' }));
    expect(await screen.findByText('Đã đánh dấu đã đọc tất cả thông báo')).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'POST' && call.path === '/api/notifications/read-all')).toHaveLength(1);
    await waitFor(() => expect(bell.getAttribute('aria-label')).toBe('Thông báo'));
    await waitFor(() => expect(within(screen.getByTestId('notification-list')).queryByText('· Chưa đọc', { exact: false })).toBeNull());
  });
});

import { PERMISSIONS } from '@motcua/domain';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, sessionOf, type FakeRoute } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';

const EVERYTHING = sessionOf(['ADMIN'], { permissions: [...PERMISSIONS] });

function stubApi(routes: Record<string, FakeRoute>) {
  const api = createFakeApi(routes);
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

describe('admin shell', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a reloaded page signed in through a silent refresh, then shows the navigation in Vietnamese and a green health indicator', async () => {
    const api = stubApi({ 'POST /api/auth/refresh': { status: 200, body: EVERYTHING }, 'GET /api/health': HEALTHY });
    renderApp();
    for (const label of ['Hồ sơ', 'Tiếp nhận', 'Danh mục thủ tục', 'Cơ quan', 'Lịch làm việc', 'Công dân/Tổ chức', 'Báo cáo', 'Quản trị']) {
      expect(await screen.findByText(label)).toBeTruthy();
    }
    expect(await screen.findByText('Hệ thống hoạt động bình thường')).toBeTruthy();
    expect(screen.getByTestId('health-indicator').dataset['status']).toBe('success');
    expect(screen.getByTestId('current-user').textContent).toContain('Quản trị TTPVHCC tỉnh');
    expect(api.calls.filter((call) => call.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('says the database is down when health answers 503', async () => {
    stubApi({ 'POST /api/auth/refresh': { status: 200, body: EVERYTHING }, 'GET /api/health': { status: 503, body: { status: 'unavailable', db: 'down' } } });
    renderApp();
    expect(await screen.findByText('Mất kết nối cơ sở dữ liệu')).toBeTruthy();
    expect(screen.getByTestId('health-indicator').dataset['status']).toBe('error');
  });

  it('switches the interface to English', async () => {
    stubApi({ 'POST /api/auth/refresh': { status: 200, body: EVERYTHING }, 'GET /api/health': HEALTHY });
    renderApp();
    fireEvent.click(await screen.findByText('English'));
    expect(await screen.findByText('Procedure catalog')).toBeTruthy();
    expect(screen.queryByText('Danh mục thủ tục')).toBeNull();
  });

  it('sends a visitor without a session to the login page and, after signing in, back to the page asked for', async () => {
    const api = stubApi({
      'POST /api/auth/refresh': problem(401, 'UNAUTHENTICATED', 'The session has ended. Sign in again.'),
      'POST /api/auth/login': { status: 200, body: EVERYTHING },
      'GET /api/health': HEALTHY,
      'GET /api/agencies': { status: 200, body: [] },
      'GET /api/users': { status: 200, body: { items: [], nextCursor: null } },
    });
    renderApp('/quan-tri/nguoi-dung');
    fireEvent.change(await screen.findByLabelText('Tên đăng nhập'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'MotCua@2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('tab', { name: /Người dùng/ })).toBeTruthy();
    await waitFor(() => expect(api.calls.some((call) => call.path === '/api/users')).toBe(true));
    expect(api.calls.find((call) => call.path === '/api/users')?.authorization).toBe(`Bearer ${EVERYTHING.accessToken}`);
    expect(api.calls.find((call) => call.path === '/api/auth/login')?.body).toEqual({ username: 'admin', password: 'MotCua@2026' });
  });

  it('signs out from the header: the server ends the session and the login page shows', async () => {
    const api = stubApi({
      'POST /api/auth/refresh': { status: 200, body: EVERYTHING },
      'POST /api/auth/logout': { status: 204 },
      'GET /api/health': HEALTHY,
    });
    renderApp();
    fireEvent.click(await screen.findByTestId('logout'));
    expect(await screen.findByRole('button', { name: 'Đăng nhập' })).toBeTruthy();
    expect(api.calls.some((call) => call.path === '/api/auth/logout')).toBe(true);
  });
});

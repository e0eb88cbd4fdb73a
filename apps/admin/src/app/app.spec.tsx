import { PERMISSIONS } from '@motcua/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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
    // In the menu: the home page (the dashboard, with everything granted) uses some of the same words.
    const menu = await screen.findByRole('menu');
    for (const label of ['Hồ sơ', 'Tiếp nhận', 'Danh mục thủ tục', 'Cơ quan', 'Lịch làm việc', 'Công dân/Tổ chức', 'Báo cáo', 'Quản trị']) {
      expect(await within(menu).findByText(label)).toBeTruthy();
    }
    expect(await screen.findByText('Hệ thống hoạt động bình thường')).toBeTruthy();
    expect(screen.getByTestId('health-indicator').dataset['status']).toBe('success');
    expect(screen.getByTestId('current-user').textContent).toContain('Quản trị TTPVHCC tỉnh');
    expect(api.calls.filter((call) => call.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('says the database is down when health answers 503', async () => {
    stubApi({
      'POST /api/auth/refresh': { status: 200, body: EVERYTHING },
      'GET /api/health': { status: 503, body: { status: 'unavailable', db: 'down' } },
    });
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

  it('goes to login when the session ends under the user, says why, and returns to the same page after signing in', async () => {
    let refreshes = 0;
    let signedInAgain = false;
    stubApi({
      // The first refresh restores the session at start; the next one finds it ended.
      'POST /api/auth/refresh': () =>
        ++refreshes === 1 ? { status: 200, body: EVERYTHING } : problem(401, 'UNAUTHENTICATED', 'The session has ended.'),
      'POST /api/auth/login': () => {
        signedInAgain = true;
        return { status: 200, body: { ...EVERYTHING, accessToken: 'fresh-token' } };
      },
      'GET /api/health': HEALTHY,
      'GET /api/agencies': { status: 200, body: [] },
      'GET /api/users': (request) =>
        request.headers.get('authorization') === 'Bearer fresh-token'
          ? { status: 200, body: { items: [], nextCursor: null } }
          : problem(401, 'UNAUTHENTICATED', 'Sign in to continue.'),
    });
    renderApp('/quan-tri/nguoi-dung');
    expect(await screen.findByText('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại để tiếp tục.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Tên đăng nhập'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'MotCua@2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByRole('tab', { name: /Người dùng/ })).toBeTruthy();
    expect(signedInAgain).toBe(true);
    expect(await screen.findByText('Thêm người dùng')).toBeTruthy();
  });

  it('changes the own password from the header menu, then asks to sign in again', async () => {
    const api = stubApi({
      'POST /api/auth/refresh': { status: 200, body: EVERYTHING },
      'GET /api/health': HEALTHY,
      'POST /api/auth/password': (_request, body) =>
        (body as { currentPassword: string }).currentPassword === 'MotCua@2026'
          ? { status: 204 }
          : problem(401, 'INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.'),
    });
    renderApp();
    fireEvent.click(await screen.findByTestId('current-user'));
    fireEvent.click(await screen.findByText('Đổi mật khẩu'));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.change(dialog.getByLabelText('Mật khẩu hiện tại'), { target: { value: 'sai-mat-khau' } });
    fireEvent.change(dialog.getByLabelText('Mật khẩu mới'), { target: { value: 'An-Giang-Mot-Cua-2026' } });
    fireEvent.change(dialog.getByLabelText('Nhập lại mật khẩu'), { target: { value: 'An-Giang-Mot-Cua-2026' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await dialog.findByText('Mật khẩu hiện tại không đúng')).toBeTruthy();
    // A wrong current password is the user's mistake, not an expired session.
    expect(api.calls.filter((call) => call.path === '/api/auth/refresh')).toHaveLength(1);

    fireEvent.change(dialog.getByLabelText('Mật khẩu hiện tại'), { target: { value: 'MotCua@2026' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await screen.findByText('Mật khẩu đã được đổi. Vui lòng đăng nhập lại bằng mật khẩu mới.')).toBeTruthy();
    expect(
      api.calls.find((call) => call.path === '/api/auth/password' && call.authorization === `Bearer ${EVERYTHING.accessToken}`),
    ).toBeTruthy();
  });
});

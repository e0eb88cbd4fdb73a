import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, HEALTHY, problem, type FakeRoute } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';

function stubApi(routes: Record<string, FakeRoute>) {
  const api = createFakeApi({ 'POST /api/auth/refresh': problem(401, 'UNAUTHENTICATED', 'The session has ended.'), 'GET /api/health': HEALTHY, ...routes });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  return api;
}

async function submit(username: string, password: string) {
  fireEvent.change(await screen.findByLabelText('Tên đăng nhập'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

describe('login page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the API’s generic message when the username or password is wrong (401)', async () => {
    stubApi({ 'POST /api/auth/login': problem(401, 'INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.') });
    renderApp('/dang-nhap');
    await submit('admin', 'sai-mat-khau');
    expect((await screen.findByTestId('login-error')).textContent).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    // Still on the login page, and a failed login does not try to refresh the session.
    expect(screen.getByRole('button', { name: 'Đăng nhập' })).toBeTruthy();
  });

  it('shows the lockout message when there were too many failures (429)', async () => {
    stubApi({ 'POST /api/auth/login': problem(429, 'RATE_LIMITED', 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.') });
    renderApp('/dang-nhap');
    await submit('admin', 'sai-mat-khau');
    expect((await screen.findByTestId('login-error')).textContent).toContain('Tài khoản tạm khóa');
  });

  it('asks for both fields before calling the API', async () => {
    const api = stubApi({});
    renderApp('/dang-nhap');
    fireEvent.click(await screen.findByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText('Vui lòng nhập tên đăng nhập')).toBeTruthy();
    expect(await screen.findByText('Vui lòng nhập mật khẩu')).toBeTruthy();
    expect(api.calls.some((call) => call.path === '/api/auth/login')).toBe(false);
  });

  it('links to the public procedure lookup', async () => {
    stubApi({});
    renderApp('/dang-nhap');
    expect((await screen.findByRole('link', { name: 'Tra cứu thủ tục hành chính' })).getAttribute('href')).toBe('/thu-tuc-cong-khai');
  });
});

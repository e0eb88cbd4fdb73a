import { createApiClient } from '@motcua/api-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, problem, sessionOf } from '../../testing/fake-api';
import { createAuthMiddleware } from './auth-middleware';
import { SessionStore, type LoginResponse } from './session-store';

const OLD = { ...sessionOf(['ADMIN']), accessToken: 'old-token' };
const NEW = { ...sessionOf(['ADMIN']), accessToken: 'new-token' };

/** An API that accepts only the new token, like one whose old token just expired. */
function setUp(refresher: () => Promise<LoginResponse | undefined>) {
  const api = createFakeApi({
    'GET /api/users': (request) =>
      request.headers.get('authorization') === 'Bearer new-token'
        ? { status: 200, body: { items: [], nextCursor: null } }
        : problem(401, 'UNAUTHENTICATED', 'Sign in to continue.'),
    'PATCH /api/users/{id}': (request, body) =>
      request.headers.get('authorization') === 'Bearer new-token' ? { status: 200, body } : problem(401, 'UNAUTHENTICATED', 'Sign in to continue.'),
    'POST /api/auth/password': problem(401, 'INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.'),
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const refresh = vi.fn(refresher);
  const session = new SessionStore(refresh);
  session.signIn(OLD);
  const { fetchClient } = createApiClient({ baseUrl: 'http://localhost', middleware: [createAuthMiddleware(session)] });
  return { api, refresh, session, fetchClient };
}

describe('auth middleware', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('refreshes once for concurrent 401s and repeats each call with the new token', async () => {
    const { api, refresh, fetchClient, session } = setUp(async () => NEW);
    const results = await Promise.all([
      fetchClient.GET('/api/users'),
      fetchClient.GET('/api/users', { params: { query: { q: 'lan' } } }),
      fetchClient.PATCH('/api/users/{id}', { params: { path: { id: 'u1' } }, body: { fullName: 'Nguyễn Thị Lan' } }),
    ]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200]);
    // The repeated PATCH carries its body again.
    expect(results[2].data).toEqual({ fullName: 'Nguyễn Thị Lan' });
    expect(api.calls.filter((c) => c.authorization === 'Bearer new-token')).toHaveLength(3);
    expect(session.accessToken()).toBe('new-token');
  });

  it('signs out as expired when the session cannot be refreshed', async () => {
    const { refresh, fetchClient, session } = setUp(async () => undefined);
    const { response } = await fetchClient.GET('/api/users');
    expect(response.status).toBe(401);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot()).toEqual({ status: 'signedOut', reason: 'expired' });
  });

  it('does not refresh when a wrong current password is the reason for the 401', async () => {
    const { refresh, fetchClient, session } = setUp(async () => NEW);
    const { response } = await fetchClient.POST('/api/auth/password', { body: { currentPassword: 'sai', newPassword: 'mat-khau-moi-123' } });
    expect(response.status).toBe(401);
    expect(refresh).not.toHaveBeenCalled();
    expect(session.getSnapshot().status).toBe('signedIn');
  });

  it('sends no bearer token to login and does not refresh on its 401', async () => {
    const { api, refresh, fetchClient } = setUp(async () => NEW);
    await fetchClient.POST('/api/auth/login', { body: { username: 'admin', password: 'x' } });
    expect(api.calls[0].authorization).toBeNull();
    expect(refresh).not.toHaveBeenCalled();
  });
});

import { Client } from 'pg';
import { call, login } from './support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';

describe('identity and access', () => {
  let t: TestApp;
  let db: Client;
  let admin: string;

  const agencyId = async (code: string) => (await db.query('SELECT id FROM agencies WHERE code = $1', [code])).rows[0].id as string;
  const userId = async (username: string) => (await db.query('SELECT id FROM users WHERE username = $1', [username])).rows[0].id as string;
  const auditActions = async (targetId: string) =>
    (await db.query('SELECT action FROM audit_events WHERE target_id = $1 ORDER BY id', [targetId])).rows.map((r) => r.action);

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    admin = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  describe('sessions', () => {
    it('signs in with a short-lived token and an httpOnly SameSite=Strict refresh cookie', async () => {
      const res = await call(t.baseUrl, 'POST', '/api/auth/login', { body: { username: 'tiepnhan.ttpvhcc', password: 'MotCua@2026' } });
      expect(res.status).toBe(200);
      expect(res.body.expiresIn).toBe(900);
      expect(res.body.user).toMatchObject({ username: 'tiepnhan.ttpvhcc', roles: ['RECEPTION'] });
      expect(res.body.user.permissions).toContain('dossiers:create');
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^motcua_refresh=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);

      const me = await call(t.baseUrl, 'GET', '/api/auth/me', { token: res.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        kind: 'user',
        name: 'tiepnhan.ttpvhcc',
        agencyName: 'Trung tâm Phục vụ hành chính công tỉnh An Giang',
      });
    });

    it('answers a wrong password and an unknown user with the same generic 401', async () => {
      const wrong = await call(t.baseUrl, 'POST', '/api/auth/login', { body: { username: 'lanhdao.stp', password: 'not-the-password' } });
      const unknown = await call(t.baseUrl, 'POST', '/api/auth/login', { body: { username: 'khong.ton.tai', password: 'whatever-123' } });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(unknown.body.code).toBe(wrong.body.code);
      expect(unknown.body.detail).toBe(wrong.body.detail);
      expect(await auditActions('khong.ton.tai')).toEqual(['auth.login-failed']);
    });

    it('locks a username for 15 minutes after 5 failures, even for the right password (429 + Retry-After)', async () => {
      for (let i = 0; i < 5; i++) {
        const res = await call(t.baseUrl, 'POST', '/api/auth/login', {
          body: { username: 'chuyenvien.stp', password: `wrong-${i}-password` },
        });
        expect(res.status).toBe(401);
      }
      const locked = await call(t.baseUrl, 'POST', '/api/auth/login', { body: { username: 'chuyenvien.stp', password: 'MotCua@2026' } });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
      expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(900);
      // Other accounts are not affected.
      expect(await login(t.baseUrl, 'lanhdao.stp')).toBeTruthy();
    });

    it('rejects a missing, tampered or malformed token with 401', async () => {
      expect((await call(t.baseUrl, 'GET', '/api/auth/me')).status).toBe(401);
      const tampered = admin.slice(0, -3) + (admin.endsWith('aaa') ? 'bbb' : 'aaa');
      expect((await call(t.baseUrl, 'GET', '/api/auth/me', { token: tampered })).status).toBe(401);
      const res = await call(t.baseUrl, 'GET', '/api/users', { headers: { authorization: 'Basic abc' } });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    });

    it('rotates the refresh cookie, tolerates a second tab for a few seconds, and ends every session when a rotated token is replayed later', async () => {
      const first = await fetch(`${t.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'lanhdao.longxuyen', password: 'MotCua@2026' }),
      });
      const cookie1 = (first.headers.get('set-cookie') ?? '').split(';')[0];
      const refreshed = await fetch(`${t.baseUrl}/api/auth/refresh`, { method: 'POST', headers: { cookie: cookie1 } });
      expect(refreshed.status).toBe(200);
      const cookie2 = (refreshed.headers.get('set-cookie') ?? '').split(';')[0];
      expect(cookie2).not.toBe(cookie1);
      expect((await refreshed.json()).accessToken).toBeTruthy();

      // Another tab refreshing with the same cookie a moment later is not a theft: it gets a session too.
      const sameMoment = await fetch(`${t.baseUrl}/api/auth/refresh`, { method: 'POST', headers: { cookie: cookie1 } });
      expect(sameMoment.status).toBe(200);

      // Later, the rotated token comes back: it leaked. Every session of the user ends.
      await db.query("UPDATE refresh_tokens SET rotated_at = now() - interval '1 minute' WHERE rotated_at IS NOT NULL");
      const replay = await fetch(`${t.baseUrl}/api/auth/refresh`, { method: 'POST', headers: { cookie: cookie1 } });
      expect(replay.status).toBe(401);
      // The replay revoked the whole family, including the token just issued.
      expect((await fetch(`${t.baseUrl}/api/auth/refresh`, { method: 'POST', headers: { cookie: cookie2 } })).status).toBe(401);
    });

    it('logs out: the refresh cookie stops working', async () => {
      const res = await fetch(`${t.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'thanhtra.stp', password: 'MotCua@2026' }),
      });
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      expect((await fetch(`${t.baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie } })).status).toBe(204);
      expect((await fetch(`${t.baseUrl}/api/auth/refresh`, { method: 'POST', headers: { cookie } })).status).toBe(401);
    });
  });

  describe('agency scope', () => {
    it('shows a district administrator only the users of their district, and 404 for the others', async () => {
      const districtAdmin = await login(t.baseUrl, 'quantri.longxuyen');
      const list = await call(t.baseUrl, 'GET', '/api/users?limit=200', { token: districtAdmin });
      expect(list.status).toBe(200);
      const usernames = list.body.items.map((u: { username: string }) => u.username);
      // The district and its wards (phường Mỹ Bình's desk belongs to Long Xuyên's subtree).
      expect(usernames).toEqual([
        'chuyenvien.longxuyen',
        'chuyenvien.mybinh',
        'lanhdao.longxuyen',
        'lanhdao.mybinh',
        'quantri.longxuyen',
        'thanhtra.longxuyen',
        'tiepnhan.longxuyen',
        'tiepnhan.mybinh',
      ]);

      const outside = await userId('tiepnhan.ttpvhcc');
      const read = await call(t.baseUrl, 'GET', `/api/users/${outside}`, { token: districtAdmin });
      expect(read.status).toBe(404);
      const write = await call(t.baseUrl, 'PATCH', `/api/users/${outside}`, { token: districtAdmin, body: { fullName: 'Bị sửa' } });
      expect(write.status).toBe(404);
      expect((await call(t.baseUrl, 'GET', `/api/agencies/${await agencyId('000.00.32.H01')}`, { token: districtAdmin })).status).toBe(404);
      expect((await call(t.baseUrl, 'GET', `/api/agencies/${await agencyId('000.31.01.H01')}`, { token: districtAdmin })).status).toBe(200);
    });

    it('lets the province administrator see every agency and user', async () => {
      const agencies = await call(t.baseUrl, 'GET', '/api/agencies', { token: admin });
      expect(agencies.body.length).toBeGreaterThanOrEqual(1 + 14 + 11 + 22);
      const outside = await userId('tiepnhan.longxuyen');
      expect((await call(t.baseUrl, 'GET', `/api/users/${outside}`, { token: admin })).status).toBe(200);
    });

    it('paginates users with an opaque cursor and filters by role', async () => {
      const page1 = await call(t.baseUrl, 'GET', '/api/users?limit=5', { token: admin });
      expect(page1.body.items).toHaveLength(5);
      const page2 = await call(t.baseUrl, 'GET', `/api/users?limit=5&cursor=${page1.body.nextCursor}`, { token: admin });
      expect(page2.body.items[0].username > page1.body.items[4].username).toBe(true);
      const leaders = await call(t.baseUrl, 'GET', '/api/users?role=LEADER', { token: admin });
      expect(leaders.body.items.every((u: { roles: string[] }) => u.roles.includes('LEADER'))).toBe(true);
      expect(leaders.body.items.map((u: { username: string }) => u.username)).toEqual([
        'lanhdao.bhxh',
        'lanhdao.congan',
        'lanhdao.longxuyen',
        'lanhdao.mybinh',
        'lanhdao.stp',
        'lanhdao.ttpvhcc',
      ]);
      expect((await call(t.baseUrl, 'GET', '/api/users?cursor=garbage', { token: admin })).status).toBe(400);
    });

    it('refuses to create a user in an agency outside the administrator’s scope', async () => {
      const districtAdmin = await login(t.baseUrl, 'quantri.longxuyen');
      const res = await call(t.baseUrl, 'POST', '/api/users', {
        token: districtAdmin,
        body: {
          username: 'ngoai.pham.vi',
          fullName: 'Ngoài phạm vi',
          password: 'Mat-khau-dai-2026',
          agencyId: await agencyId('000.00.32.H01'),
          roles: ['SPECIALIST'],
        },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'agencyId', rule: 'agencyInScope' })]);
      expect((await db.query("SELECT count(*)::int AS n FROM users WHERE username = 'ngoai.pham.vi'")).rows[0].n).toBe(0);
    });
  });

  describe('permissions', () => {
    it('lets an auditor read but answers 403 to every write', async () => {
      const auditor = await login(t.baseUrl, 'thanhtra.tinh');
      expect((await call(t.baseUrl, 'GET', '/api/users', { token: auditor })).status).toBe(200);
      expect((await call(t.baseUrl, 'GET', '/api/integration/clients', { token: auditor })).status).toBe(200);
      const target = await userId('chuyenvien.longxuyen');
      const writes = [
        call(t.baseUrl, 'POST', '/api/users', {
          token: auditor,
          body: { username: 'x.y', fullName: 'X Y', password: 'Mat-khau-dai-2026', agencyId: target, roles: ['ADMIN'] },
        }),
        call(t.baseUrl, 'PATCH', `/api/users/${target}`, { token: auditor, body: { active: false } }),
        call(t.baseUrl, 'POST', '/api/integration/clients', {
          token: auditor,
          body: { name: 'Cổng thử', agencyId: target, scopes: ['dossiers:read'] },
        }),
      ];
      for (const res of await Promise.all(writes)) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    });

    it('answers 403 when a reception officer lists users', async () => {
      const officer = await login(t.baseUrl, 'tiepnhan.longxuyen');
      const res = await call(t.baseUrl, 'GET', '/api/users', { token: officer });
      expect(res.status).toBe(403);
      expect(res.body.requiredPermission).toBe('users:read');
    });
  });

  describe('user administration', () => {
    let longXuyen: string;
    beforeAll(async () => {
      longXuyen = await agencyId('000.00.31.H01');
    });

    it('creates a user, enforcing the password policy and rejecting unknown fields', async () => {
      const base = {
        username: 'Chuyenvien2.LongXuyen',
        fullName: 'Lê Thị Hoa',
        email: 'hoa.lt@angiang.gov.vn',
        agencyId: longXuyen,
        roles: ['SPECIALIST'],
      };
      const short = await call(t.baseUrl, 'POST', '/api/users', { token: admin, body: { ...base, password: 'ngan' } });
      expect(short.status).toBe(400);
      expect(short.body.errors).toEqual([expect.objectContaining({ field: 'password', rule: 'minLength' })]);
      const withName = await call(t.baseUrl, 'POST', '/api/users', { token: admin, body: { ...base, password: 'chuyenvien2.longxuyen!' } });
      expect(withName.body.errors).toEqual([expect.objectContaining({ field: 'password', rule: 'notUsername' })]);
      const unknown = await call(t.baseUrl, 'POST', '/api/users', {
        token: admin,
        body: { ...base, password: 'Mat-khau-dai-2026', isRoot: true },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'isRoot', rule: 'unknownField' })]);
      const badRole = await call(t.baseUrl, 'POST', '/api/users', {
        token: admin,
        body: { ...base, password: 'Mat-khau-dai-2026', roles: ['GOD'] },
      });
      expect(badRole.body.errors[0]).toMatchObject({ field: 'roles', rule: 'isIn' });

      const created = await call(t.baseUrl, 'POST', '/api/users', { token: admin, body: { ...base, password: 'Mat-khau-dai-2026' } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        username: 'chuyenvien2.longxuyen',
        active: true,
        agencyName: 'Ủy ban nhân dân thành phố Long Xuyên',
      });
      expect(created.body).not.toHaveProperty('passwordHash');
      expect(await login(t.baseUrl, 'chuyenvien2.longxuyen', 'Mat-khau-dai-2026')).toBeTruthy();

      const again = await call(t.baseUrl, 'POST', '/api/users', { token: admin, body: { ...base, password: 'Mat-khau-dai-2026' } });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('USERNAME_TAKEN');
    });

    it('ends the sessions of a user at once when deactivated, and audits it', async () => {
      const officer = await login(t.baseUrl, 'tiepnhan.longxuyen');
      expect((await call(t.baseUrl, 'GET', '/api/auth/me', { token: officer })).status).toBe(200);
      const id = await userId('tiepnhan.longxuyen');
      const res = await call(t.baseUrl, 'PATCH', `/api/users/${id}`, { token: admin, body: { active: false } });
      expect(res.status).toBe(200);
      expect(res.body.active).toBe(false);
      expect((await call(t.baseUrl, 'GET', '/api/auth/me', { token: officer })).status).toBe(401);
      const relogin = await call(t.baseUrl, 'POST', '/api/auth/login', {
        body: { username: 'tiepnhan.longxuyen', password: 'MotCua@2026' },
      });
      expect(relogin.status).toBe(401);
      expect(await auditActions(id)).toEqual(expect.arrayContaining(['user.updated', 'user.deactivated']));
    });

    it('ends old sessions when an administrator resets a password, and audits role changes', async () => {
      const specialist = await login(t.baseUrl, 'chuyenvien.longxuyen');
      const id = await userId('chuyenvien.longxuyen');
      const res = await call(t.baseUrl, 'PATCH', `/api/users/${id}`, {
        token: admin,
        body: { password: 'Mat-khau-moi-2026', roles: ['SPECIALIST', 'LEADER'] },
      });
      expect(res.status).toBe(200);
      expect(res.body.roles).toEqual(['SPECIALIST', 'LEADER']);
      expect((await call(t.baseUrl, 'GET', '/api/auth/me', { token: specialist })).status).toBe(401);
      expect(await login(t.baseUrl, 'chuyenvien.longxuyen', 'Mat-khau-moi-2026')).toBeTruthy();
      const changes = (
        await db.query("SELECT before, after FROM audit_events WHERE target_id = $1 AND action = 'user.roles-changed'", [id])
      ).rows;
      expect(changes).toEqual([{ before: { roles: ['SPECIALIST'] }, after: { roles: ['SPECIALIST', 'LEADER'] } }]);
    });

    it('lets a user change their own password, which ends their other sessions', async () => {
      const token = await login(t.baseUrl, 'lanhdao.ttpvhcc');
      const wrong = await call(t.baseUrl, 'POST', '/api/auth/password', {
        token,
        body: { currentPassword: 'sai-mat-khau', newPassword: 'Mat-khau-rieng-2026' },
      });
      expect(wrong.status).toBe(401);
      const weak = await call(t.baseUrl, 'POST', '/api/auth/password', {
        token,
        body: { currentPassword: 'MotCua@2026', newPassword: 'short' },
      });
      expect(weak.status).toBe(400);
      expect(weak.body.errors[0]).toMatchObject({ field: 'newPassword', rule: 'minLength' });
      const ok = await call(t.baseUrl, 'POST', '/api/auth/password', {
        token,
        body: { currentPassword: 'MotCua@2026', newPassword: 'Mat-khau-rieng-2026' },
      });
      expect(ok.status).toBe(204);
      expect((await call(t.baseUrl, 'GET', '/api/auth/me', { token })).status).toBe(401);
      expect(await login(t.baseUrl, 'lanhdao.ttpvhcc', 'Mat-khau-rieng-2026')).toBeTruthy();
    });
  });

  describe('integration clients', () => {
    it('shows a key once, accepts it as X-Api-Key within its scopes, rotates and revokes it at once', async () => {
      const longXuyen = await agencyId('000.00.31.H01');
      const created = await call(t.baseUrl, 'POST', '/api/integration/clients', {
        token: admin,
        body: { name: 'Cổng dịch vụ công TP Long Xuyên', agencyId: longXuyen, scopes: ['dossiers:create', 'dossiers:read'] },
      });
      expect(created.status).toBe(201);
      const { id, apiKey } = created.body;
      expect(apiKey).toMatch(/^mc_[0-9a-f]{12}_/);
      const stored = (await db.query('SELECT key_hash FROM api_clients WHERE id = $1', [id])).rows[0].key_hash;
      expect(stored).not.toContain(apiKey.split('_')[2]);

      const listed = await call(t.baseUrl, 'GET', '/api/integration/clients', { token: admin });
      expect(JSON.stringify(listed.body)).not.toContain(apiKey);
      expect(listed.body.find((c: { id: string }) => c.id === id)).toMatchObject({
        status: 'ACTIVE',
        scopes: ['dossiers:create', 'dossiers:read'],
      });

      const me = await call(t.baseUrl, 'GET', '/api/auth/me', { apiKey });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        kind: 'client',
        name: 'Cổng dịch vụ công TP Long Xuyên',
        permissions: ['dossiers:create', 'dossiers:read'],
      });
      expect((await call(t.baseUrl, 'GET', '/api/users', { apiKey })).status).toBe(403);

      const rotated = await call(t.baseUrl, 'POST', `/api/integration/clients/${id}/rotate`, { token: admin });
      expect(rotated.status).toBe(200);
      expect(rotated.body.apiKey).not.toBe(apiKey);
      expect((await call(t.baseUrl, 'GET', '/api/auth/me', { apiKey })).status).toBe(401);
      expect((await call(t.baseUrl, 'GET', '/api/auth/me', { apiKey: rotated.body.apiKey })).status).toBe(200);

      expect((await call(t.baseUrl, 'DELETE', `/api/integration/clients/${id}`, { token: admin })).status).toBe(204);
      expect((await call(t.baseUrl, 'GET', '/api/auth/me', { apiKey: rotated.body.apiKey })).status).toBe(401);
      expect(await auditActions(id)).toEqual([
        'integration-client.created',
        'integration-client.key-rotated',
        'integration-client.revoked',
      ]);
    });

    it('rejects a made-up key and a scope that does not exist', async () => {
      expect((await call(t.baseUrl, 'GET', '/api/auth/me', { apiKey: 'mc_000000000000_' + 'x'.repeat(32) })).status).toBe(401);
      const res = await call(t.baseUrl, 'POST', '/api/integration/clients', {
        token: admin,
        body: { name: 'Cổng thử', agencyId: await agencyId('000.00.31.H01'), scopes: ['users:manage'] },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'scopes', rule: 'isIn' });
    });
  });

  it('audits successful and failed logins', async () => {
    const id = await userId('admin');
    expect(await auditActions(id)).toContain('auth.login-succeeded');
    expect(
      (await db.query("SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.login-failed'")).rows[0].n,
    ).toBeGreaterThanOrEqual(6);
  });

  it('sends security headers and no CORS header by default', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('identity: guard rails for administrators', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    admin = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
  });
  afterAll(async () => t?.close());

  it('refuses to let an administrator lock themselves out', async () => {
    const me = await call(t.baseUrl, 'GET', '/api/auth/me', { token: admin });
    const deactivate = await call(t.baseUrl, 'PATCH', `/api/users/${me.body.id}`, { token: admin, body: { active: false } });
    expect(deactivate.status).toBe(409);
    expect(deactivate.body.code).toBe('CANNOT_LOCK_OUT_SELF');
    const demote = await call(t.baseUrl, 'PATCH', `/api/users/${me.body.id}`, { token: admin, body: { roles: ['AUDITOR'] } });
    expect(demote.status).toBe(409);
    expect((await call(t.baseUrl, 'GET', '/api/auth/me', { token: admin })).status).toBe(200);
  });

  it('answers a stale user version with 409 and the current version', async () => {
    const users = await call(t.baseUrl, 'GET', '/api/users?q=thanhtra.stp', { token: admin });
    const user = users.body.items[0];
    const first = await call(t.baseUrl, 'PATCH', `/api/users/${user.id}`, {
      token: admin,
      body: { version: user.version, fullName: 'Thanh tra Sở Tư pháp (1)' },
    });
    expect(first.status).toBe(200);
    const second = await call(t.baseUrl, 'PATCH', `/api/users/${user.id}`, {
      token: admin,
      body: { version: user.version, fullName: 'Thanh tra Sở Tư pháp (2)' },
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'STALE_VERSION', currentVersion: first.body.version });
  });
});

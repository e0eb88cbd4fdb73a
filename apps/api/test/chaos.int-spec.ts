import { createServer, Server, Socket, connect } from 'node:net';
import { receiveAtCounter } from './support/dossier-fixtures';
import { call, login } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 9 fault tests that fit an integration test: PostgreSQL becoming unreachable under load
 * (a TCP proxy between the API and the database is cut and restored), and many officers acting on
 * one dossier at once.
 */
class CuttableProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(port = 0): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((done) => this.server?.listen(port, '127.0.0.1', done));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  /** The database "goes down": every connection is cut and new ones are refused. */
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((done) => this.server?.close(() => done()));
  }
}

describe('faults: the database goes away and comes back; concurrent conflicting transitions', () => {
  let t: TestApp;
  let proxy: CuttableProxy;
  let reception: string;

  beforeAll(async () => {
    const server = new URL(process.env['TEST_DATABASE_URL'] as string);
    proxy = new CuttableProxy({ host: server.hostname, port: Number(server.port || 5432) });
    await proxy.open();
    t = await startTestApp({ DEMO_DATA: 'true' }, { connectVia: (url) => url.replace(`@${server.host}/`, `@127.0.0.1:${proxy.port}/`) });
    reception = await login(t.baseUrl, 'tiepnhan.ttpvhcc');
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.cut().catch(() => undefined);
  });

  it('answers 503 (health too) while PostgreSQL is unreachable, never hangs, and recovers without a restart', async () => {
    const dossier = await receiveAtCounter(t.baseUrl, reception, 'Đỗ Thị Mất Điện');
    await proxy.cut();

    const started = Date.now();
    const during = await Promise.all([
      fetch(`${t.baseUrl}/api/health`).then((r) => r.status),
      call(t.baseUrl, 'GET', `/api/dossiers/${dossier.code}`, { token: reception }).then((r) => r.status),
      call(t.baseUrl, 'GET', `/api/public/dossiers/${dossier.code}?secret=${dossier.lookupSecret}`).then((r) => r.status),
      call(t.baseUrl, 'POST', '/api/auth/login', { body: { username: 'tiepnhan.ttpvhcc', password: 'MotCua@2026' } }).then((r) => r.status),
    ]);
    expect(during).toEqual([503, 503, 503, 503]);
    expect(Date.now() - started).toBeLessThan(15_000);

    await proxy.open(proxy.port);
    let healthy = false;
    for (let i = 0; i < 60 && !healthy; i++) {
      healthy = (await fetch(`${t.baseUrl}/api/health`)).status === 200;
      if (!healthy) await new Promise((r) => setTimeout(r, 250));
    }
    expect(healthy).toBe(true);
    const after = await call(t.baseUrl, 'GET', `/api/dossiers/${dossier.code}`, { token: reception });
    expect(after.status).toBe(200);
    expect(after.body.code).toBe(dossier.code);
  });

  it('lets exactly one of 50 concurrent conflicting transitions on one dossier win', async () => {
    const dossier = await receiveAtCounter(t.baseUrl, reception, 'Phan Văn Tranh');
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(t.baseUrl, 'POST', `/api/dossiers/${dossier.code}/actions/${i % 2 ? 'forward' : 'request-supplement'}`, {
          token: reception,
          body: { version: dossier.version, reason: 'Bổ sung giấy tờ' },
        }),
      ),
    );
    const statuses = attempts.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const final = await call(t.baseUrl, 'GET', `/api/dossiers/${dossier.code}`, { token: reception });
    expect(final.body.version).toBe(dossier.version + 1);
    expect(final.body.timeline.filter((e: { action: string }) => e.action === 'forward' || e.action === 'request-supplement')).toHaveLength(
      1,
    );
  });
});

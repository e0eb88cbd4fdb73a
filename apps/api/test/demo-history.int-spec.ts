import { Client } from 'pg';
import { DEMO_HISTORY_SEEDED, DEMO_HISTORY_STARTED, DemoHistoryService } from '../src/database/seed/demo-history.service';
import { AuditService } from '../src/modules/audit/audit.service';
import { call, login } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

/** Waits for the background seeding's marker; returns what it recorded. */
async function seeded(db: Client, timeoutMs: number): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query('SELECT after FROM audit_events WHERE action = $1', [DEMO_HISTORY_SEEDED]);
    if (rows.length) return rows[0].after;
    if (Date.now() > deadline) throw new Error('the demo history was not seeded in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * DEMO_HISTORY: a first start fills the demo database with a year of dossiers through the
 * historical importer, in the background and once; the dashboard then has something to show.
 */
describe('demo history on first start', () => {
  let t: TestApp;
  let db: Client;
  let marker: Record<string, number>;
  let healthyAfterMs: number;

  beforeAll(async () => {
    const started = Date.now();
    t = await startTestApp({ DEMO_DATA: 'true', DEMO_HISTORY: 'true', AUTH_RATE_LIMIT_PER_MINUTE: '100000' });
    healthyAfterMs = Date.now() - started;
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    // Officials sign in while the history is imported: their audit records interleave with the import's.
    let done = false;
    const signIns = (async () => {
      while (!done) {
        await login(t.baseUrl, 'lanhdao.stp');
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    marker = await seeded(db, 110_000).finally(() => (done = true));
    await signIns;
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('answers at once and imports a few thousand dossiers of the last twelve months meanwhile, none failing', async () => {
    // The API does not wait for the history (it runs in the background).
    expect(healthyAfterMs).toBeLessThan(15_000);
    expect(marker).toMatchObject({ failed: 0, skipped: 0 });
    expect(marker['imported']).toBeGreaterThan(2000);
    // How long it took is recorded (seconds on an idle machine; the wait above bounds it).
    expect(marker['ms']).toBeGreaterThan(0);
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM dossiers')).rows;
    expect(n).toBe(marker['imported']);
    const span = (await db.query('SELECT min(received_at) AS first FROM dossiers')).rows[0];
    expect(Date.now() - span.first.getTime()).toBeLessThan(366 * 86_400_000);
    expect(Date.now() - span.first.getTime()).toBeGreaterThan(330 * 86_400_000);
    const kinds = (
      await db.query(
        `SELECT count(*) FILTER (WHERE timeliness = 'LATE')::int AS late, count(*) FILTER (WHERE timeliness = 'EARLY')::int AS early,
                count(*) FILTER (WHERE timeliness = 'ON_TIME')::int AS "onTime",
                count(*) FILTER (WHERE finished_at IS NULL AND due_at < now())::int AS overdue,
                count(*) FILTER (WHERE finished_at IS NULL AND due_at >= now())::int AS within,
                count(*) FILTER (WHERE outcome IN ('WITHDRAWN', 'STOPPED'))::int AS withdrawn,
                count(*) FILTER (WHERE status = 'RETURNED')::int AS returned,
                count(*) FILTER (WHERE channel = 'ONLINE')::int AS online,
                (SELECT count(*)::int FROM dossier_ratings) AS ratings
           FROM dossiers`,
      )
    ).rows[0];
    for (const kind of ['late', 'early', 'onTime', 'overdue', 'within', 'withdrawn', 'returned', 'online', 'ratings']) {
      expect({ kind, n: kinds[kind] }).toEqual({ kind, n: expect.any(Number) });
      expect(kinds[kind]).toBeGreaterThan(0);
    }
    expect(kinds.ratings).toBe(marker['rated']);
  });

  it('keeps the audit chain intact although the import and the sign-ins wrote to it side by side', async () => {
    const interleaved = await db.query(
      `SELECT count(*)::int AS n FROM audit_events a JOIN audit_events b ON b.id > a.id
        WHERE a.action = 'auth.login-succeeded' AND b.action LIKE 'dossier.%' AND a.at > (SELECT min(at) FROM audit_events WHERE action LIKE 'dossier.%')`,
    );
    expect(interleaved.rows[0].n).toBeGreaterThan(0);
    const res = await call(t.baseUrl, 'GET', '/api/audit/verify', { token: await login(t.baseUrl, 'thanhtra.tinh') });
    expect(res.body).toMatchObject({ ok: true });
  });

  it('runs only once per database', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM dossiers')).rows[0].n;
    expect(await t.app.get(DemoHistoryService).seedOnce()).toBeNull();
    expect((await db.query('SELECT count(*)::int AS n FROM dossiers')).rows[0].n).toBe(before);
    expect((await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = $1`, [DEMO_HISTORY_SEEDED])).rows[0].n).toBe(1);
  });

  it('gives the province a living dashboard for the last year', async () => {
    const token = await login(t.baseUrl, 'thanhtra.tinh');
    const to = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const from = new Date(Date.now() + 7 * 3_600_000 - 364 * 86_400_000).toISOString().slice(0, 10);
    const res = await call(t.baseUrl, 'GET', `/api/reports/dashboard?from=${from}&to=${to}&granularity=month`, { token });
    expect(res.status).toBe(200);
    expect(res.body.series.filter((b: { received: number }) => b.received > 0).length).toBeGreaterThanOrEqual(12);
    expect(res.body.agencies.length).toBeGreaterThan(5);
    expect(res.body.totals.resolvedLate).toBeGreaterThan(0);
    expect(res.body.open.overdue).toBeGreaterThan(0);
    expect(res.body.online.rate).toBeGreaterThan(20);
    expect(res.body.satisfaction.ratings).toBeGreaterThan(0);
  });
});

describe('demo history interrupted', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('resumes the same history (ending where the first run said) rather than starting another', async () => {
    // A first run began on 30/06 and was stopped before it finished.
    await t.app.get(AuditService).record(undefined, {
      action: DEMO_HISTORY_STARTED,
      targetType: 'system',
      targetId: 'demo-history',
      after: { until: '2026-06-30T10:00:00.000Z' },
    });
    const history = t.app.get(DemoHistoryService);
    const result = await history.seedOnce({ dossiers: 40 });
    expect(result).toMatchObject({ failed: 0 });
    expect(result?.imported).toBeGreaterThan(30);
    const { last } = (await db.query('SELECT max(greatest(received_at, finished_at, returned_at)) AS last FROM dossiers')).rows[0];
    expect(last.getTime()).toBeLessThan(Date.parse('2026-06-30T10:00:00.000Z'));
    expect(await history.seedOnce({ dossiers: 40 })).toBeNull();
  });
});

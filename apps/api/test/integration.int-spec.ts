/* eslint-disable @typescript-eslint/no-explicit-any -- parsed JSON bodies */
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { createApp } from '../src/create-app';
import { OutboxEventType } from '../src/modules/integration/integration-events';
import { OutboxRow, OutboxService } from '../src/modules/integration/outbox.service';
import { WebhookWorker } from '../src/modules/integration/webhook-worker.service';
import { WebhooksRepository } from '../src/modules/integration/webhooks.repository';
import { call, login } from './support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';

/** Tiny backoff so retries happen within the test: 100, 200, 400 ms, dead after 4 attempts. */
const WEBHOOK_ENV = {
  WEBHOOK_BACKOFF_BASE_MS: '100',
  WEBHOOK_BACKOFF_FACTOR: '2',
  WEBHOOK_BACKOFF_MAX_MS: '400',
  WEBHOOK_MAX_ATTEMPTS: '4',
  WEBHOOK_TIMEOUT_MS: '1000',
  WEBHOOK_POLL_BUSY_MS: '20',
  WEBHOOK_POLL_IDLE_MS: '50',
};
const SECRET = 'a-test-secret-of-32-characters!!';

interface Received {
  body: string;
  json: any;
  headers: IncomingHttpHeaders;
}

interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** Answers this status to the n-th request (1-based). */
  respond: (n: number) => number;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 that records every request. */
async function startReceiver(respond: (n: number) => number = () => 200, port = 0): Promise<Receiver> {
  const received: Received[] = [];
  const receiver = { received, respond } as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ body, json: JSON.parse(body), headers: req.headers });
      res.statusCode = receiver.respond(received.length);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/hooks/motcua?portal=test`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

async function until<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('portal integration: outbox, changes feed and webhooks', () => {
  let t: TestApp;
  let db: Client;
  let admin: string;
  let dataSource: DataSource;
  let outbox: OutboxService;
  let worker: WebhookWorker;
  const agencies: Record<string, string> = {};
  /** Codes of every event emitted outside Long Xuyên, whichever test emitted it. */
  const outsideLongXuyen = new Set<string>();
  let sequence = 0;

  const agencyId = async (code: string) => (await db.query('SELECT id FROM agencies WHERE code = $1', [code])).rows[0].id as string;

  /** One event, committed on its own, for a dossier received at `receiving` with `competent` competent. */
  async function emit(receiving: string, competent: string, type: OutboxEventType = 'dossier.received'): Promise<OutboxRow> {
    const code = `${receiving}-260223-${String(++sequence).padStart(4, '0')}`;
    const [row] = await dataSource.transaction((tx) => outbox.emit(tx, dossierEvent(code, receiving, competent, type)));
    if (!receiving.startsWith('000.00.31') && !receiving.startsWith('000.31') && !competent.startsWith('000.00.31'))
      outsideLongXuyen.add(code);
    return row;
  }

  function dossierEvent(code: string, receiving: string, competent: string, type: OutboxEventType = 'dossier.received') {
    return {
      type,
      dossier: {
        id: randomUUID(),
        code,
        receivingAgencyId: agencies[receiving],
        competentAgencyId: agencies[competent],
        status: 'RECEIVED',
        statusCode: 2,
      },
      data: { channel: 'ONLINE' },
    };
  }

  async function createClient(name: string, agencyCode: string, scopes: string[]): Promise<{ id: string; apiKey: string }> {
    const res = await call(t.baseUrl, 'POST', '/api/integration/clients', {
      token: admin,
      body: { name, agencyId: agencies[agencyCode], scopes },
    });
    expect(res.status).toBe(201);
    return { id: res.body.id, apiKey: res.body.apiKey };
  }

  async function subscribe(credentials: { token?: string; apiKey?: string }, url: string, events = ['dossier.*']): Promise<string> {
    const res = await call(t.baseUrl, 'POST', '/api/integration/webhooks', { ...credentials, body: { url, events, secret: SECRET } });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const unsubscribe = async (id: string) =>
    expect((await call(t.baseUrl, 'DELETE', `/api/integration/webhooks/${id}`, { token: admin })).status).toBe(204);

  const deliveryStatuses = async (subscriptionId: string) =>
    (await db.query('SELECT status FROM webhook_deliveries WHERE subscription_id = $1', [subscriptionId])).rows.map(
      (r) => r.status as string,
    );

  /**
   * Fans out until every event committed so far has been examined. The horizon is cluster-wide, so
   * a transaction open elsewhere on the server can hold events back for a moment.
   */
  async function fanOutAll(): Promise<void> {
    const { rows } = await db.query('SELECT txid, id FROM outbox_events ORDER BY txid DESC, id DESC LIMIT 1');
    if (!rows.length) return;
    await until(async () => {
      await worker.fanOut();
      const cursor = await db.query('SELECT (txid, outbox_id) >= ($1::bigint, $2::bigint) AS passed FROM webhook_fanout_cursor', [
        rows[0].txid,
        rows[0].id,
      ]);
      return cursor.rows[0].passed as boolean;
    }, 'the fan-out to catch up');
  }

  /** Runs the worker until every event so far is fanned out and the subscription has no pending delivery left. */
  async function drain(subscriptionId: string, timeoutMs = 10_000): Promise<void> {
    await fanOutAll();
    await until(
      async () => {
        await worker.deliverDue();
        const statuses = await deliveryStatuses(subscriptionId);
        return statuses.length > 0 && !statuses.includes('PENDING');
      },
      'the deliveries to settle',
      timeoutMs,
    );
  }

  /** Every page of the changes feed from `cursor` until an empty page. */
  async function readFeed(
    credentials: { token?: string; apiKey?: string },
    cursor?: string,
    limit = 50,
  ): Promise<{ items: any[]; cursor: string }> {
    const items: any[] = [];
    for (;;) {
      const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      const res = await call(t.baseUrl, 'GET', `/api/integration/changes?${query}`, credentials);
      expect(res.status).toBe(200);
      expect(typeof res.body.nextCursor).toBe('string');
      cursor = res.body.nextCursor as string;
      if (!res.body.items.length) return { items, cursor };
      items.push(...res.body.items);
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', ...WEBHOOK_ENV });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    admin = await login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    dataSource = t.app.get(DataSource);
    outbox = t.app.get(OutboxService);
    worker = t.app.get(WebhookWorker);
    for (const code of ['000.00.22.H01', '000.00.10.H01', '000.00.31.H01', '000.31.01.H01', '000.00.32.H01', '000.32.01.H01']) {
      agencies[code] = await agencyId(code);
    }
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  describe('subscriptions', () => {
    it('rejects a URL that is not http(s), a secret under 16 characters and an unknown event type with 400', async () => {
      for (const url of ['ftp://portal.example/hook', 'javascript:alert(1)', 'not a url', 'file:///etc/passwd']) {
        const res = await call(t.baseUrl, 'POST', '/api/integration/webhooks', {
          token: admin,
          body: { url, events: ['dossier.*'], secret: SECRET },
        });
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: any) => e.field)).toEqual(['url']);
      }
      const short = await call(t.baseUrl, 'POST', '/api/integration/webhooks', {
        token: admin,
        body: { url: 'https://portal.example/hook', events: ['dossier.*'], secret: 'too-short' },
      });
      expect(short.status).toBe(400);
      expect(short.body.errors.map((e: any) => e.field)).toEqual(['secret']);
      const unknown = await call(t.baseUrl, 'POST', '/api/integration/webhooks', {
        token: admin,
        body: { url: 'https://portal.example/hook', events: ['dossier.deleted'], secret: SECRET },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors.map((e: any) => e.field)).toEqual(['events']);
    });

    it('lets a client with webhooks:manage subscribe and see only its own subscriptions, with the secret masked', async () => {
      const portal = await createClient('Cổng Long Xuyên (webhooks)', '000.00.31.H01', ['dossiers:read', 'webhooks:manage']);
      const other = await createClient('Cổng Châu Đốc (webhooks)', '000.00.32.H01', ['webhooks:manage']);
      const readOnly = await createClient('Cổng chỉ đọc', '000.00.31.H01', ['dossiers:read']);
      const created = await call(t.baseUrl, 'POST', '/api/integration/webhooks', {
        apiKey: portal.apiKey,
        body: { url: 'https://longxuyen.example/hook', events: ['dossier.received', 'dossier.status-changed'], secret: SECRET },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ownerType: 'client', agencyId: agencies['000.00.31.H01'], secret: '••••••••rs!!' });
      expect(JSON.stringify(created.body)).not.toContain(SECRET);

      const mine = await call(t.baseUrl, 'GET', '/api/integration/webhooks', { apiKey: portal.apiKey });
      expect(mine.body.map((w: any) => w.id)).toEqual([created.body.id]);
      expect(JSON.stringify(mine.body)).not.toContain(SECRET);
      const theirs = await call(t.baseUrl, 'GET', '/api/integration/webhooks', { apiKey: other.apiKey });
      expect(theirs.body).toEqual([]);
      expect((await call(t.baseUrl, 'DELETE', `/api/integration/webhooks/${created.body.id}`, { apiKey: other.apiKey })).status).toBe(404);
      expect(
        (await call(t.baseUrl, 'GET', `/api/integration/webhooks/${created.body.id}/deliveries`, { apiKey: other.apiKey })).status,
      ).toBe(404);
      const all = await call(t.baseUrl, 'GET', '/api/integration/webhooks', { token: admin });
      expect(all.body.map((w: any) => w.id)).toContain(created.body.id);
      expect((await call(t.baseUrl, 'GET', '/api/integration/webhooks', { apiKey: readOnly.apiKey })).status).toBe(403);

      expect((await call(t.baseUrl, 'DELETE', `/api/integration/webhooks/${created.body.id}`, { apiKey: portal.apiKey })).status).toBe(204);
      expect((await call(t.baseUrl, 'GET', '/api/integration/webhooks', { apiKey: portal.apiKey })).body).toEqual([]);
      const audit = await db.query(`SELECT action, after FROM audit_events WHERE target_id = $1 ORDER BY id`, [created.body.id]);
      expect(audit.rows.map((r) => r.action)).toEqual(['webhook.created', 'webhook.deleted']);
      expect(JSON.stringify(audit.rows)).not.toContain(SECRET);
    });
  });

  describe('delivery', () => {
    it('POSTs a CloudEvent signed with HMAC-SHA256 of the raw body, carrying the outbox event id', async () => {
      const receiver = await startReceiver();
      const portal = await createClient('Cổng Long Xuyên (delivery)', '000.00.31.H01', ['dossiers:read', 'webhooks:manage']);
      const subscription = await subscribe({ apiKey: portal.apiKey }, receiver.url);
      try {
        const inScope = await emit('000.31.01.H01', '000.00.31.H01');
        await emit('000.32.01.H01', '000.00.32.H01'); // Châu Đốc: not the portal's scope
        const wrongType = await emit('000.31.01.H01', '000.00.31.H01', 'dossier.step-sent');
        await drain(subscription);

        expect(receiver.received).toHaveLength(2);
        const [first] = receiver.received;
        expect(first.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
        const expected = `sha256=${createHmac('sha256', SECRET).update(Buffer.from(first.body, 'utf8')).digest('hex')}`;
        expect(first.headers['x-signature']).toBe(expected);
        expect(first.json).toEqual({
          specversion: '1.0',
          id: inScope.eventId,
          type: 'dossier.received',
          source: '/motcua/an-giang',
          subject: inScope.dossierCode,
          time: inScope.occurredAt.toISOString(),
          datacontenttype: 'application/json',
          data: { channel: 'ONLINE', code: inScope.dossierCode, status: 'RECEIVED', statusCode: 2 },
        });
        expect(receiver.received[1].json.id).toBe(wrongType.eventId);

        const log = await call(t.baseUrl, 'GET', `/api/integration/webhooks/${subscription}/deliveries`, { apiKey: portal.apiKey });
        expect(log.status).toBe(200);
        expect(log.body.items.map((d: any) => [d.eventId, d.status, d.attempts])).toEqual([
          [wrongType.eventId, 'DELIVERED', 1],
          [inScope.eventId, 'DELIVERED', 1],
        ]);
        expect(log.body.items[1].attemptLog).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, error: null })]);
      } finally {
        await unsubscribe(subscription);
        await receiver.close();
      }
    });

    it('sends only the subscribed types', async () => {
      const receiver = await startReceiver();
      const subscription = await subscribe({ token: admin }, receiver.url, ['dossier.result-ready']);
      try {
        await emit('000.00.22.H01', '000.00.10.H01', 'dossier.received');
        const ready = await emit('000.00.22.H01', '000.00.10.H01', 'dossier.result-ready');
        await drain(subscription);
        expect(receiver.received.map((r) => r.json.id)).toEqual([ready.eventId]);
      } finally {
        await unsubscribe(subscription);
        await receiver.close();
      }
    });

    it('sends the event again with the same id after backoff when the receiver answered 500, then 200', async () => {
      const receiver = await startReceiver((n) => (n === 1 ? 500 : 200));
      const subscription = await subscribe({ token: admin }, receiver.url);
      try {
        const event = await emit('000.00.22.H01', '000.00.10.H01');
        await fanOutAll();
        expect(await worker.deliverDue()).toBe(1);
        expect(receiver.received).toHaveLength(1);
        // Not due again before its backoff (100 ms) has passed.
        expect(await worker.deliverDue()).toBe(0);
        await drain(subscription);
        expect(receiver.received).toHaveLength(2);
        expect(receiver.received[1].json.id).toBe(event.eventId);
        expect(receiver.received[1].body).toBe(receiver.received[0].body);
        const log = await call(t.baseUrl, 'GET', `/api/integration/webhooks/${subscription}/deliveries`, { token: admin });
        expect(log.body.items[0]).toMatchObject({ status: 'DELIVERED', attempts: 2, lastStatus: 200 });
        expect(log.body.items[0].attemptLog.map((a: any) => [a.attempt, a.statusCode, a.error])).toEqual([
          [2, 200, null],
          [1, 500, 'HTTP 500'],
        ]);
      } finally {
        await unsubscribe(subscription);
        await receiver.close();
      }
    });

    it('gives up on a receiver slower than the timeout and delivers the same event once it answers in time', async () => {
      const arrivals: string[] = [];
      // The first answer comes after the 1 s timeout; later ones at once.
      const slow = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          arrivals.push(JSON.parse(Buffer.concat(chunks).toString('utf8')).id);
          const reply = () => {
            res.statusCode = 200;
            res.end();
          };
          if (arrivals.length === 1) setTimeout(reply, 1500);
          else reply();
        });
      });
      await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
      const subscription = await subscribe({ token: admin }, `http://127.0.0.1:${(slow.address() as AddressInfo).port}/hooks`);
      try {
        const event = await emit('000.00.22.H01', '000.00.10.H01');
        await drain(subscription);
        expect(arrivals).toEqual([event.eventId, event.eventId]);
        const log = await call(t.baseUrl, 'GET', `/api/integration/webhooks/${subscription}/deliveries`, { token: admin });
        expect(log.body.items[0]).toMatchObject({ status: 'DELIVERED', attempts: 2, lastStatus: 200 });
        expect(log.body.items[0].attemptLog[1].error).toBe('No response within 1000 ms');
      } finally {
        await unsubscribe(subscription);
        slow.closeAllConnections();
        await new Promise<void>((resolve) => slow.close(() => resolve()));
      }
    });

    it('gets every event with its original id once a receiver that was down comes back', async () => {
      const probe = await startReceiver();
      const port = probe.port;
      await probe.close(); // down: connections are refused
      const subscription = await subscribe({ token: admin }, probe.url);
      let receiver: Receiver | undefined;
      try {
        const events = [];
        for (let i = 0; i < 5; i++) events.push(await emit('000.00.22.H01', '000.00.10.H01'));
        await fanOutAll();
        expect(await worker.deliverDue()).toBe(5);
        const failed = await db.query('SELECT attempts, last_error, status FROM webhook_deliveries WHERE subscription_id = $1', [
          subscription,
        ]);
        expect(failed.rows).toEqual(Array(5).fill({ attempts: 1, status: 'PENDING', last_error: 'ECONNREFUSED' }));

        receiver = await startReceiver(() => 200, port);
        await drain(subscription);
        expect(receiver.received.map((r) => r.json.id).sort()).toEqual(events.map((e) => e.eventId).sort());
        expect(await deliveryStatuses(subscription)).toEqual(Array(5).fill('DELIVERED'));
      } finally {
        await unsubscribe(subscription);
        await receiver?.close();
      }
    });

    it('marks a delivery dead after the last attempt, audits it, lists it for administrators and replays it', async () => {
      const receiver = await startReceiver(() => 503);
      const subscription = await subscribe({ token: admin }, receiver.url);
      try {
        const event = await emit('000.00.22.H01', '000.00.10.H01');
        await drain(subscription);
        expect(await deliveryStatuses(subscription)).toEqual(['DEAD']);
        expect(receiver.received).toHaveLength(4);
        const audit = await db.query(`SELECT actor_type, after FROM audit_events WHERE action = 'webhook.dead' AND target_id = $1`, [
          subscription,
        ]);
        expect(audit.rows).toHaveLength(1);
        expect(audit.rows[0]).toMatchObject({ actor_type: 'system', after: { eventId: event.eventId, attempts: 4, lastStatus: 503 } });

        const dead = await call(t.baseUrl, 'GET', '/api/integration/deliveries?status=DEAD', { token: admin });
        expect(dead.status).toBe(200);
        const item = dead.body.items.find((d: any) => d.eventId === event.eventId);
        expect(item).toMatchObject({ webhookId: subscription, status: 'DEAD', attempts: 4, lastError: 'HTTP 503', nextAttemptAt: null });
        expect(item.deadAt).toEqual(expect.any(String));
        const reception = await login(t.baseUrl, 'tiepnhan.ttpvhcc');
        expect((await call(t.baseUrl, 'GET', '/api/integration/deliveries?status=DEAD', { token: reception })).status).toBe(403);

        receiver.respond = () => 200;
        const replayed = await call(t.baseUrl, 'POST', `/api/integration/webhooks/${subscription}/deliveries/${item.id}/replay`, {
          token: admin,
        });
        expect(replayed.status).toBe(200);
        expect(replayed.body).toMatchObject({ id: item.id, status: 'PENDING', attempts: 0 });
        await drain(subscription);
        expect(receiver.received).toHaveLength(5);
        expect(receiver.received[4].json.id).toBe(event.eventId);
        expect(await deliveryStatuses(subscription)).toEqual(['DELIVERED']);

        const missing = await call(t.baseUrl, 'POST', `/api/integration/webhooks/${subscription}/deliveries/${randomUUID()}/replay`, {
          token: admin,
        });
        expect(missing.status).toBe(404);
      } finally {
        await unsubscribe(subscription);
        await receiver.close();
      }
    });

    it('replays everything since a time, including events from before the subscription existed', async () => {
      const since = new Date();
      const before = await emit('000.00.22.H01', '000.00.10.H01');
      await fanOutAll();
      const receiver = await startReceiver();
      const subscription = await subscribe({ token: admin }, receiver.url);
      try {
        const after = await emit('000.00.22.H01', '000.00.10.H01');
        await drain(subscription);
        expect(receiver.received.map((r) => r.json.id)).toEqual([after.eventId]);

        const bad = await call(t.baseUrl, 'POST', `/api/integration/webhooks/${subscription}/replay`, {
          token: admin,
          body: { since: 'yesterday' },
        });
        expect(bad.status).toBe(400);
        const replay = await call(t.baseUrl, 'POST', `/api/integration/webhooks/${subscription}/replay`, {
          token: admin,
          body: { since: since.toISOString() },
        });
        expect(replay.status).toBe(200);
        expect(replay.body.scheduled).toBeGreaterThanOrEqual(2);
        await drain(subscription);
        const ids = receiver.received.map((r) => r.json.id);
        expect(ids).toContain(before.eventId);
        expect(ids.filter((id) => id === after.eventId)).toHaveLength(2);
      } finally {
        await unsubscribe(subscription);
        await receiver.close();
      }
    });

    it('sends again a delivery whose worker died mid-flight, once its lease ends', async () => {
      const receiver = await startReceiver();
      const subscription = await subscribe({ token: admin }, receiver.url);
      try {
        const event = await emit('000.00.22.H01', '000.00.10.H01');
        await fanOutAll();
        // A process claims the delivery and dies before sending it.
        const claimed = await t.app.get(WebhooksRepository).claimDue(100, 400);
        expect(claimed.map((c) => c.eventId)).toContain(event.eventId);
        expect(await worker.deliverDue()).toBe(0);
        await sleep(450);
        await drain(subscription);
        expect(receiver.received.map((r) => r.json.id)).toEqual([event.eventId]);
      } finally {
        await unsubscribe(subscription);
        await receiver.close();
      }
    });

    it('ends the subscriptions of a revoked client, cancelling what it had pending', async () => {
      const receiver = await startReceiver((n) => (n === 1 ? 200 : 500));
      const portal = await createClient('Cổng sẽ bị thu hồi', '000.00.31.H01', ['webhooks:manage']);
      const subscription = await subscribe({ apiKey: portal.apiKey }, receiver.url);
      try {
        await emit('000.31.01.H01', '000.00.31.H01');
        await emit('000.31.01.H01', '000.00.31.H01');
        await fanOutAll();
        await worker.deliverDue();
        expect((await deliveryStatuses(subscription)).sort()).toEqual(['DELIVERED', 'PENDING']);
        expect((await call(t.baseUrl, 'DELETE', `/api/integration/clients/${portal.id}`, { token: admin })).status).toBe(204);
        await emit('000.31.01.H01', '000.00.31.H01');
        await fanOutAll();
        await sleep(150);
        await worker.deliverDue();
        expect(receiver.received).toHaveLength(2);
        expect((await deliveryStatuses(subscription)).sort()).toEqual(['CANCELLED', 'DELIVERED']);
        expect((await call(t.baseUrl, 'GET', '/api/integration/webhooks', { token: admin })).body.map((w: any) => w.id)).not.toContain(
          subscription,
        );
      } finally {
        await receiver.close();
      }
    });
  });

  describe('several API processes', () => {
    let second: { app: NestFastifyApplication; dataDir: string };

    beforeAll(async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'motcua-test-data-'));
      const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', ADMIN_DIR: '/nonexistent', DATA_DIR: dataDir, ...WEBHOOK_ENV });
      second = { app: await createApp(config, t.database.url), dataDir };
      await second.app.init();
    });
    afterAll(async () => {
      await second?.app.close();
      if (second) rmSync(second.dataDir, { recursive: true, force: true });
    });

    it('delivers each event exactly once to a healthy receiver when two processes deliver at the same time', async () => {
      const receiver = await startReceiver();
      const subscription = await subscribe({ token: admin }, receiver.url);
      const otherWorker = second.app.get(WebhookWorker);
      try {
        const events = [];
        for (let i = 0; i < 30; i++) events.push(await emit('000.00.22.H01', '000.00.10.H01'));
        await until(async () => {
          await Promise.all([worker.deliverDue(7), otherWorker.deliverDue(7), worker.deliverDue(7), otherWorker.deliverDue(7)]);
          return receiver.received.length >= 30;
        }, '30 deliveries');

        // Now the background loops of both processes, with events committed while they run.
        worker.start();
        otherWorker.start();
        for (let i = 0; i < 30; i++) events.push(await emit('000.00.22.H01', '000.00.10.H01'));
        await until(
          async () => receiver.received.length >= 60 && !(await deliveryStatuses(subscription)).includes('PENDING'),
          '60 deliveries',
        );
        await sleep(300);
        const ids = receiver.received.map((r) => r.json.id);
        expect(ids).toHaveLength(60);
        expect(new Set(ids).size).toBe(60);
        expect(ids.sort()).toEqual(events.map((e) => e.eventId).sort());
      } finally {
        await Promise.all([worker.stop(), otherWorker.stop()]);
        await unsubscribe(subscription);
        await receiver.close();
      }
    });
  });

  describe('changes feed', () => {
    it('returns the events of the caller’s agency subtree in order, never another district’s', async () => {
      const portal = await createClient('Cổng Long Xuyên (feed)', '000.00.31.H01', ['dossiers:read']);
      const start = await readFeed({ apiKey: portal.apiKey });
      const a = await emit('000.31.01.H01', '000.00.31.H01');
      const b = await emit('000.32.01.H01', '000.00.32.H01');
      const c = await emit('000.00.22.H01', '000.00.31.H01', 'dossier.status-changed'); // competent: Long Xuyên
      const d = await emit('000.32.01.H01', '000.00.32.H01', 'dossier.step-sent');
      const e = await dataSource.transaction(async (tx) => {
        const [row] = await outbox.emit(tx, {
          ...dossierEvent('000.32.01.H01-260223-9001', '000.32.01.H01', '000.00.32.H01', 'dossier.step-sent'),
          agencyIds: [agencies['000.31.01.H01']],
        });
        return row;
      });

      const page = await readFeed({ apiKey: portal.apiKey }, start.cursor, 2);
      expect(page.items.map((i) => i.id)).toEqual([a.eventId, c.eventId, e.eventId]);
      expect(page.items[1]).toMatchObject({
        specversion: '1.0',
        type: 'dossier.status-changed',
        source: '/motcua/an-giang',
        subject: c.dossierCode,
        time: c.occurredAt.toISOString(),
        data: { code: c.dossierCode, statusCode: 2, status: 'RECEIVED' },
      });

      // From the beginning, too: nothing of another district, whichever test emitted it.
      const everything = await readFeed({ apiKey: portal.apiKey });
      expect(everything.items.filter((i) => outsideLongXuyen.has(i.subject))).toEqual([]);
      expect(everything.items.length).toBeGreaterThanOrEqual(3);
      // Staff of the district read the same feed; the province root reads everything.
      const staff = await readFeed({ token: await login(t.baseUrl, 'lanhdao.longxuyen') }, start.cursor);
      expect(staff.items.map((i) => i.id)).toEqual([a.eventId, c.eventId, e.eventId]);
      const province = await readFeed({ token: await login(t.baseUrl, 'thanhtra.tinh') }, start.cursor);
      expect(province.items.map((i) => i.id)).toEqual([a, b, c, d, e].map((x) => x.eventId));

      // An empty page still gives a cursor to poll from.
      const empty = await call(t.baseUrl, 'GET', `/api/integration/changes?cursor=${page.cursor}`, { apiKey: portal.apiKey });
      expect(empty.body).toEqual({ items: [], nextCursor: expect.any(String) });
    });

    it('requires dossiers:read and rejects a cursor it did not issue', async () => {
      expect((await call(t.baseUrl, 'GET', '/api/integration/changes')).status).toBe(401);
      const hooksOnly = await createClient('Cổng chỉ webhook', '000.00.31.H01', ['webhooks:manage']);
      expect((await call(t.baseUrl, 'GET', '/api/integration/changes', { apiKey: hooksOnly.apiKey })).status).toBe(403);
      const staff = await login(t.baseUrl, 'lanhdao.longxuyen');
      expect((await call(t.baseUrl, 'GET', '/api/integration/changes?cursor=bm90LWEtY3Vyc29y', { token: staff })).status).toBe(400);
      const forged = Buffer.from(JSON.stringify(['1 OR 1=1', '0'])).toString('base64url');
      expect((await call(t.baseUrl, 'GET', `/api/integration/changes?cursor=${forged}`, { token: staff })).status).toBe(400);
    });

    it('never skips an event committed late by a transaction that started earlier', async () => {
      const portal = await createClient('Cổng Long Xuyên (late commit)', '000.00.31.H01', ['dossiers:read']);
      const credentials = { apiKey: portal.apiKey };
      const start = await readFeed(credentials);

      const late = dataSource.createQueryRunner();
      const early = dataSource.createQueryRunner();
      await late.connect();
      await early.connect();
      try {
        // "early" takes the older transaction id but writes its event last; "late" writes first (the
        // lower outbox id) and commits last. A reader ordering by id alone would read early's event,
        // move past late's id and never return it.
        await early.startTransaction();
        await early.query('SELECT txid_current()');
        await late.startTransaction();
        const [lateRow] = await outbox.emit(late.manager, dossierEvent('000.31.01.H01-260223-8001', '000.31.01.H01', '000.00.31.H01'));
        const [earlyRow] = await outbox.emit(early.manager, dossierEvent('000.31.01.H01-260223-8002', '000.31.01.H01', '000.00.31.H01'));
        await early.commitTransaction();
        const earlyId = (await db.query('SELECT id FROM outbox_events WHERE event_id = $1', [earlyRow.eventId])).rows[0].id;

        // A reader polls while "late" is still open: it may see the committed event, never the open one.
        let cursor = start.cursor;
        const seen: string[] = [];
        await until(async () => {
          const page = await readFeed(credentials, cursor);
          cursor = page.cursor;
          seen.push(...page.items.map((i) => i.id));
          return seen.includes(earlyRow.eventId);
        }, 'the committed event to be readable');
        expect(seen).toEqual([earlyRow.eventId]);

        await late.commitTransaction();
        const lateId = (await db.query('SELECT id FROM outbox_events WHERE event_id = $1', [lateRow.eventId])).rows[0].id;
        expect(Number(lateId)).toBeLessThan(Number(earlyId)); // ordering by id alone would have skipped it
        await until(async () => {
          const page = await readFeed(credentials, cursor);
          cursor = page.cursor;
          seen.push(...page.items.map((i) => i.id));
          return seen.includes(lateRow.eventId);
        }, 'the late event to be readable after the cursor');
        expect(seen).toEqual([earlyRow.eventId, lateRow.eventId]);
      } finally {
        if (late.isTransactionActive) await late.rollbackTransaction();
        if (early.isTransactionActive) await early.rollbackTransaction();
        await late.release();
        await early.release();
      }
    });

    it('does not show an event of a transaction that rolled back', async () => {
      const portal = await createClient('Cổng Long Xuyên (rollback)', '000.00.31.H01', ['dossiers:read']);
      const start = await readFeed({ apiKey: portal.apiKey });
      await expect(
        dataSource.transaction(async (tx) => {
          await outbox.emit(tx, dossierEvent('000.31.01.H01-260223-7001', '000.31.01.H01', '000.00.31.H01'));
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      const kept = await emit('000.31.01.H01', '000.00.31.H01');
      const page = await until(async () => {
        const p = await readFeed({ apiKey: portal.apiKey }, start.cursor);
        return p.items.length ? p : undefined;
      }, 'the committed event');
      expect(page.items.map((i) => i.id)).toEqual([kept.eventId]);
    });
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { withDatabase } from '../src/database/postgres-admin';
import { startTestApp, TestApp } from './support/test-app';

describe('foundation: HTTP shape, health and schema', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(async () => t?.close());

  it('reports the database as up', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'up' });
  });

  it('answers an unknown route with a 404 problem+json carrying the request id it was given', async () => {
    const res = await fetch(`${t.baseUrl}/api/khong-co`, { headers: { 'x-request-id': 'portal-req-0001' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('x-request-id')).toBe('portal-req-0001');
    const body = await res.json();
    expect(body).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not found', errors: [], requestId: 'portal-req-0001' });
    expect(body.type).toMatch(/^https:\/\//);
  });

  it('rejects malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).code).toBe('MALFORMED_JSON');
  });

  it('rejects a body over the configured limit with 413', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ filler: 'x'.repeat(4096) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await fetch(`${t.baseUrl}/api/docs/openapi.json`);
    expect(json.status).toBe(200);
    const document = await json.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths['/api/health'].get.operationId).toBe('getHealth');
    const ui = await fetch(`${t.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('has migrations that match the entities exactly', async () => {
    const dataSource = new DataSource(dataSourceOptions(t.database.url));
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });
});

describe('foundation: health when the database is gone', () => {
  it('answers 503 with db "down" once its database disappears', async () => {
    const t = await startTestApp();
    try {
      const admin = new Client({ connectionString: withDatabase(t.database.url, 'postgres') });
      await admin.connect();
      const name = new URL(t.database.url).pathname.slice(1);
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
      const res = await fetch(`${t.baseUrl}/api/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', db: 'down' });
    } finally {
      await t.app.close();
      await t.database.drop();
    }
  });
});

describe('foundation: the admin is served at / with SPA fallback', () => {
  it('answers deep links (even ones that look like a procedure code) with index.html, and missing assets with 404', async () => {
    const adminDir = mkdtempSync(join(tmpdir(), 'motcua-admin-'));
    writeFileSync(join(adminDir, 'index.html'), '<!DOCTYPE html><title>Một Cửa</title>');
    const t = await startTestApp({ ADMIN_DIR: adminDir });
    try {
      for (const path of ['/', '/ho-so/000.00.22.H01-260223-0001', '/thu-tuc-cong-khai/1.001193']) {
        const res = await fetch(t.baseUrl + path);
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('Một Cửa');
      }
      expect((await fetch(`${t.baseUrl}/assets/missing.js`)).status).toBe(404);
      expect((await fetch(`${t.baseUrl}/api/khong-co`)).headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await t.close();
      rmSync(adminDir, { recursive: true, force: true });
    }
  });
});

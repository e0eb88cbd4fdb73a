/* eslint-disable @typescript-eslint/no-explicit-any -- walks an OpenAPI document */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { login } from './support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from './support/test-app';

/**
 * Issue 9: an HTTP fuzzer driven by the committed OpenAPI contract. Every operation gets malformed,
 * oversized, wrongly typed and injection-shaped values in its path, query and body, with valid
 * credentials of several roles. Bad input must never be a 500 (nor hang): a clear 4xx every time.
 */
const CONTRACT = JSON.parse(readFileSync(join(__dirname, '../../../libs/api-client/openapi.json'), 'utf8'));

const NASTY_STRINGS = [
  '',
  ' ',
  "' OR '1'='1' --",
  '"; DROP TABLE dossiers; --',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '\u0000',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  'Nguyễn Văn Ẩn 🙂',
  'x'.repeat(5000),
  '-1',
  '1e309',
  'NaN',
  '2026-13-45',
  '00000000-0000-0000-0000-000000000000',
];
const NASTY_VALUES: unknown[] = [null, true, -1, 0, 1.5, 1e308, -(2 ** 60), [], {}, ['x'], { $ne: 1 }, 'x'.repeat(100_000)];

/** Calls that end the caller's own session would only blind the rest of the run. */
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/auth/refresh']);

function resolveSchema(schema: any): any {
  if (!schema) return undefined;
  if (schema.$ref)
    return resolveSchema(
      schema.$ref
        .split('/')
        .slice(1)
        .reduce((node: any, key: string) => node[key], CONTRACT),
    );
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map(resolveSchema));
  return schema;
}

function bodies(operation: any): unknown[] {
  const schema = resolveSchema(operation.requestBody?.content?.['application/json']?.schema);
  const out: unknown[] = [{}, [], 'not an object', 42];
  if (!schema?.properties) return out;
  for (const property of Object.keys(schema.properties)) {
    for (const value of [...NASTY_VALUES, ...NASTY_STRINGS.slice(2, 12)]) out.push({ [property]: value });
  }
  // Every property at once with a plausible-but-wrong value, and one deeply nested value.
  out.push(Object.fromEntries(Object.keys(schema.properties).map((p) => [p, NASTY_STRINGS[2]])));
  let deep: any = 'x';
  for (let i = 0; i < 200; i++) deep = { a: deep };
  out.push(Object.fromEntries(Object.keys(schema.properties).map((p) => [p, deep])));
  return out;
}

describe('HTTP fuzzing from the OpenAPI contract', () => {
  let t: TestApp;
  let tokens: string[];

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000', AUTH_RATE_LIMIT_PER_MINUTE: '1000000' });
    tokens = await Promise.all([
      login(t.baseUrl, 'admin', TEST_ADMIN_PASSWORD),
      login(t.baseUrl, 'lanhdao.stp'),
      login(t.baseUrl, 'tiepnhan.ttpvhcc'),
    ]);
  }, 120_000);
  afterAll(async () => t?.close());

  it('answers every malformed request to every operation with a 4xx, never a 500', async () => {
    const failures: string[] = [];
    let sent = 0;
    const send = async (method: string, path: string, token: string | undefined, body?: unknown, raw?: string) => {
      sent++;
      const headers: Record<string, string> = {};
      if (token) headers['authorization'] = `Bearer ${token}`;
      if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(t.baseUrl + path, {
        method,
        headers,
        body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
        signal: AbortSignal.timeout(15_000),
      }).catch((error: Error) => ({ status: 599, text: async () => error.message }));
      if (res.status >= 500)
        failures.push(
          `${method} ${path.slice(0, 120)} ${JSON.stringify(body)?.slice(0, 120) ?? raw ?? ''} → ${res.status} ${(await res.text()).slice(0, 200)}`,
        );
      // An unread body keeps its response open on the server until the socket is collected.
      else if ('body' in res) await res.body?.cancel();
    };

    for (const [template, item] of Object.entries<any>(CONTRACT.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        const verb = method.toUpperCase();
        if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(verb) || SKIP.has(`${verb} ${template}`)) continue;
        const parameters: any[] = [...(item.parameters ?? []), ...(operation.parameters ?? [])];
        const pathParams = parameters.filter((p) => p.in === 'path').map((p) => p.name);
        const queryParams = parameters.filter((p) => p.in === 'query').map((p) => p.name);
        const fill = (value: string) => pathParams.reduce((path, name) => path.replace(`{${name}}`, encodeURIComponent(value)), template);
        for (const token of tokens) {
          // Path parameters: every nasty string in every one at once.
          for (const value of NASTY_STRINGS) await send(verb, fill(value), token);
          // Query parameters: each one nasty, the others absent; then repeated and as an object.
          const base = fill('000.00.22.H01-260302-0001');
          for (const name of queryParams) {
            for (const value of NASTY_STRINGS) await send(verb, `${base}?${name}=${encodeURIComponent(value)}`, token);
            await send(verb, `${base}?${name}=a&${name}=b&${name}[x]=c`, token);
          }
          // Bodies: wrong shapes, wrong types per property, broken JSON.
          if (verb !== 'GET' && verb !== 'DELETE') {
            for (const body of bodies(operation)) await send(verb, base, token, body);
            await send(verb, base, token, undefined, '{"unterminated": ');
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(5000);
    expect(failures).toEqual([]);
    // The NUL character (which PostgreSQL text cannot hold) is named like any other bad field.
    const nul = await fetch(`${t.baseUrl}/api/dossiers?q=%00`, { headers: { authorization: `Bearer ${tokens[1]}` } });
    expect(nul.status).toBe(400);
    expect((await nul.json()).errors[0]).toMatchObject({ field: 'q', rule: 'noNulCharacter' });
    // And the database is consistent afterwards: the audit chain verifies, every dossier has its timeline.
    const auditor = await login(t.baseUrl, 'thanhtra.tinh');
    const chain = await (await fetch(`${t.baseUrl}/api/audit/verify`, { headers: { authorization: `Bearer ${auditor}` } })).json();
    expect(chain).toMatchObject({ ok: true });
    const db = new Client({ connectionString: t.database.url });
    await db.connect();
    try {
      const orphans = await db.query(
        'SELECT count(*)::int AS n FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id)',
      );
      expect(orphans.rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  }, 600_000);
});

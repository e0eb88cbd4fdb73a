// Issue 5 targets, against the production build on the embedded PostgreSQL (fresh data dir):
//   intake ≥ 300 dossiers/s with p95 < 50 ms; public lookup ≥ 2 000 req/s with p95 < 20 ms;
//   work list first page with filters (here over the dossiers this run creates, not 1 000 000).
//   npm run build && npm run bench:dossiers
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = 3991;
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-dossiers-'));
chmodSync(dataDir, 0o755);
const api = spawn(process.execPath, ['dist/apps/api/main.js'], {
  env: { ...process.env, DATABASE_URL: '', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_DATA: 'true', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
  stdio: 'ignore',
});
for (;;) {
  if (api.exitCode !== null) throw new Error(`the API exited with code ${api.exitCode} during start-up`);
  if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 100));
}

const json = (path, init = {}) => fetch(base + path, init).then((r) => r.json());
const { accessToken } = await json('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tiepnhan.ttpvhcc', password: 'MotCua@2026' }) });
const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
const procedure = await json('/api/public/procedures/2.000488');
const intakeBody = JSON.stringify({
  procedureCode: '2.000488',
  receivingAgencyCode: '000.00.22.H01',
  channel: 'DIRECT',
  applicant: { type: 'INDIVIDUAL', fullName: 'Nguyễn Văn An', dateOfBirth: '2003-05-01', sex: 'MALE', identifiers: [{ type: 'CCCD', value: '089203001234' }], phone: '0912345678' },
  documents: procedure.documents.filter((d) => d.mandatory).map((d) => ({ name: d.name, kind: 'ORIGINAL', count: 1 })),
});

const run = (title, options) =>
  new Promise((resolve, reject) =>
    autocannon({ duration: 10, ...options }, (error, result) => {
      if (error) return reject(error);
      const line = `${title}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`;
      console.log(line);
      resolve(result);
    }),
  );

try {
  await run('intake (POST /api/dossiers, counter, one agency), 10 connections', { url: `${base}/api/dossiers`, method: 'POST', headers: auth, body: intakeBody, connections: 10 });
  const one = await json('/api/dossiers', { method: 'POST', headers: auth, body: intakeBody });
  await run('public lookup, 50 connections', { url: `${base}/api/public/dossiers/${one.code}?secret=${one.lookupSecret}`, connections: 50 });
  const count = (await json('/api/dossiers?limit=200', { headers: auth })).items.length;
  await run(`work list first page (status + timeliness filters, ${count >= 200 ? '≥ 200' : count} dossiers in scope), 20 connections`, {
    url: `${base}/api/dossiers?limit=50&status=RECEIVED&timeliness=WITHIN`,
    headers: auth,
    connections: 20,
  });
} finally {
  const exited = new Promise((r) => api.once('exit', r));
  api.kill('SIGINT');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}

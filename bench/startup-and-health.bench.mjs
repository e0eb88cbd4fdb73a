// Issue 2 targets: warm start (built, data directory initialised) until /api/health is 200 under
// 10 s on the embedded PostgreSQL, and GET /api/health p50 under 5 ms at 50 connections.
//   npm run build && npm run bench:health
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = 3990;
const dataDir = join(tmpdir(), 'motcua-bench-health');
mkdirSync(dataDir, { recursive: true });
chmodSync(dataDir, 0o755);

async function startOnce() {
  const started = Date.now();
  const child = spawn(process.execPath, ['dist/apps/api/main.js'], {
    env: { ...process.env, DATABASE_URL: '', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status === 200, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, ms: Date.now() - started };
}

async function stop(child) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await exited;
}

const cold = await startOnce(); // first start may initialise the cluster and run migrations
await stop(cold.child);
const warm = await startOnce();
const result = await autocannon({ url: `http://127.0.0.1:${port}/api/health`, connections: 50, duration: 10 });
await stop(warm.child);

console.log(`first start (may initialise): ${cold.ms} ms`);
console.log(`warm start until health 200: ${warm.ms} ms (target < 10 000 ms: ${warm.ms < 10_000 ? 'MET' : 'MISSED'})`);
console.log(
  `GET /api/health, 50 connections, 10 s: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx} (target p50 < 5 ms: ${result.latency.p50 < 5 ? 'MET' : 'MISSED'})`,
);

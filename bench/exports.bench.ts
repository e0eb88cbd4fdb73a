// Issue 8 target: an XLSX export of 100 000 rows with the API's memory held under 300 MB (streamed).
// Runs the production build (`dist/apps/api/main.js`, built when older than the sources) with JOBS_ENABLED on a
// scratch database it fills itself (never `motcua_bench`), then exports the tracking book and the drill-down of
// II.06a's "received" over the same 100 000 dossiers through POST /api/reports/exports, polling progress, and
// reads the API process's peak resident memory (VmHWM in /proc, reset before each export) and the time to DONE:
//   TS_NODE_PROJECT=bench/tsconfig.json TS_NODE_TRANSPILE_ONLY=1 node -r ts-node/register -r tsconfig-paths/register \
//     bench/exports.bench.ts [--database-url URL] [--rows 100000] [--no-build] [--out bench/results/exports-100k.md]
import ExcelJS from 'exceljs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '../apps/api/src/config/app-config';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const DATABASE_URL = option('--database-url', 'postgres://postgres@127.0.0.1:5432/motcua_bench_exports');
const ROWS = Number(option('--rows', '100000'));
const OUT = option('--out', 'bench/results/exports-100k.md');
const PORT = 3997;
const BASE = `http://127.0.0.1:${PORT}`;
const API_MAIN = 'dist/apps/api/main.js';
const PERIOD = { from: '2026-01-01', to: '2026-03-31' };
const TARGET_MB = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (kb: number) => Math.round(kb / 1024);

if (DATABASE_URL.endsWith('/motcua_bench')) throw new Error('refusing to touch motcua_bench: use a scratch database');

// ------------------------------------------------------------------------------------ build

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (/\.(ts|json)$/.test(entry.name) && !/\.(spec|int-spec)\.ts$/.test(entry.name))
      latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

if (!args.includes('--no-build')) {
  const built = existsSync(API_MAIN) ? statSync(API_MAIN).mtimeMs : 0;
  if (built < Math.max(newest('apps/api/src'), newest('libs/domain/src'))) {
    console.log('npx nx build api …');
    const build = spawnSync('npx', ['nx', 'build', 'api', '--output-style=static'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('npx nx build api failed');
  }
}

// ---------------------------------------------------------------------------------- database

async function ensureDatabase(): Promise<void> {
  const name = new URL(DATABASE_URL).pathname.slice(1);
  const admin = new Client({ connectionString: DATABASE_URL.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

const FAMILY = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Lê', 'Huỳnh', 'Võ', 'Phạm', 'Phan', 'Đặng', 'Bùi', 'Dương', 'Lâm'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Ngọc', 'Kim', 'Hồng', 'Quốc', 'Xuân'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Yến',
];
const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;

/**
 * `ROWS` dossiers received in Q1 2026 at the provincial center for the published procedures, each with its
 * competent agency: finished (early / on time / late, returned or not), stopped, or still open (within time or
 * overdue), with Vietnamese applicant names. Direct SQL (the import path is measured elsewhere).
 */
async function fill(db: Client): Promise<void> {
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM dossiers WHERE code LIKE 'BENCH-%'`)).rows;
  if (n >= ROWS) return;
  console.log(`filling ${ROWS - n} dossiers…`);
  const started = Date.now();
  await db.query(
    `WITH procs AS (
       SELECT array_agg(id ORDER BY code) AS ids, array_agg(competent_agency_id ORDER BY code) AS agencies, count(*)::int AS k
         FROM procedures WHERE status = 'PUBLISHED' AND competent_agency_id IS NOT NULL
     ), center AS (SELECT id FROM agencies WHERE code = '000.00.22.H01'),
     src AS (
       SELECT i, 1 + (hashint4(i) & 2147483647) % procs.k AS pi,
              timestamptz '2026-01-05 01:00+00' + i * interval '70 seconds' AS received,
              (${sqlArray(FAMILY)})[1 + (hashint4(i * 3) & 2147483647) % ${FAMILY.length}] || ' ' ||
              (${sqlArray(MIDDLE)})[1 + (hashint4(i * 7) & 2147483647) % ${MIDDLE.length}] || ' ' ||
              (${sqlArray(GIVEN)})[1 + (hashint4(i * 13) & 2147483647) % ${GIVEN.length}] AS name,
              i % 10 AS kind
         FROM generate_series($1::int, $2::int) i, procs
     )
     INSERT INTO dossiers (code, procedure_id, receiving_agency_id, competent_agency_id, channel, status, status_code, outcome,
                           applicant, applicant_name, search_text, submitted_at, received_at, due_at, original_due_at, budget_minutes,
                           finished_at, timeliness, returned_at, lookup_secret, version)
     SELECT 'BENCH-' || lpad(i::text, 7, '0'), procs.ids[pi], center.id, procs.agencies[pi],
            CASE WHEN i % 3 = 0 THEN 'ONLINE' ELSE 'DIRECT' END,
            CASE WHEN kind <= 5 THEN 'RETURNED' WHEN kind = 6 THEN 'RESULT_READY' WHEN kind = 8 THEN 'STOPPED' ELSE 'IN_PROCESS' END,
            CASE WHEN kind <= 5 THEN 10 WHEN kind = 6 THEN 9 WHEN kind = 8 THEN 8 ELSE 4 END,
            CASE WHEN kind <= 6 THEN 'POSITIVE' WHEN kind = 8 THEN 'STOPPED' END,
            jsonb_build_object('type', 'INDIVIDUAL', 'fullName', name, 'identifiers', '[]'::jsonb), name, lower(name) || ' ' || i,
            received, received, received + interval '10 days', received + interval '10 days', 4800,
            CASE WHEN kind <= 6 OR kind = 8 THEN received + (3 + i % 10) * interval '1 day' + interval '2 hours' END,
            CASE WHEN kind <= 6 THEN (ARRAY['EARLY', 'ON_TIME', 'LATE'])[1 + i % 3] END,
            CASE WHEN kind <= 5 THEN received + (4 + i % 10) * interval '1 day' END,
            upper(substr(md5(i::text), 1, 8)), 1
       FROM src, procs, center`,
    [n + 1, ROWS],
  );
  await db.query('ANALYZE dossiers');
  console.log(`filled in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// -------------------------------------------------------------------------------------- API

function readStatus(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Resets the process's peak RSS (VmHWM) to its current RSS (Linux ≥ 4.0). */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

async function startApi(): Promise<ChildProcess> {
  mkdirSync('bench/.data/exports-api', { recursive: true });
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL,
      HOST: '127.0.0.1',
      PORT: String(PORT),
      DATA_DIR: 'bench/.data/exports-api',
      JWT_SECRET: 'bench-exports-'.padEnd(48, 'x'),
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'true',
      RUN_MIGRATIONS: 'true',
      JOBS_ENABLED: 'true',
      API_WORKERS: '1',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk) => (err = (err + chunk).slice(-4000)));
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}): ${err}`);
    if (
      await fetch(`${BASE}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    if (Date.now() - started > 240_000) throw new Error(`the API did not start in 240 s: ${err}`);
    await sleep(500);
  }
}

async function login(): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'thanhtra.tinh', password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

interface Measured {
  name: string;
  rows: number;
  seconds: number;
  bytes: number;
  rssBeforeMb: number;
  peakMb: number;
  progress: number[];
  checkedRows?: number;
}

async function exportOnce(pid: number, token: string, name: string, body: Record<string, unknown>, check: boolean): Promise<Measured> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  await sleep(1000); // let the previous export's garbage go
  const before = readStatus(pid);
  const peakReset = resetPeak(pid);
  let sampledPeak = before.rss;
  const started = Date.now();
  const created = await fetch(`${BASE}/api/reports/exports`, { method: 'POST', headers, body: JSON.stringify({ ...body, ...PERIOD }) });
  if (created.status !== 202) throw new Error(`${name}: ${created.status} ${await created.text()}`);
  const { id } = await created.json();
  const progress: number[] = [];
  let job: { status: string; progress: number; rowCount?: number; sizeBytes?: number; error?: string };
  for (;;) {
    sampledPeak = Math.max(sampledPeak, readStatus(pid).rss);
    job = await (await fetch(`${BASE}/api/reports/exports/${id}`, { headers })).json();
    if (progress[progress.length - 1] !== job.progress) progress.push(job.progress);
    if (job.status === 'DONE' || job.status === 'FAILED') break;
    if (Date.now() - started > 600_000) throw new Error(`${name}: not done after 10 minutes`);
    await sleep(100);
  }
  const seconds = (Date.now() - started) / 1000;
  if (job.status !== 'DONE') throw new Error(`${name}: ${job.error}`);
  const after = readStatus(pid);
  const peakKb = peakReset ? after.hwm : sampledPeak;
  const file = await fetch(`${BASE}/api/reports/exports/${id}/file`, { headers, signal: AbortSignal.timeout(300_000) });
  let checkedRows: number | undefined;
  if (check && body['format'] === 'xlsx') {
    // Count the data rows with exceljs's streaming reader (the file is never held whole here either).
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.fromWeb(file.body as never), { worksheets: 'emit' });
    let numbered = 0;
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) if (typeof row.getCell(1).value === 'number') numbered++;
      break;
    }
    checkedRows = numbered;
  } else {
    await file.arrayBuffer();
  }
  return {
    name,
    rows: job.rowCount ?? 0,
    seconds,
    bytes: job.sizeBytes ?? 0,
    rssBeforeMb: mb(before.rss),
    peakMb: mb(peakKb),
    progress,
    checkedRows,
  };
}

async function main(): Promise<void> {
  await ensureDatabase();
  const api = await startApi(); // migrates and seeds the catalog and demo accounts on first start
  // The API never outlives the bench, however it ends.
  process.once('exit', () => api.kill('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    await fill(db);
    const pid = api.pid as number;
    const token = await login();
    const results = [
      await exportOnce(pid, token, 'Tracking book, XLSX', { report: 'tracking-book', format: 'xlsx' }, true),
      await exportOnce(
        pid,
        token,
        'II.06a drill-down (receivedTotal), XLSX',
        { report: 'ii06a-dossiers', format: 'xlsx', cell: 'receivedTotal' },
        false,
      ),
      await exportOnce(pid, token, 'Tracking book, CSV', { report: 'tracking-book', format: 'csv' }, false),
    ];
    const lines = [
      `# Report exports over ${ROWS.toLocaleString('en')} dossiers`,
      '',
      `${new Date().toISOString()} — ${cpus().length} cores, ${mb(totalmem() / 1024).toLocaleString('en')} MB RAM, Node ${process.version}; ` +
        `production build, one API process with JOBS_ENABLED (the pg-boss worker), database \`${new URL(DATABASE_URL).pathname.slice(1)}\`; ` +
        `caller: the province auditor, period ${PERIOD.from} … ${PERIOD.to}.`,
      '',
      '| export | rows | time to DONE | file | API RSS before | API peak RSS during | growth | target |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...results.map(
        (r) =>
          `| ${r.name} | ${r.rows.toLocaleString('en')} | ${r.seconds.toFixed(1)} s | ${(r.bytes / 1048576).toFixed(1)} MB | ${r.rssBeforeMb} MB | ` +
          `**${r.peakMb} MB** | +${Math.max(0, r.peakMb - r.rssBeforeMb)} MB | ${r.peakMb < TARGET_MB ? `met (< ${TARGET_MB} MB)` : `MISSED (≥ ${TARGET_MB} MB)`} |`,
      ),
      '',
      "Peak RSS is the API process's VmHWM, reset (`/proc/<pid>/clear_refs` = 5) just before each export: the whole process",
      '(Nest, TypeORM, pdfmake fonts…), not only the export. "Before" is what the process still holds from earlier work',
      '(the previous export and its download: V8 and malloc keep freed pages), so the exports after the first start higher;',
      '"growth" is what the export itself added. Progress values seen while polling every 100 ms:',
      ...results.map(
        (r) =>
          `- ${r.name}: ${r.progress.join(' → ')}${r.checkedRows !== undefined ? ` (file re-read: ${r.checkedRows.toLocaleString('en')} numbered rows)` : ''}`,
      ),
      '',
    ];
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(OUT, lines.join('\n'));
    console.log(lines.join('\n'));
    if (results.some((r) => r.checkedRows !== undefined && r.checkedRows !== ROWS)) throw new Error('the XLSX does not hold every row');
  } finally {
    await db.end();
    api.kill('SIGINT');
    await new Promise((resolve) => api.once('exit', resolve));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// Work list over the seeded database (issue 5 target: first page p95 < 100 ms over 1 000 000 dossiers).
// Starts the production build against the database `npm run bench:seed` filled, signs in as the
// province center's reception desk and the Department of Justice's leader, and measures the first
// page of GET /api/dossiers with the usual filters (autocannon, 20 connections, 10 s each).
//
//   npm run bench:seed -- --dossiers 1000000        # once
//   npm run bench:worklist [-- --database-url URL | --embedded [--data-dir .data/bench]] [--duration 10] [--connections 20] [--only REGEX]
//                          [--explain [--pg-log /var/log/postgresql/postgresql-15-main.log]] [--cpu-prof DIR]
//
// --explain runs each scenario once with auto_explain (ANALYZE, BUFFERS) switched on for the
// database and prints the plans PostgreSQL logged for the API's own SQL (needs the server log).
// Background jobs are off so the data stay as seeded; DEMO_DATA=false keeps the catalog untouched.
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(name);
const embeddedDir = flag('--embedded') ? option('--data-dir', '.data/bench') : undefined;
let databaseUrl = option('--database-url', process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/motcua_bench');
const duration = Number(option('--duration', '10'));
const connections = Number(option('--connections', '20'));
const only = option('--only') ? new RegExp(option('--only')) : undefined;
const explain = flag('--explain');
const pgLog = option('--pg-log', '/var/log/postgresql/postgresql-15-main.log');
const port = Number(option('--port', '3992'));
const base = `http://127.0.0.1:${port}`;
const API_MAIN = 'dist/apps/api/main.js';

/** Newest modification time under a directory (sources of the API build). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (/\.(ts|json)$/.test(entry.name) && !/\.(spec|int-spec)\.ts$/.test(entry.name))
      latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

if (!flag('--no-build')) {
  const built = existsSync(API_MAIN) ? statSync(API_MAIN).mtimeMs : 0;
  if (built < Math.max(newest('apps/api/src'), newest('libs/domain/src'))) {
    console.log(`${built ? 'dist is older than the sources' : 'no build'}: npx nx build api …`);
    const build = spawnSync('npx', ['nx', 'build', 'api', '--output-style=static'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('npx nx build api failed');
  }
}

// --embedded: the cluster `bench:seed -- --embedded` filled, started the API's way (no PostgreSQL installed).
let embedded;
if (embeddedDir) {
  embedded = spawn(process.execPath, ['-r', 'ts-node/register', 'bench/seed/embedded-server.ts', embeddedDir], {
    env: { ...process.env, TS_NODE_PROJECT: 'bench/tsconfig.json', TS_NODE_TRANSPILE_ONLY: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  databaseUrl = await new Promise((resolve, reject) => {
    let out = '';
    embedded.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).url);
    });
    embedded.once('exit', (code) => reject(new Error(`the embedded PostgreSQL did not start (exit ${code})`)));
  });
}

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const dossiers = Number((await db.query('SELECT count(*) AS n FROM dossiers')).rows[0].n);
if (!dossiers) throw new Error(`No dossiers in ${databaseUrl}: run npm run bench:seed first`);
const database = (await db.query('SELECT current_database() AS d')).rows[0].d;

// Search terms taken from the data: a frequent name part, a full name seen a few times, a code.
const ttpvhcc = (await db.query(`SELECT id FROM agencies WHERE code = '000.00.22.H01'`)).rows[0]?.id;
const sample = (
  await db.query(
    `SELECT code, applicant_name, applicant->'identifiers'->0->>'value' AS identifier FROM dossiers
      WHERE receiving_agency_id = $1 AND created_at < now() - interval '200 days' ORDER BY created_at DESC LIMIT 1`,
    [ttpvhcc],
  )
).rows[0];
const procedure =
  (await db.query(`SELECT code FROM procedures WHERE status = 'PUBLISHED' AND code = '2.000488'`)).rows[0]?.code ?? '2.000488';

const dataDir = mkdtempSync(join(tmpdir(), 'motcua-bench-worklist-'));
const autoExplain = {
  session_preload_libraries: 'auto_explain',
  'auto_explain.log_min_duration': '0',
  'auto_explain.log_analyze': 'on',
  'auto_explain.log_buffers': 'on',
  'auto_explain.log_timing': 'on',
  'auto_explain.log_nested_statements': 'off',
};
if (explain) for (const [k, v] of Object.entries(autoExplain)) await db.query(`ALTER DATABASE "${database}" SET ${k} = '${v}'`);

let apiErr = '';
// --cpu-prof DIR: the API writes a V8 CPU profile there when it stops (where the time of a page goes).
const cpuProf = option('--cpu-prof');
const api = spawn(process.execPath, [...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : []), API_MAIN], {
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    JOBS_ENABLED: 'false',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
  },
  stdio: ['ignore', 'ignore', 'pipe'],
});
api.stderr.on('data', (chunk) => (apiErr = (apiErr + chunk).slice(-4000)));

const stopApi = async () => {
  if (api.exitCode === null) {
    const exited = new Promise((r) => api.once('exit', r));
    api.kill('SIGINT');
    await exited;
  }
  if (explain) for (const k of Object.keys(autoExplain)) await db.query(`ALTER DATABASE "${database}" RESET ${k}`);
  await db.end();
  rmSync(dataDir, { recursive: true, force: true });
  if (embedded && embedded.exitCode === null) {
    const stopped = new Promise((r) => embedded.once('exit', r));
    embedded.kill('SIGINT');
    await stopped;
  }
};

try {
  const startedAt = Date.now();
  for (;;) {
    if (api.exitCode !== null) throw new Error(`the API exited with code ${api.exitCode} during start-up: ${apiErr}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() - startedAt > 180_000) throw new Error(`the API did not become healthy in 180 s: ${apiErr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(
    `API up in ${((Date.now() - startedAt) / 1000).toFixed(1)} s against ${database} (${dossiers.toLocaleString('en')} dossiers)`,
  );

  const login = async (username) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'MotCua@2026' }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return { authorization: `Bearer ${(await res.json()).accessToken}` };
  };
  const desk = await login('tiepnhan.ttpvhcc');
  const leader = await login('lanhdao.stp');

  const q = (params) => `/api/dossiers?${new URLSearchParams({ limit: '50', ...params })}`;
  const scenarios = [
    ['desk: newest first, no filter', desk, q({})],
    ['desk: status=IN_PROCESS', desk, q({ status: 'IN_PROCESS' })],
    ['desk: status=RECEIVED (rare, recent)', desk, q({ status: 'RECEIVED' })],
    ['desk: status=SUPPLEMENT_REQUESTED (rare, old and new)', desk, q({ status: 'SUPPLEMENT_REQUESTED' })],
    ['desk: timeliness=OVERDUE', desk, q({ timeliness: 'OVERDUE' })],
    ['desk: timeliness=DUE_SOON', desk, q({ timeliness: 'DUE_SOON' })],
    [`desk: procedureCode=${procedure}`, desk, q({ procedureCode: procedure })],
    ['desk: channel=ONLINE + status=RETURNED', desk, q({ channel: 'ONLINE', status: 'RETURNED' })],
    ['desk: q=nguyen van (frequent)', desk, q({ q: 'nguyen van' })],
    [`desk: q=<full name> (rare)`, desk, q({ q: sample?.applicant_name ?? 'Nguyễn Văn An' })],
    [`desk: q=<CCCD/tax code> (one applicant)`, desk, q({ q: sample?.identifier ?? '089203001234' })],
    [`desk: q=<dossier code> (one dossier)`, desk, q({ q: sample?.code ?? '000.00.22.H01' })],
    ['desk: sort=due (open, nearest due first)', desk, q({ sort: 'due' })],
    ['desk: sort=due + timeliness=OVERDUE', desk, q({ sort: 'due', timeliness: 'OVERDUE' })],
    ['leader STP: newest first', leader, q({})],
    ['leader STP: status=IN_PROCESS + timeliness=OVERDUE', leader, q({ status: 'IN_PROCESS', timeliness: 'OVERDUE' })],
    ['leader STP: sort=due', leader, q({ sort: 'due' })],
  ].filter(([title]) => !only || only.test(title));

  if (explain) {
    const logStart = existsSync(pgLog) ? statSync(pgLog).size : 0;
    for (const [title, headers, path] of scenarios) {
      const res = await fetch(base + path, { headers });
      await res.arrayBuffer();
      console.log(`${title}: HTTP ${res.status} (plans below)`);
    }
    await new Promise((r) => setTimeout(r, 500));
    const log = readFileSync(pgLog).subarray(logStart).toString('utf8');
    const plans = log.split(/\n(?=\S)/).filter((block) => block.includes('plan:') && block.includes('FROM "dossiers"'));
    console.log(plans.join('\n\n'));
  } else {
    const rows = [];
    for (const [title, headers, path] of scenarios) {
      const probe = await fetch(base + path, { headers });
      const body = await probe.json();
      const found = probe.ok ? `${body.items.length}${body.nextCursor ? '+' : ''} rows` : `HTTP ${probe.status} ${body.code ?? ''}`;
      const result = await autocannon({ url: base + path, headers, connections, duration });
      const line = {
        title,
        found,
        rps: Math.round(result.requests.average),
        p50: result.latency.p50,
        p97_5: result.latency.p97_5,
        p99: result.latency.p99,
        errors: result.errors + result.non2xx + result.timeouts,
      };
      rows.push(line);
      console.log(
        `${title} [${found}]: ${line.rps} req/s, p50 ${line.p50} ms, p97.5 ${line.p97_5} ms, p99 ${line.p99} ms, errors ${line.errors}`,
      );
    }
    console.log(
      `\n| scenario (${dossiers.toLocaleString('en')} dossiers, ${connections} connections, ${duration} s) | first page | req/s | p50 | p97.5 (≥ p95) | p99 | errors | p95 < 100 ms |`,
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      console.log(
        `| ${r.title} | ${r.found} | ${r.rps} | ${r.p50} ms | ${r.p97_5} ms | ${r.p99} ms | ${r.errors} | ${r.p97_5 < 100 ? 'met' : '**missed**'} |`,
      );
    }
  }
} finally {
  await stopApi();
}

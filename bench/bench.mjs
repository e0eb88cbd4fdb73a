// `npm run bench`: the product's scenarios against the production build on the seeded database,
// each beside the ceilings of this machine, written to bench/results/latest.md (issue 9).
//
//   npm run bench:seed -- --dossiers 1000000            # once (bench/seed/README.md)
//   npm run bench [-- --database-url URL] [--duration 10] [--workers 1] [--scenarios intake,lookup,…]
//                 [--no-build] [--out bench/results/latest.md] [--port 3993]
//
// Scenarios (in this order): intake, intake-agencies, lookup, worklist, detail, transition, parties,
// queues, ii06a, webhook. Each reports req/s, p50/p95/p99 (from an HDR histogram of every response,
// in µs) and non-2xx/errors, and is compared with
//   - the HTTP ceiling: a bare Fastify app (bench/lib/bare-fastify.mjs, as many processes as the API)
//     under the same autocannon load (connections, method, body);
//   - the database ceiling: the scenario's essential SQL (the statements the API's repositories run
//     for that request, without the ORM's extra round trips) directly through `pg` with a Pool of
//     the API's size (20 per API process) at the same concurrency for the same time.
// The API runs with background jobs off (the seeded data stay as they are) except for the webhook
// scenario, which restarts it with JOBS_ENABLED=true (the delivery worker; the SLA sweep and the
// registry adoption of earlier dossiers then run as well, as in production).
// Rows the run adds to the database: the dossiers, parties and forwards it makes through the API, a
// webhook subscription (deleted at the end). The ceilings write to TEMP tables, except the intake's
// scratch code counter (day 1999-12-31) and the webhook's scratch subscription with its deliveries,
// both deleted at the end.
import autocannon from 'autocannon';
import hdr from 'hdr-histogram-js';
import pg from 'pg';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';

// ------------------------------------------------------------------------------------------ options

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(name);

const SCENARIOS = ['intake', 'intake-agencies', 'lookup', 'worklist', 'detail', 'transition', 'parties', 'queues', 'ii06a', 'webhook'];
const databaseUrl = option('--database-url', process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/motcua_bench');
const duration = Number(option('--duration', '10'));
const workers = Number(option('--workers', '1'));
const port = Number(option('--port', '3993'));
const barePort = port + 1;
const outFile = option('--out', 'bench/results/latest.md');
const wanted = option('--scenarios')
  ? option('--scenarios')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  : SCENARIOS;
for (const name of wanted) if (!SCENARIOS.includes(name)) throw new Error(`unknown scenario "${name}"; known: ${SCENARIOS.join(', ')}`);
if (!(duration > 0) || !(workers >= 1)) throw new Error('--duration and --workers must be positive numbers');
const selected = new Set(wanted);
const fullRun = SCENARIOS.every((s) => selected.has(s));

const base = `http://127.0.0.1:${port}`;
const API_MAIN = 'dist/apps/api/main.js';
/** Kept between runs: the API's development keys (personal data, HMAC of identifiers) live here. */
const API_DATA_DIR = 'bench/.data/api';
const DB_POOL_SIZE = 20 * workers; // the API's pool (data-source.ts: max 20) per process
const PASSWORD = 'MotCua@2026';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD || PASSWORD;
const SCRATCH_DAY = '1999-12-31';

// ------------------------------------------------------------------------- processes and clean-up

const children = new Set();
const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (error) {
        console.error(`clean-up: ${error.message}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the processes this run started…`);
    cleanup().finally(() => process.exit(130));
  });
}
// Last resort (e.g. an uncaught error): the process groups this run started, by id.
process.on('exit', () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
});

/** Starts a child in its own process group (so an API with cluster workers stops as one). */
function start(command, argv, options) {
  const child = spawn(command, argv, { ...options, detached: true });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function stopChild(child, graceMs = 20_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGINT');
  } catch {
    child.kill('SIGINT');
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------- build

/** Newest modification time under a directory (sources of the API build), as in worklist.bench.mjs. */
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

let buildNote = 'existing build';
if (!flag('--no-build')) {
  const built = existsSync(API_MAIN) ? statSync(API_MAIN).mtimeMs : 0;
  if (built < Math.max(newest('apps/api/src'), newest('libs/domain/src'))) {
    console.log(`${built ? 'dist is older than the sources' : 'no build'}: npx nx build api …`);
    const build = spawnSync('npx', ['nx', 'build', 'api', '--output-style=static'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('npx nx build api failed');
    buildNote = 'built by this run';
  }
} else if (!existsSync(API_MAIN)) throw new Error(`--no-build, but ${API_MAIN} is missing`);
else buildNote = 'existing build (--no-build)';

// ----------------------------------------------------------------------------------- statistics

const newHistogram = () =>
  hdr.build({
    bitBucketSize: 64,
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
  });
const ms = (histogram, p) => histogram.getValueAtPercentile(p) / 1000;

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** One autocannon run; latencies of every response (2xx or not) into an HDR histogram in µs. */
function load(options) {
  return new Promise((resolve, reject) => {
    const histogram = newHistogram();
    const instance = autocannon({ timeout: 30, ...options }, (error, result) => {
      if (error) return reject(error);
      const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
      const none = result.requests.total === 0;
      const stats = {
        rps: result.requests.total / result.duration,
        requests: result.requests.total,
        seconds: result.duration,
        p50: none ? NaN : ms(histogram, 50),
        p95: none ? NaN : ms(histogram, 95),
        p99: none ? NaN : ms(histogram, 99),
        max: none ? NaN : histogram.maxValue / 1000,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statuses,
      };
      histogram.destroy();
      resolve(stats);
    });
    instance.on('response', (_client, _status, _bytes, responseMs) => histogram.recordValue(Math.max(1, Math.round(responseMs * 1000))));
  });
}

/** `concurrency` loops calling `op(i)` for `seconds`; the same figures as `load`. */
/**
 * Open-loop GETs at an even rate (one every 1000/rate ms, whatever the answers), latency of each
 * from its scheduled start: the wait users see at that load. autocannon's overallRate releases each
 * second's quota at once, so its "paced" load arrives in bursts.
 */
async function paced(paths, headers, rate, seconds) {
  const histogram = newHistogram();
  const statuses = {};
  let errors = 0;
  const inflight = [];
  const t0 = performance.now();
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const path = paths[i % paths.length];
    inflight.push(
      fetch(base + path, { headers })
        .then(async (res) => {
          await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        })
        .catch(() => errors++)
        .finally(() => histogram.recordValue(Math.max(1, Math.round((performance.now() - due) * 1000)))),
    );
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - t0) / 1000;
  const non2xx = Object.entries(statuses).reduce((n, [code, count]) => n + (code.startsWith('2') ? 0 : count), 0);
  const stats = {
    rps: total / elapsed,
    requests: total,
    seconds: elapsed,
    p50: ms(histogram, 50),
    p95: ms(histogram, 95),
    p99: ms(histogram, 99),
    max: histogram.maxValue / 1000,
    non2xx,
    errors,
    timeouts: 0,
    statuses,
  };
  histogram.destroy();
  return stats;
}

async function loop(concurrency, seconds, op) {
  const histogram = newHistogram();
  let requests = 0;
  let errors = 0;
  let lastError;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = worker; performance.now() < end; i += concurrency) {
        const t0 = performance.now();
        try {
          await op(i);
          requests += 1;
          histogram.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
        } catch (error) {
          errors += 1;
          lastError = error;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const stats = {
    rps: requests / elapsed,
    requests,
    seconds: elapsed,
    p50: requests ? ms(histogram, 50) : NaN,
    p95: requests ? ms(histogram, 95) : NaN,
    p99: requests ? ms(histogram, 99) : NaN,
    errors,
    lastError: lastError?.message,
  };
  histogram.destroy();
  if (!requests && lastError) throw lastError;
  return stats;
}

// ------------------------------------------------------------------------------------- machine

const db = new pg.Pool({ connectionString: databaseUrl, max: 4, application_name: 'motcua-bench', options: '-c jit=off' });
cleanups.push(() => db.end());
const one = async (sql, params) => (await db.query(sql, params)).rows[0];

function machine() {
  const release = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const pretty = /PRETTY_NAME="?([^"\n]+)"?/.exec(release)?.[1] ?? os.type();
  const git = (...a) => {
    try {
      return execFileSync('git', a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const dirty = git('status', '--porcelain').split('\n').filter(Boolean).length;
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${pretty}, Linux ${os.release()}`,
    node: process.version,
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    dirty,
  };
}

async function dataset() {
  return one(`SELECT (SELECT count(*) FROM dossiers)::int AS dossiers, (SELECT count(*) FROM parties)::int AS parties,
                     (SELECT count(*) FROM dossier_steps)::int AS steps, (SELECT count(*) FROM outbox_events)::int AS outbox,
                     (SELECT name FROM migrations ORDER BY id DESC LIMIT 1) AS migration`);
}

// ------------------------------------------------------------------------------------------ API

const jwtSecret = randomBytes(32).toString('hex');
let api; // { child, jobs }

async function startApi(jobs) {
  mkdirSync(API_DATA_DIR, { recursive: true });
  let err = '';
  let running = 0;
  // BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": profile the API under the load (Node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = start(process.execPath, [...nodeArgs, API_MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: API_DATA_DIR,
      JWT_SECRET: jwtSecret,
      ACCESS_TOKEN_TTL_SECONDS: '7200',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      RUN_MIGRATIONS: 'true',
      JOBS_ENABLED: String(jobs),
      API_WORKERS: String(workers),
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (running += (String(chunk).match(/is running at/g) ?? []).length));
  child.stderr.on('data', (chunk) => (err = (err + chunk).slice(-4000)));
  const handle = { child, jobs };
  const stop = () => stopChild(child);
  cleanups.push(stop);
  handle.stop = async () => {
    const i = cleanups.indexOf(stop);
    if (i >= 0) cleanups.splice(i, 1);
    await stop();
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode} during start-up: ${err}`);
    const healthy = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy && running >= workers) break;
    if (Date.now() - started > 240_000) {
      await handle.stop();
      throw new Error(`the API did not become healthy in 240 s: ${err}`);
    }
    await sleep(200);
  }
  console.log(
    `API up in ${((Date.now() - started) / 1000).toFixed(1)} s (${workers} process${workers > 1 ? 'es' : ''}, jobs ${jobs ? 'on' : 'off'})`,
  );
  return handle;
}

async function ensureApi(jobs) {
  if (api && api.jobs === jobs && api.child.exitCode === null) return;
  if (api) await api.stop();
  api = undefined;
  api = await startApi(jobs);
}

async function call(path, { method = 'GET', headers = {}, body } = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, ok: res.ok, json, text };
}

const tokens = new Map();
async function login(username, passwords = [PASSWORD]) {
  if (tokens.has(username)) return tokens.get(username);
  let last;
  for (const password of passwords) {
    last = await call('/api/auth/login', { method: 'POST', body: { username, password } });
    if (last.ok) {
      const headers = { authorization: `Bearer ${last.json.accessToken}` };
      tokens.set(username, headers);
      return headers;
    }
  }
  throw new Error(`login ${username}: HTTP ${last.status} ${last.text.slice(0, 200)}`);
}

// ------------------------------------------------------------------------------- intake bodies

const FAMILY = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Võ',
  'Phan',
  'Trương',
  'Bùi',
  'Đặng',
  'Đỗ',
  'Ngô',
  'Hồ',
  'Dương',
  'Lý',
];
const MIDDLE_MALE = ['Văn', 'Văn', 'Văn', 'Hữu', 'Minh', 'Thanh', 'Quốc', 'Đức', 'Hoàng', 'Công'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Kim', 'Hồng', 'Thanh', 'Mỹ', 'Bích'];
const GIVEN = `An Anh Bình Châu Cường Dũng Duy Giang Hà Hải Hạnh Hiếu Hòa Hoàng Hùng Hương Khánh Lan Linh Long Mai Minh Nam Nga
  Ngọc Nhung Phong Phúc Phương Quân Quang Sơn Tâm Thảo Thành Thư Trang Trung Tuấn Tùng Vân Vy Yến Khoa Lộc Nhân Tài Tiến Toàn Vinh`.split(
  /\s+/,
);
const pick = (list) => list[randomInt(list.length)];
const runBase = randomInt(1_000_000);
let applicantSeq = 0;

/** A distinct applicant: valid An Giang CCCD whose century/sex digit and year agree with the birth date and sex. */
function applicant() {
  const i = applicantSeq++;
  const female = randomInt(2) === 1;
  const year = 1950 + randomInt(57);
  const g = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const cccd = `089${g}${String(year % 100).padStart(2, '0')}${String((runBase + i * 7919) % 1_000_000).padStart(6, '0')}`;
  const fullName = `${pick(FAMILY)} ${pick(female ? MIDDLE_FEMALE : MIDDLE_MALE)} ${pick(GIVEN)}${randomInt(4) === 0 ? ` ${pick(GIVEN)}` : ''}`;
  const dateOfBirth = `${year}-${String(1 + randomInt(12)).padStart(2, '0')}-${String(1 + randomInt(28)).padStart(2, '0')}`;
  return {
    type: 'INDIVIDUAL',
    fullName,
    dateOfBirth,
    sex: female ? 'FEMALE' : 'MALE',
    identifiers: [{ type: 'CCCD', value: cccd }],
    phone: `09${String((runBase * 13 + i) % 100_000_000).padStart(8, '0')}`,
    address: `${1 + randomInt(300)} Trần Hưng Đạo, phường Mỹ Bình, Long Xuyên`,
  };
}

let procedureDocuments;
async function intakeDocuments() {
  if (!procedureDocuments) {
    const { json, status } = await call('/api/public/procedures/2.000488');
    if (status !== 200) throw new Error(`GET /api/public/procedures/2.000488: HTTP ${status}`);
    procedureDocuments = json.documents.filter((d) => d.mandatory).map((d) => ({ name: d.name, kind: 'ORIGINAL', count: 1 }));
  }
  return procedureDocuments;
}

/** Received dossiers this run made through the API, not yet forwarded: the transition scenario takes them. */
const received = [];
/** CCCDs of applicants the API registered in this run (exact identifier search). */
const registered = [];

async function desk(username) {
  const headers = await login(username);
  const row = await one(`SELECT a.code, a.path, a.id FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.username = $1`, [username]);
  if (!row) throw new Error(`no user ${username} in the database`);
  return { username, headers, agencyCode: row.code, agencyId: row.id, path: row.path };
}

/** autocannon options for counter intakes of procedure 2.000488, rotating over `desks`. */
async function intakeLoad(desks, onCreated) {
  const documents = await intakeDocuments();
  let n = 0;
  return {
    url: base,
    requests: [
      {
        method: 'POST',
        path: '/api/dossiers',
        setupRequest: (request, context) => {
          const d = desks[n++ % desks.length];
          const a = applicant();
          context.desk = d;
          context.cccd = a.identifiers[0].value;
          request.headers = { ...d.headers, 'content-type': 'application/json' };
          request.body = JSON.stringify({
            procedureCode: '2.000488',
            receivingAgencyCode: d.agencyCode,
            channel: 'DIRECT',
            applicant: a,
            documents,
          });
          return request;
        },
        onResponse: (status, body, context) => {
          if (status !== 201) return;
          const at = Date.now();
          try {
            const dossier = JSON.parse(body);
            received.push({ code: dossier.code, version: dossier.version, headers: context.desk.headers });
            registered.push(context.cccd);
            onCreated?.(dossier, at);
          } catch {
            /* counted by its status */
          }
        },
      },
    ],
  };
}

/** Makes sure `count` received dossiers are waiting (pre-created through the API, not measured). */
async function ensureReceived(count, desks) {
  const missing = count - received.length;
  if (missing <= 0) return 0;
  console.log(`  pre-creating ${missing} dossiers through the API…`);
  await load({ ...(await intakeLoad(desks)), connections: Math.min(10, missing), amount: missing });
  if (received.length < count) throw new Error(`could only pre-create ${received.length} of ${count} dossiers`);
  return missing;
}

// ------------------------------------------------------------------------------------- ceilings

let bare;
async function startBare() {
  const child = start(process.execPath, ['bench/lib/bare-fastify.mjs', String(barePort), String(workers)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => stopChild(child, 5000));
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the bare Fastify server exited (${code})`)));
  });
  return child;
}

const httpCeilings = new Map();
/** The same autocannon load (connections, method, body) against the bare Fastify app. */
async function httpCeiling(connections, method = 'GET', body) {
  const key = `${connections} ${method}`;
  if (!httpCeilings.has(key)) {
    bare ??= await startBare();
    const stats = await load({
      url: `http://127.0.0.1:${barePort}/api/ceiling`,
      method,
      connections,
      duration,
      ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}),
    });
    httpCeilings.set(key, stats);
  }
  return httpCeilings.get(key);
}

const ceilingPool = new pg.Pool({
  connectionString: databaseUrl,
  max: DB_POOL_SIZE,
  application_name: 'motcua-bench-ceiling',
  options: '-c jit=off',
  connectionTimeoutMillis: 10_000,
});
cleanups.push(() => ceilingPool.end());
const q = (sql, params) => ceilingPool.query(sql, params);

/** The work list's scope filter (DossiersRepository.scoped), $1 = the caller's agency path || '%'. */
const SCOPE_SQL = `(d.receiving_agency_id IN (SELECT sa.id FROM agencies sa WHERE sa.path LIKE $1)
          OR d.competent_agency_id IN (SELECT sa.id FROM agencies sa WHERE sa.path LIKE $1)
          OR (d.procedure_id IN (SELECT ps.procedure_id FROM procedure_steps ps JOIN agencies pa ON pa.id = ps.agency_id
                                  WHERE ps.actor = 'FIXED' AND pa.path LIKE $1)
              AND EXISTS (SELECT 1 FROM dossier_steps rs
                           WHERE rs.dossier_id = d.id AND rs.sent_at IS NOT NULL
                             AND rs.agency_id = ANY (ARRAY(SELECT ra.id FROM agencies ra WHERE ra.path LIKE $1)) OFFSET 0)))`;
const SUMMARY_SQL = `d.id AS "id", d.code AS "code", d.status AS "status", d.status_code AS "statusCode", d.channel AS "channel",
  d.applicant_name AS "applicantName", d.receiving_agency_id AS "receivingAgencyId", d.competent_agency_id AS "competentAgencyId",
  d.submitted_at AS "submittedAt", d.received_at AS "receivedAt", d.due_at AS "dueAt", d.due_soon_at AS "dueSoonAt",
  d.finished_at AS "finishedAt", d.timeliness AS "timeliness", d.created_at AS "createdAt", d.version AS "version",
  p.name AS procedure_name, p.code AS procedure_code`;
const scopeOf = (path) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * DossiersRepository.findPage, first page (limit 50 + 1) of the filters the scenario uses: the
 * page's ids from the covering indexes of open dossiers, then only those rows with their procedure.
 */
function worklistSql(kind) {
  const [filter, order] =
    kind === 'overdue'
      ? ['d.status IN ($2) AND d.finished_at IS NULL AND d.due_at < $3', 'd.created_at DESC, d.id DESC']
      : ['d.finished_at IS NULL AND d.due_at IS NOT NULL', 'd.due_at ASC, d.id ASC'];
  return `SELECT ${SUMMARY_SQL} FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
           WHERE d.id IN (SELECT d.id FROM dossiers d WHERE ${SCOPE_SQL} AND ${filter} ORDER BY ${order} LIMIT 51)
           ORDER BY ${order}`;
}

/** DossiersRepository.findPublicView, verbatim. */
const LOOKUP_SQL = `SELECT d.code, d.lookup_secret AS "lookupSecret", d.status, d.status_code AS "statusCode", d.applicant_name AS "applicantName",
              p.name AS "procedureName", r.name AS "receivingAgencyName", c.name AS "competentAgencyName",
              d.received_at AS "receivedAt", d.due_at AS "dueAt", d.apology_due_at AS "apologyDueAt", d.electronic_result AS "electronicResult"
         FROM dossiers d
         JOIN procedures p ON p.id = d.procedure_id
         JOIN agencies r ON r.id = d.receiving_agency_id
         JOIN agencies c ON c.id = d.competent_agency_id
        WHERE d.code = $1`;

/** The reads of GET /api/dossiers/{code}: the scoped row, then timeline, agencies and route in parallel. */
async function detailReads(scope, code) {
  const { rows } = await q(
    `SELECT d.*, p.name AS procedure_name, p.code AS procedure_code FROM dossiers d INNER JOIN procedures p ON p.id = d.procedure_id
      WHERE ${SCOPE_SQL} AND d.code = $2`,
    [scope, code],
  );
  const d = rows[0];
  if (!d) throw new Error(`dossier ${code} not in scope`);
  await Promise.all([
    q('SELECT * FROM dossier_events WHERE dossier_id = $1 ORDER BY id ASC', [d.id]),
    q('SELECT id, name, path FROM agencies WHERE id = $1 OR id = $2', [d.receiving_agency_id, d.competent_agency_id]),
    (async () => {
      const steps = await q('SELECT * FROM dossier_steps WHERE dossier_id = $1 ORDER BY seq ASC', [d.id]);
      const ids = [...new Set([d.receiving_agency_id, d.competent_agency_id, ...steps.rows.map((s) => s.agency_id)])];
      await q('SELECT id, name, path FROM agencies WHERE id = ANY($1)', [ids]);
    })(),
  ]);
}

const scratchTables = new WeakMap();
/**
 * TEMP tables shaped like the API's tables (`LIKE`, no indexes), once per pooled session: where a
 * ceiling writes what the API would write, without touching the data (no WAL, no index upkeep —
 * the writes are the optimistic part of a ceiling; its locks, reads and commits are real).
 */
async function scratch(client, tables) {
  let made = scratchTables.get(client);
  if (!made) scratchTables.set(client, (made = new Set()));
  const missing = Object.entries(tables).filter(([name]) => !made.has(name));
  if (!missing.length) return;
  await client.query(missing.map(([name, like]) => `CREATE TEMP TABLE IF NOT EXISTS ${name} (LIKE ${like})`).join('; '));
  for (const [name] of missing) made.add(name);
}

/** `concurrency` loops of `op(client, i)` inside BEGIN … COMMIT on a pooled session (ROLLBACK on error). */
function txLoop(concurrency, op, after) {
  return loop(concurrency, duration, async (i) => {
    const client = await ceilingPool.connect();
    try {
      await client.query('BEGIN');
      let result;
      try {
        result = await op(client, i);
        await client.query(`${AUDIT_SEAL}; COMMIT`);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        scratchTables.delete(client); // made in the transaction just rolled back
        throw error;
      }
      if (after) await after(client, result, i);
    } finally {
      client.release();
    }
  });
}

/**
 * What the audit records' commit-time seal (trigger audit_events_seal) does before the commit: the
 * province-wide chain lock and the chain's head; sent with the COMMIT, as the trigger runs inside it.
 */
const AUDIT_SEAL = 'SELECT pg_advisory_xact_lock(7240001), (SELECT hash FROM audit_events WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1)';
const rowsOf = async (sql, params) => (await db.query(sql, params)).rows;

/**
 * A forward (DossiersService.applyAction + RoutingService.materialize), statement by statement:
 * the scoped dossier row locked, its procedure, agencies and route read; the dossier updated; the
 * timeline, audit and outbox rows of the forward; the template read and the steps inserted; the
 * first open step sent with its timeline, outbox, audit and notification rows; the audit seal and
 * COMMIT; then the reads of the answer (the dossier's detail). The row lock and the chain lock are
 * real, the writes go to TEMP tables; `codes` are dossiers this run forwarded (their rows are the
 * shapes written).
 */
async function transitionCeiling(desk, codes, connections) {
  const [d] = await rowsOf(`SELECT row_to_json(d) AS d FROM dossiers d WHERE d.code = $1`, [codes[0]]);
  if (!d) throw new Error(`no dossier ${codes[0]}`);
  const id = d.d.id;
  const events = (
    await rowsOf(
      `SELECT row_to_json(e) AS r FROM dossier_events e WHERE dossier_id = $1 AND action IN ('forward', 'step-send') ORDER BY id LIMIT 2`,
      [id],
    )
  ).map((r) => r.r);
  const steps = (await rowsOf(`SELECT row_to_json(s) AS r FROM dossier_steps s WHERE dossier_id = $1 ORDER BY seq`, [id])).map((r) => r.r);
  const audits = (
    await rowsOf(
      `SELECT row_to_json(a) AS r FROM audit_events a WHERE target_type = 'dossier' AND target_id = $1 AND action IN ('dossier.forward', 'dossier.step-send') ORDER BY id LIMIT 2`,
      [codes[0]],
    )
  ).map((r) => r.r);
  const outbox = (
    await rowsOf(
      `SELECT row_to_json(o) AS r FROM outbox_events o WHERE dossier_id = $1 AND type IN ('dossier.forwarded', 'dossier.step-sent') ORDER BY id LIMIT 2`,
      [id],
    )
  ).map((r) => r.r);
  const sent = steps.find((s) => s.status !== 'DONE' && s.status !== 'PENDING') ?? steps[1];
  if (events.length < 2 || !steps.length || audits.length < 2 || outbox.length < 2 || !sent)
    throw new Error(
      `the forward of ${codes[0]} left fewer rows than expected (events ${events.length}, steps ${steps.length}, audit ${audits.length}, outbox ${outbox.length})`,
    );
  const scope = scopeOf(desk.path);
  const pending = JSON.stringify(steps.map((s) => ({ ...s, status: s.status === 'DONE' ? 'DONE' : 'PENDING' })));
  const insert = (table, rows) => ({
    sql: `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`,
    json: JSON.stringify(rows),
  });
  const forwardRows = {
    event: insert('scratch_events', [events[0]]),
    audit: insert('scratch_audit', [audits[0]]),
    outbox: insert('scratch_outbox', [outbox[0]]),
  };
  const sendRows = {
    event: insert('scratch_events', [events[1]]),
    audit: insert('scratch_audit', [audits[1]]),
    outbox: insert('scratch_outbox', [outbox[1]]),
  };
  const tables = {
    scratch_dossiers: 'dossiers',
    scratch_events: 'dossier_events',
    scratch_steps: 'dossier_steps',
    scratch_audit: 'audit_events',
    scratch_outbox: 'outbox_events',
    scratch_notifications: 'notifications',
  };
  let k = 0;
  return txLoop(
    connections,
    async (client) => {
      await scratch(client, tables);
      await client.query(
        `INSERT INTO scratch_dossiers SELECT * FROM json_populate_record(NULL::scratch_dossiers, $1::json)
                           WHERE NOT EXISTS (SELECT 1 FROM scratch_dossiers)`,
        [JSON.stringify(d.d)],
      );
      const code = codes[k++ % codes.length];
      const {
        rows: [row],
      } = await client.query(
        `SELECT d.*, p.name AS procedure_name, p.code AS procedure_code FROM dossiers d INNER JOIN procedures p ON p.id = d.procedure_id
          WHERE ${SCOPE_SQL} AND d.code = $2 FOR UPDATE OF d`,
        [scope, code],
      );
      if (!row) throw new Error(`dossier ${code} not in scope`);
      await client.query('SELECT * FROM procedures WHERE id = $1', [row.procedure_id]);
      await client.query('SELECT id, name, path FROM agencies WHERE id = $1 OR id = $2', [
        row.receiving_agency_id,
        row.competent_agency_id,
      ]);
      await client.query('SELECT * FROM dossier_steps WHERE dossier_id = $1 ORDER BY seq ASC', [row.id]);
      await client.query('SELECT id, name, path FROM agencies WHERE id = ANY($1)', [[row.receiving_agency_id, row.competent_agency_id]]);
      await client.query(
        `UPDATE scratch_dossiers SET status = 'IN_PROCESS', status_code = 4, stage = 'PROCESSING', version = version + 1, updated_at = CURRENT_TIMESTAMP
          RETURNING updated_at, version`,
      );
      for (const r of [forwardRows.event]) await client.query(r.sql, [r.json]);
      await client.query(forwardRows.audit.sql, [forwardRows.audit.json]);
      await client.query(forwardRows.outbox.sql, [forwardRows.outbox.json]);
      await client.query('SELECT * FROM procedure_steps WHERE procedure_id = $1 ORDER BY seq ASC', [row.procedure_id]);
      await client.query('INSERT INTO scratch_steps SELECT * FROM json_populate_recordset(NULL::scratch_steps, $1::json)', [pending]);
      await client.query('SELECT * FROM dossier_steps WHERE dossier_id = $1 ORDER BY seq ASC', [row.id]);
      await client.query('SELECT id, name, path FROM agencies WHERE id = ANY($1)', [[...new Set(steps.map((s) => s.agency_id))]]);
      await client.query(
        `UPDATE scratch_steps SET status = 'SENT', sent_at = $2, sent_by_name = $3, sent_from_agency_id = $4, due_at = $5, due_soon_at = $6, version = version + 1
          WHERE id = $1 RETURNING version`,
        [sent.id, sent.sent_at, sent.sent_by_name, sent.sent_from_agency_id, sent.due_at, sent.due_soon_at],
      );
      await client.query(sendRows.event.sql, [sendRows.event.json]);
      await client.query(sendRows.outbox.sql, [sendRows.outbox.json]);
      await client.query(sendRows.audit.sql, [sendRows.audit.json]);
      await client.query(
        `INSERT INTO scratch_notifications (id, user_id, type, dossier_code, step_id, message, created_at)
         SELECT 0, u.id, $3, $4, $5, $6, now() FROM users u WHERE u.agency_id = $1 AND u.active AND u.roles && $2::text[]`,
        [sent.agency_id, ['LEADER', sent.role], 'STEP_RECEIVED', code, sent.id, `Hồ sơ ${code} chuyển đến: bước “${sent.name}”.`],
      );
      return row;
    },
    // The answer: the dossier's detail, read after the commit.
    async (client, row) => {
      await client.query(
        `SELECT d.*, p.name AS procedure_name, p.code AS procedure_code FROM dossiers d INNER JOIN procedures p ON p.id = d.procedure_id WHERE d.id = $1`,
        [row.id],
      );
      await Promise.all([
        ceilingPool.query('SELECT * FROM dossier_events WHERE dossier_id = $1 ORDER BY id ASC', [row.id]),
        ceilingPool.query('SELECT id, name, path FROM agencies WHERE id = $1 OR id = $2', [
          row.receiving_agency_id,
          row.competent_agency_id,
        ]),
        (async () => {
          const route = await ceilingPool.query('SELECT * FROM dossier_steps WHERE dossier_id = $1 ORDER BY seq ASC', [row.id]);
          await ceilingPool.query('SELECT id, name, path FROM agencies WHERE id = ANY($1)', [
            [...new Set([row.receiving_agency_id, row.competent_agency_id, ...route.rows.map((s) => s.agency_id)])],
          ]);
        })(),
      ]);
    },
  );
}

/** PartiesRepository's summary columns (a list row of the registry). */
const PARTY_SUMMARY_SQL = `p.id, p.type, p.full_name, p.name_folded, p.date_of_birth::text AS date_of_birth, p.sex, p.status,
  (SELECT c.masked FROM party_contacts c WHERE c.party_id = p.id AND c.kind = 'PHONE' AND c.valid_to IS NULL) AS phone_masked,
  (SELECT coalesce(json_agg(json_build_object('id', i.id, 'type', i.type, 'masked', i.masked,
            'validFrom', i.valid_from, 'validTo', i.valid_to) ORDER BY i.created_at, i.id), '[]')
     FROM party_identifiers i WHERE i.party_id = p.id) AS identifiers`;

/**
 * PartiesRepository.searchByName for a text of several words: the prefix range of the name index;
 * when it fills less than the page, the other names containing the text through the trigram index;
 * then the page's summaries.
 */
async function partyNameReads(name, limit = 51) {
  const prefix = `${name}%`;
  const ids = (
    await q(`SELECT p.id FROM parties p WHERE p.status = 'ACTIVE' AND p.name_folded LIKE $1 ORDER BY p.name_folded, p.id LIMIT $2`, [
      prefix,
      limit,
    ])
  ).rows.map((r) => r.id);
  if (ids.length < limit) {
    const more = await q(
      `WITH s AS MATERIALIZED (SELECT p.id, p.name_folded FROM parties p WHERE p.status = 'ACTIVE' AND p.name_folded LIKE $1 AND p.name_folded NOT LIKE $2)
       SELECT s.id FROM s ORDER BY s.name_folded, s.id LIMIT $3`,
      [`%${name}%`, prefix, limit - ids.length],
    );
    ids.push(...more.rows.map((r) => r.id));
  }
  if (ids.length) await q(`SELECT ${PARTY_SUMMARY_SQL} FROM parties p WHERE p.id = ANY($1::uuid[]) ORDER BY p.name_folded, p.id`, [ids]);
}

/** PartiesRepository.findPage for an identifier: the parties holding that keyed hash, one statement. */
const PARTY_EXACT_SQL = `SELECT ${PARTY_SUMMARY_SQL} FROM parties p WHERE p.status = 'ACTIVE'
  AND p.id IN (SELECT party_id FROM party_identifiers WHERE type = $1 AND lookup_hash = $2::bytea) ORDER BY p.name_folded, p.id LIMIT $3`;

/** QueuesRepository: what each queue holds in the caller's subtree ($1 = path pattern, $2 = now), for a leader (no assignee filter). */
const QUEUE_WHERE = {
  'to-accept': `a.path LIKE $1 AND s.status = 'SENT' AND s.actor <> 'RECEIVING'`,
  'in-progress': `a.path LIKE $1 AND s.status = 'ACCEPTED' AND s.actor <> 'RECEIVING'`,
  'due-soon': `a.path LIKE $1 AND s.status IN ('SENT', 'ACCEPTED') AND s.due_soon_at <= $2 AND s.due_at >= $2`,
  overdue: `a.path LIKE $1 AND s.status IN ('SENT', 'ACCEPTED') AND s.due_at < $2`,
  'waiting-for-others': `s.lead_agency_id IN (SELECT x.id FROM agencies x WHERE x.path LIKE $1)
     AND s.status IN ('SENT', 'ACCEPTED', 'RETURNED') AND a.path NOT LIKE $1`,
  'to-return': `a.path LIKE $1 AND s.status IN ('SENT', 'ACCEPTED') AND s.actor = 'RECEIVING'`,
};
/** QueuesRepository.query: the steps and their agency only (index-only); the page then reads its rows' dossiers. */
const QUEUE_FROM = `FROM dossier_steps s INNER JOIN agencies a ON a.id = s.agency_id`;
/** QueuesRepository.page: the first page's step ids of the to-accept queue, nearest due first, then those rows. */
const QUEUE_PAGE_IDS_SQL = `SELECT s.id ${QUEUE_FROM} WHERE ${QUEUE_WHERE['to-accept']} ORDER BY s.due_at ASC, s.id ASC LIMIT 51`;
const QUEUE_PAGE_ROWS_SQL = `SELECT s.*, d.code AS dossier_code, p.name AS procedure_name, a.name AS agency_name, f.name AS from_name,
  d.applicant_name, d.due_at AS dossier_due_at FROM dossier_steps s INNER JOIN dossiers d ON d.id = s.dossier_id
  INNER JOIN procedures p ON p.id = d.procedure_id INNER JOIN agencies a ON a.id = s.agency_id LEFT JOIN agencies f ON f.id = s.sent_from_agency_id
  WHERE s.id = ANY($1) ORDER BY s.due_at ASC, s.id ASC`;
/** QueuesRepository.counts: the six queues counted up to 1 000 rows each, in one statement. */
const QUEUE_COUNTS_SQL = `SELECT ARRAY[${Object.values(QUEUE_WHERE)
  .map((where) => `(SELECT count(*)::int FROM (SELECT 1 ${QUEUE_FROM} WHERE ${where} LIMIT 1001) capped)`)
  .join(', ')}] AS counts`;

/** ReportsService.ii06a for a year (live, no closed period): the closed-period check, then the one aggregate over the year's population. */
const II06A_SQL = `SELECT a.id AS "agencyId", a.code AS "agencyCode", a.name AS "agencyName", count(*)::int AS "receivedTotal",
  count(*) FILTER (WHERE d.received_at >= $1 AND d.channel = 'ONLINE')::int AS "receivedOnline",
  count(*) FILTER (WHERE d.received_at >= $1 AND d.channel <> 'ONLINE')::int AS "receivedDirect",
  count(*) FILTER (WHERE d.received_at < $1)::int AS "carriedOver",
  count(*) FILTER (WHERE d.finished_at < $2 AND d.outcome IN ('POSITIVE', 'NEGATIVE'))::int AS "resolvedTotal",
  count(*) FILTER (WHERE d.finished_at < $2 AND d.outcome IN ('POSITIVE', 'NEGATIVE') AND d.timeliness = 'EARLY')::int AS "resolvedEarly",
  count(*) FILTER (WHERE d.finished_at < $2 AND d.outcome IN ('POSITIVE', 'NEGATIVE') AND d.timeliness = 'ON_TIME')::int AS "resolvedOnTime",
  count(*) FILTER (WHERE d.finished_at < $2 AND d.outcome IN ('POSITIVE', 'NEGATIVE') AND d.timeliness = 'LATE')::int AS "resolvedLate",
  count(*) FILTER (WHERE (d.finished_at IS NULL OR d.finished_at >= $2))::int AS "inProcessTotal",
  count(*) FILTER (WHERE (d.finished_at IS NULL OR d.finished_at >= $2) AND d.due_at >= $2)::int AS "inProcessWithin",
  count(*) FILTER (WHERE (d.finished_at IS NULL OR d.finished_at >= $2) AND d.due_at < $2)::int AS "inProcessOverdue",
  count(*) FILTER (WHERE d.finished_at < $2 AND d.outcome IN ('WITHDRAWN', 'STOPPED'))::int AS "withdrawnOrStopped"
  FROM dossiers d INNER JOIN agencies a ON a.id = d.competent_agency_id
  WHERE d.received_at < $2 AND (d.finished_at IS NULL OR d.finished_at >= $1) AND a.path LIKE $3
  GROUP BY a.id, a.code, a.name ORDER BY a.code ASC`;

/**
 * The webhook worker's SQL for one event (WebhooksRepository): the fan-out of the next outbox event
 * after a cursor into a delivery for the subscriptions that want it, the claim (UPDATE … SKIP LOCKED
 * joined to subscription and event) and the record of a successful attempt — on real tables, for a
 * scratch subscription (`dossier.*` at the root agency: every event), with the API
 * stopped (its worker would race for the deliveries). The fan-out cursor's lock is left out (one
 * process fans out at a time by design), and so is the POST itself. Deletes the subscription (and
 * with it the deliveries and attempts) at the end.
 */
async function webhookCeiling(connections) {
  // The province's root agency: every event is in its subtree. The latest events, in commit order.
  const [{ id: agencyId }] = await rowsOf(`SELECT id FROM agencies WHERE parent_id IS NULL ORDER BY path LIMIT 1`);
  const events = (
    await rowsOf(`SELECT id, txid FROM (SELECT id, txid FROM outbox_events ORDER BY id DESC LIMIT 50000) e ORDER BY txid, id`)
  ).map((e) => ({ id: e.id, txid: e.txid }));
  if (events.length < 2) throw new Error('too few outbox events for the webhook ceiling');
  const [{ id: subscription }] = await rowsOf(
    `INSERT INTO webhook_subscriptions (owner_type, owner_id, owner_name, agency_id, url, events, secret)
     SELECT 'user', u.id, 'bench ceiling', $1, 'http://127.0.0.1:9/bench-ceiling', ARRAY['dossier.*'], 'bench-ceiling-secret'
       FROM users u WHERE u.username = 'admin' RETURNING id`,
    [agencyId],
  );
  try {
    return await loop(connections, duration, async (i) => {
      // Each loop takes its own events: the event after events[n - 1] is events[n].
      const n = 1 + (i % (events.length - 1));
      const prev = events[n - 1];
      const client = await ceilingPool.connect();
      try {
        await client.query('BEGIN');
        try {
          await client.query(
            `WITH ev AS (
               SELECT e.id, e.txid, e.type, e.receiving_agency_id, e.competent_agency_id, e.agency_ids FROM outbox_events e
                WHERE (e.txid, e.id) > ($1::bigint, $2::bigint) AND e.txid < txid_snapshot_xmin(txid_current_snapshot())
                ORDER BY e.txid, e.id LIMIT 1)
             INSERT INTO webhook_deliveries (subscription_id, outbox_id, status, attempts, next_attempt_at)
             SELECT s.id, ev.id, 'PENDING', 0, now() FROM ev JOIN webhook_subscriptions s ON s.deleted_at IS NULL AND s.id = $3
               JOIN agencies sa ON sa.id = s.agency_id
              WHERE (ev.type = ANY(s.events) OR EXISTS (SELECT 1 FROM unnest(s.events) p WHERE right(p, 2) = '.*' AND starts_with(ev.type, left(p, -1))))
                AND EXISTS (SELECT 1 FROM agencies scope_a WHERE scope_a.id = ANY(ARRAY[ev.receiving_agency_id, ev.competent_agency_id] || ev.agency_ids)
                                                             AND starts_with(scope_a.path, sa.path))
             ON CONFLICT (subscription_id, outbox_id) DO NOTHING`,
            [prev.txid, prev.id, subscription],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
        const claimed = await client.query(
          `WITH due AS (
             SELECT d.id FROM webhook_deliveries d
              WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND d.subscription_id = $3
              ORDER BY d.next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED),
           claimed AS (
             UPDATE webhook_deliveries d
                SET attempts = d.attempts + 1, next_attempt_at = clock_timestamp() + $2 * interval '1 millisecond',
                    claimed_until = clock_timestamp() + $2 * interval '1 millisecond', updated_at = now()
               FROM due WHERE d.id = due.id
             RETURNING d.id, d.subscription_id, d.outbox_id, d.attempts)
           SELECT c.id, c.subscription_id, c.attempts, s.url, s.secret, e.event_id, e.type, e.dossier_code, e.occurred_at, e.data
             FROM claimed c JOIN webhook_subscriptions s ON s.id = c.subscription_id JOIN outbox_events e ON e.id = c.outbox_id`,
          [1, 21_000, subscription],
        );
        for (const delivery of claimed.rows) {
          await client.query('BEGIN');
          await client
            .query(
              `WITH a AS (
               INSERT INTO webhook_attempts (delivery_id, attempt, at, duration_ms, status_code, error) VALUES ($1, $2, $3, $4, $5, $6)),
             u AS (
               UPDATE webhook_deliveries
                  SET status = $7::varchar, next_attempt_at = $8, claimed_until = NULL, last_status = $5, last_error = $6,
                      delivered_at = CASE WHEN $7::varchar = 'DELIVERED' THEN clock_timestamp() ELSE delivered_at END,
                      dead_at = CASE WHEN $7::varchar = 'DEAD' THEN clock_timestamp() END, updated_at = now()
                WHERE id = $1 AND attempts = $2 AND status = 'PENDING'
               RETURNING 1)
             SELECT count(*)::int AS n FROM u`,
              [delivery.id, delivery.attempts, new Date(), 3, 204, null, 'DELIVERED', new Date()],
            )
            .then(
              () => client.query('COMMIT'),
              async (error) => {
                await client.query('ROLLBACK').catch(() => undefined);
                throw error;
              },
            );
        }
      } finally {
        client.release();
      }
    });
  } finally {
    await db.query('DELETE FROM webhook_subscriptions WHERE id = $1', [subscription]);
  }
}

/**
 * Intake's serialised core: BEGIN, the agency-day counter upsert (a scratch day of the real table,
 * so the row lock and the WAL flush at commit are real), one INSERT of a dossier row and its two
 * timeline rows (same width, into TEMP tables), COMMIT.
 */
async function intakeCeiling(agencyIds, connections) {
  const sample = await one(`SELECT row_to_json(d) AS d FROM dossiers d WHERE status = 'RECEIVED' ORDER BY created_at DESC LIMIT 1`);
  const events = (
    await db.query(`SELECT row_to_json(e) AS e FROM dossier_events e WHERE dossier_id = $1 ORDER BY id LIMIT 2`, [sample.d.id])
  ).rows.map((r) => r.e);
  try {
    return await loop(connections, duration, async (i) => {
      const client = await ceilingPool.connect();
      try {
        await scratch(client, { scratch_dossiers: 'dossiers', scratch_events: 'dossier_events' });
        const id = randomUUID();
        await client.query('BEGIN');
        try {
          const [{ last_seq: seq }] = (
            await client.query(
              `INSERT INTO dossier_code_counters (agency_id, day, last_seq) VALUES ($1, $2, 1)
               ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = dossier_code_counters.last_seq + 1 RETURNING last_seq`,
              [agencyIds[i % agencyIds.length], SCRATCH_DAY],
            )
          ).rows;
          await client.query(
            `WITH d AS (INSERT INTO scratch_dossiers SELECT * FROM json_populate_record(NULL::scratch_dossiers, $1::json))
             INSERT INTO scratch_events SELECT * FROM json_populate_recordset(NULL::scratch_events, $2::json)`,
            [
              JSON.stringify({ ...sample.d, id, code: `${sample.d.code.slice(0, -4)}${String(seq % 10000).padStart(4, '0')}` }),
              JSON.stringify(events.map((e) => ({ ...e, dossier_id: id }))),
            ],
          );
          await client.query(`${AUDIT_SEAL}; COMMIT`);
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      } finally {
        client.release();
      }
    });
  } finally {
    await db.query('DELETE FROM dossier_code_counters WHERE day = $1', [SCRATCH_DAY]);
  }
}

// ------------------------------------------------------------------------------------ scenarios

const rows = [];
/**
 * The staff load of a province at its busiest: An Giang's ~1 500 officials each opening a work list
 * or queue every 30 s. A saturated run's p95 is the queue its own connections make (connections ÷
 * req/s); the paced rows give the latency a user waits at this load, over the same million dossiers.
 */
const STAFF_RATE = 50;
const TARGET = {
  intake: { text: '≥ 300/s, p95 < 50 ms', met: (s) => s.rps >= 300 && s.p95 < 50 },
  lookup: { text: '≥ 2 000/s, p95 < 20 ms', met: (s) => s.rps >= 2000 && s.p95 < 20 },
  worklist: { text: 'p95 < 100 ms over 1 M', met: (s) => s.p95 < 100 },
  queues: { text: 'p95 < 100 ms over 1 M', met: (s) => s.p95 < 100 },
  partyName: { text: 'p95 < 100 ms over 1 M parties', met: (s) => s.p95 < 100 },
  partyExact: { text: 'p95 < 10 ms over 1 M parties', met: (s) => s.p95 < 10 },
  ii06a: { text: '< 2 s for a year over 1 M (p95)', met: (s) => s.p95 < 2000 },
  webhook: { text: 'median delay < 1 s at 50 changes/s', met: (s) => s.p50 < 1000 },
};

/** Runs one row: the product's load, then its ceilings; a failure becomes an error row. */
async function scenario(row, run) {
  const entry = { ...row, verdict: '—' };
  rows.push(entry);
  console.log(`\n▶ ${row.title} (${typeof row.connections === 'number' ? `${row.connections} connections` : row.connections})`);
  try {
    await run(entry);
    if (entry.product && row.target) entry.verdict = row.target.met(entry.product) ? 'met' : '**missed**';
    const s = entry.product;
    if (s) console.log(`  ${fmtRps(s.rps)} req/s, p50 ${fmtMs(s.p50)}, p95 ${fmtMs(s.p95)}, p99 ${fmtMs(s.p99)}, errors ${fmtErrors(s)}`);
    if (entry.http) console.log(`  HTTP ceiling ${fmtRps(entry.http.rps)} req/s (p95 ${fmtMs(entry.http.p95)})`);
    if (entry.db) console.log(`  DB ceiling ${fmtRps(entry.db.rps)} q/s (p95 ${fmtMs(entry.db.p95)})`);
    if (s && (entry.http || entry.db)) console.log(`  ${pctOfCeiling(entry)} of the lower ceiling`);
  } catch (error) {
    entry.error = error.message.split('\n')[0].slice(0, 300);
    entry.verdict = 'error';
    console.error(`  FAILED: ${error.stack ?? error.message}`);
  }
}

/** A GET scenario: probe once (must be 2xx), then the load and the HTTP ceiling. */
async function getLoad(entry, headers, paths, describe) {
  const list = Array.isArray(paths) ? paths : [paths];
  const t0 = performance.now();
  const probe = await call(list[0], { headers });
  const probeMs = performance.now() - t0;
  if (!probe.ok) throw new Error(`probe ${list[0]}: HTTP ${probe.status} ${probe.text.slice(0, 200)}`);
  if (describe) entry.found = describe(probe.json, probeMs);
  if (entry.rate) {
    entry.product = await paced(list, headers, entry.rate, duration);
    return;
  }
  let k = 0;
  entry.product = await load({
    url: base,
    connections: entry.connections,
    // A slow report: a fixed number of requests rather than a time (a 10 s window would hold few).
    ...(entry.amount ? { amount: entry.amount } : { duration }),
    timeout: entry.timeout ?? 30,
    requests: [
      {
        method: 'GET',
        headers,
        setupRequest: (request) => {
          request.path = list[k++ % list.length];
          request.headers = headers;
          return request;
        },
      },
    ],
  });
  entry.http = await httpCeiling(entry.connections);
}

const shuffle = (list) => {
  for (let i = list.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
};

async function main() {
  const startedAt = new Date();
  const box = machine();
  const serverVersion = (await one('SHOW server_version')).server_version;
  const before = await dataset();
  if (!before.dossiers) throw new Error(`no dossiers in ${databaseUrl}: run npm run bench:seed first`);
  const loadBefore = os.loadavg();
  console.log(
    `${box.cpu}, ${box.cores} cores, ${box.ramGiB} GiB, Node ${process.version}, PostgreSQL ${serverVersion}; ` +
      `${fmtInt(before.dossiers)} dossiers, ${fmtInt(before.parties)} parties; load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')}`,
  );
  await db.query('DELETE FROM dossier_code_counters WHERE day = $1', [SCRATCH_DAY]);

  const needsApi = wanted.some((s) => s !== 'webhook');
  if (needsApi) await ensureApi(false);
  else await ensureApi(true);

  const center = await desk('tiepnhan.ttpvhcc');
  const leader = await desk('lanhdao.stp');
  let districtDesks;
  const allDesks = async () => {
    if (!districtDesks) {
      const users = (
        await db.query(
          `SELECT u.username FROM users u JOIN agencies a ON a.id = u.agency_id
            WHERE 'RECEPTION' = ANY(u.roles) AND u.active AND a.is_reception_point AND a.level = 'DISTRICT' ORDER BY a.code`,
        )
      ).rows;
      districtDesks = [center];
      for (const { username } of users) districtDesks.push(await desk(username));
    }
    return districtDesks;
  };

  // 1. Intake at the province center's counter: one agency-day code counter.
  if (selected.has('intake'))
    await scenario(
      { id: 'intake', title: 'intake `POST /api/dossiers`, one counter (000.00.22.H01)', connections: 10, target: TARGET.intake },
      async (e) => {
        const options = await intakeLoad([center]);
        e.product = await load({ ...options, connections: e.connections, duration });
        const sampleBody = JSON.stringify({
          procedureCode: '2.000488',
          receivingAgencyCode: center.agencyCode,
          channel: 'DIRECT',
          applicant: applicant(),
          documents: await intakeDocuments(),
        });
        e.http = await httpCeiling(e.connections, 'POST', sampleBody);
        e.db = await intakeCeiling([center.agencyId], e.connections);
      },
    );

  // 1b. The same spread over the center and the district reception points (one counter each).
  if (selected.has('intake-agencies'))
    await scenario(
      {
        id: 'intake-agencies',
        title: 'intake `POST /api/dossiers`, 12 counters (center + 11 districts)',
        connections: 10,
        target: TARGET.intake,
      },
      async (e) => {
        const desks = await allDesks();
        e.title = `intake \`POST /api/dossiers\`, ${desks.length} counters (center + ${desks.length - 1} districts)`;
        e.product = await load({ ...(await intakeLoad(desks)), connections: e.connections, duration });
        const sampleBody = JSON.stringify({
          procedureCode: '2.000488',
          receivingAgencyCode: center.agencyCode,
          channel: 'DIRECT',
          applicant: applicant(),
          documents: await intakeDocuments(),
        });
        e.http = await httpCeiling(e.connections, 'POST', sampleBody);
        e.db = await intakeCeiling(
          desks.map((d) => d.agencyId),
          e.connections,
        );
      },
    );

  // 2. Public lookup over codes sampled from the whole table.
  if (selected.has('lookup'))
    await scenario(
      { id: 'lookup', title: 'public lookup `GET /api/public/dossiers/{code}?secret=`', connections: 50, target: TARGET.lookup },
      async (e) => {
        const sample = shuffle(
          (await db.query(`SELECT code, lookup_secret AS secret FROM dossiers TABLESAMPLE SYSTEM (1) LIMIT 5000`)).rows,
        );
        e.found = `${sample.length} codes sampled`;
        await getLoad(
          e,
          {},
          sample.map((s) => `/api/public/dossiers/${encodeURIComponent(s.code)}?secret=${s.secret}`),
        );
        // Prepared, as the API runs it (preparedQuery): planned once per connection.
        e.db = await loop(e.connections, duration, (i) =>
          ceilingPool.query({ name: 'public-lookup', text: LOOKUP_SQL, values: [sample[i % sample.length].code] }),
        );
      },
    );

  // 3. Work list, first page, as the center's desk and the Department of Justice's leader.
  if (selected.has('worklist'))
    for (const who of [center, leader]) {
      const role = who === center ? 'desk (tiepnhan.ttpvhcc)' : 'leader (lanhdao.stp)';
      for (const [label, params, kind] of [
        ['status=IN_PROCESS&timeliness=OVERDUE', { status: 'IN_PROCESS', timeliness: 'OVERDUE' }, 'overdue'],
        ['sort=due', { sort: 'due' }, 'due'],
      ]) {
        await scenario(
          { id: 'worklist', title: `work list \`GET /api/dossiers?${label}\`, ${role}`, connections: 20, target: TARGET.worklist },
          async (e) => {
            const path = `/api/dossiers?${new URLSearchParams({ limit: '50', ...params })}`;
            await getLoad(e, who.headers, path, (page) => `${page.items.length}${page.nextCursor ? '+' : ''} rows on the first page`);
            const scope = scopeOf(who.path);
            e.db = await loop(e.connections, duration, () =>
              kind === 'overdue' ? q(worklistSql('overdue'), [scope, ['IN_PROCESS'], new Date()]) : q(worklistSql('due'), [scope]),
            );
          },
        );
        await scenario(
          {
            id: 'worklist',
            title: `work list \`GET /api/dossiers?${label}\`, ${role}, paced at ${STAFF_RATE} req/s`,
            connections: 'open loop',
            rate: STAFF_RATE,
            target: TARGET.worklist,
          },
          (e) => getLoad(e, who.headers, `/api/dossiers?${new URLSearchParams({ limit: '50', ...params })}`),
        );
      }
    }

  // 4. Dossier detail over codes in the desk's scope.
  if (selected.has('detail'))
    await scenario(
      { id: 'detail', title: 'dossier detail `GET /api/dossiers/{code}`, desk (tiepnhan.ttpvhcc)', connections: 20 },
      async (e) => {
        const scope = scopeOf(center.path);
        const codes = shuffle(
          (
            await db.query(
              `SELECT d.code FROM dossiers d TABLESAMPLE SYSTEM (2) WHERE d.receiving_agency_id IN (SELECT id FROM agencies WHERE path LIKE $1) LIMIT 3000`,
              [scope],
            )
          ).rows.map((r) => r.code),
        );
        if (!codes.length) throw new Error('no dossier of the desk sampled');
        await getLoad(
          e,
          center.headers,
          codes.map((c) => `/api/dossiers/${encodeURIComponent(c)}`),
          (d) => `${codes.length} codes sampled; e.g. ${d.timeline.length} timeline events`,
        );
        e.db = await loop(e.connections, duration, (i) => detailReads(scope, codes[i % codes.length]));
      },
    );

  // 5. A transition: forward each received dossier once, with its version.
  if (selected.has('transition'))
    await scenario({ id: 'transition', title: 'transition `POST /api/dossiers/{code}/actions/forward`', connections: 10 }, async (e) => {
      const made = await ensureReceived(Math.max(200, 60 * duration), selected.has('intake-agencies') ? await allDesks() : [center]);
      const pool = received.splice(0, received.length);
      e.found = `${pool.length} received dossiers to forward, ${made ? `${made} of them pre-created (unmeasured intakes), the rest` : 'all'} made by the intake scenarios`;
      let k = 0;
      e.product = await load({
        url: base,
        connections: e.connections,
        duration,
        maxOverallRequests: pool.length,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const d = pool[k++];
              // maxOverallRequests stops at the pool's end; should a reconnect take one more, it shows as a 404.
              if (!d) {
                request.path = '/api/dossiers/POOL-EXHAUSTED/actions/forward';
                request.body = JSON.stringify({ version: 1 });
                return request;
              }
              request.path = `/api/dossiers/${encodeURIComponent(d.code)}/actions/forward`;
              request.headers = { ...d.headers, 'content-type': 'application/json' };
              request.body = JSON.stringify({ version: d.version });
              return request;
            },
          },
        ],
      });
      if (k >= pool.length) e.found += `; all ${pool.length} used after ${e.product.seconds.toFixed(1)} s`;
      e.http = await httpCeiling(e.connections, 'POST', JSON.stringify({ version: 1 }));
      // The same forward's statements over the dossiers just forwarded (the first one gives the rows' shapes).
      const forwarded = (
        await db.query(
          `SELECT d.code FROM dossiers d WHERE d.code = ANY($1) AND EXISTS (SELECT 1 FROM dossier_steps s WHERE s.dossier_id = d.id)`,
          [pool.map((d) => d.code)],
        )
      ).rows.map((r) => r.code);
      if (!forwarded.length) throw new Error('none of the pool was forwarded: no shapes for the database ceiling');
      e.db = await transitionCeiling(center, shuffle(forwarded), e.connections);
    });

  // 6. Citizen registry: name search and exact identifier search.
  if (selected.has('parties')) {
    if (!registered.length) await ensureReceived(received.length + 50, [center]);
    const { n: parties } = await one('SELECT count(*)::int AS n FROM parties');
    const scale = parties >= 1_000_000 ? '' : ` — over ${fmtInt(parties)} parties, not 1 M`;
    await scenario(
      { id: 'parties', title: 'party search `GET /api/parties?q=nguyen van`, desk', connections: 20, target: TARGET.partyName, scale },
      async (e) => {
        await getLoad(
          e,
          center.headers,
          '/api/parties?q=nguyen%20van',
          (page) => `${page.items.length}${page.nextCursor ? '+' : ''} on the first page; ${parties} parties`,
        );
        e.db = await loop(e.connections, duration, () => partyNameReads('nguyen van'));
      },
    );
    await scenario(
      {
        id: 'parties',
        title: 'party search, exact CCCD `GET /api/parties?q={12 digits}`, desk',
        connections: 20,
        target: TARGET.partyExact,
        scale,
      },
      async (e) => {
        const ids = shuffle(registered.slice(-2000));
        await getLoad(
          e,
          center.headers,
          ids.map((id) => `/api/parties?q=${id}`),
          (page) => `${page.items.length} match for a registered CCCD (${ids.length} rotated)`,
        );
        // The keyed hashes of as many registered CCCDs (the API computes the hash; the SQL is the lookup).
        const hashes = shuffle(
          (await db.query(`SELECT lookup_hash FROM party_identifiers WHERE type = 'CCCD' ORDER BY created_at DESC LIMIT $1`, [ids.length]))
            .rows,
        );
        e.db = await loop(e.connections, duration, (i) => q(PARTY_EXACT_SQL, ['CCCD', hashes[i % hashes.length].lookup_hash, 51]));
      },
    );
  }

  // 7. Queues of the Department of Justice (the seeded routes and the forwards above).
  if (selected.has('queues')) {
    const { n: steps } = await one('SELECT count(*)::int AS n FROM dossier_steps');
    const scale = before.dossiers >= 1_000_000 ? '' : ` — ${fmtInt(steps)} step tasks of ${fmtInt(before.dossiers)} dossiers, not 1 M`;
    const leaderScope = scopeOf(leader.path);
    await scenario(
      { id: 'queues', title: 'queue `GET /api/queues/to-accept`, leader (lanhdao.stp)', connections: 20, target: TARGET.queues, scale },
      async (e) => {
        await getLoad(
          e,
          leader.headers,
          '/api/queues/to-accept',
          (page) => `${page.items.length}${page.nextCursor ? '+' : ''} on the first page`,
        );
        e.db = await loop(e.connections, duration, async () => {
          const ids = (await q(QUEUE_PAGE_IDS_SQL, [leaderScope])).rows.map((r) => r.id);
          if (ids.length) await q(QUEUE_PAGE_ROWS_SQL, [ids]);
        });
      },
    );
    await scenario(
      { id: 'queues', title: 'queue counts `GET /api/queues`, leader (lanhdao.stp)', connections: 20, target: TARGET.queues, scale },
      async (e) => {
        await getLoad(e, leader.headers, '/api/queues', (c) => c.items.map((i) => `${i.queue} ${i.count}${i.more ? '+' : ''}`).join(', '));
        e.db = await loop(e.connections, duration, () => q(QUEUE_COUNTS_SQL, [leaderScope, new Date()]));
      },
    );
    for (const [label, path] of [
      ['queue `GET /api/queues/to-accept`', '/api/queues/to-accept'],
      ['queue counts `GET /api/queues`', '/api/queues'],
    ]) {
      await scenario(
        {
          id: 'queues',
          title: `${label}, leader (lanhdao.stp), paced at ${STAFF_RATE} req/s`,
          connections: 'open loop',
          rate: STAFF_RATE,
          target: TARGET.queues,
          scale,
        },
        (e) => getLoad(e, leader.headers, path),
      );
    }
  }

  // 8. II.06a for a year, as the provincial inspectorate.
  if (selected.has('ii06a'))
    await scenario(
      {
        id: 'ii06a',
        title: 'report II.06a for 2025 `GET /api/reports/ii06a`, thanhtra.tinh',
        connections: 2,
        amount: Math.max(4, Math.round(duration)),
        timeout: 120,
        target: TARGET.ii06a,
      },
      async (e) => {
        const auditor = await desk('thanhtra.tinh');
        await getLoad(
          e,
          auditor.headers,
          '/api/reports/ii06a?from=2025-01-01&to=2025-12-31',
          (r, probeMs) =>
            `${r?.total?.receivedTotal !== undefined ? `${fmtInt(r.total.receivedTotal)} received in 2025, ${r.rows?.length ?? '?'} agency rows` : 'report answered'}; ` +
            `first request alone ${fmtMs(probeMs)}, then ${e.amount} requests at 2 connections`,
        );
        // Local midnights of 2025-01-01 and 2026-01-01 (UTC+7), the auditor's subtree.
        const bounds = [new Date('2024-12-31T17:00:00Z'), new Date('2025-12-31T17:00:00Z'), scopeOf(auditor.path)];
        e.db = await loop(e.connections, duration, async () => {
          await q('SELECT month, sha256, closed_at FROM report_periods WHERE month = ANY($1)', [['2024-12']]);
          await q(II06A_SQL, bounds);
        });
      },
    );

  // 9. Webhook delivery delay: intakes at ~50/s with the delivery worker on.
  if (selected.has('webhook'))
    await scenario(
      {
        id: 'webhook',
        title: 'webhook delay, intake 201 → receiver (intakes paced at 50/s, subscription `dossier.*`)',
        connections: 10,
        target: TARGET.webhook,
      },
      async (e) => {
        await webhookScenario(e, center);
      },
    );

  const after = await dataset();
  const loadAfter = os.loadavg();
  const report = {
    startedAt,
    finishedAt: new Date(),
    machine: box,
    serverVersion,
    before,
    after,
    loadBefore,
    loadAfter,
    duration,
    workers,
    wanted,
    rows,
  };
  mkdirSync('bench/results/raw', { recursive: true });
  writeFileSync(`bench/results/raw/bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`, JSON.stringify(report, null, 2));
  const markdown = render(report);
  writeFileSync(outFile, markdown);
  console.log(`\n${table(rows)}\n\nwritten to ${outFile}`);
}

// ------------------------------------------------------------------------------------- webhooks

async function webhookScenario(e, center) {
  await ensureApi(true);
  const adminHeaders = await login('admin', [...new Set([ADMIN_PASSWORD, PASSWORD])]);
  const secret = randomBytes(24).toString('hex');
  const arrivals = new Map(); // dossier code → first arrival (ms)
  let badSignatures = 0;
  let deliveries = 0;
  const receiver = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const raw = Buffer.concat(chunks).toString('utf8');
      deliveries += 1;
      if (req.headers['x-signature'] !== `sha256=${createHmac('sha256', secret).update(raw, 'utf8').digest('hex')}`) badSignatures += 1;
      try {
        const event = JSON.parse(raw);
        if (event.type === 'dossier.received' && !arrivals.has(event.subject)) arrivals.set(event.subject, at);
      } catch {
        /* counted as a delivery */
      }
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const closeReceiver = () => new Promise((resolve) => receiver.close(() => resolve()));
  cleanups.push(closeReceiver);
  const url = `http://127.0.0.1:${receiver.address().port}/bench-webhook`;
  let subscription;
  try {
    // Earlier runs' subscriptions (a run that was killed) would receive this run's events too.
    const existing = await call('/api/integration/webhooks', { headers: adminHeaders });
    for (const w of existing.json ?? []) {
      if (/\/bench-webhook$/.test(w.url)) await call(`/api/integration/webhooks/${w.id}`, { method: 'DELETE', headers: adminHeaders });
    }
    // Let the worker fan out the backlog of this run's earlier scenarios first (no subscription wants it).
    const waitFrom = Date.now();
    for (;;) {
      const { behind } = await one(
        `SELECT count(*)::int AS behind FROM outbox_events e, webhook_fanout_cursor c WHERE c.id = 1 AND (e.txid, e.id) > (c.txid, c.outbox_id)`,
      );
      if (!behind) break;
      if (Date.now() - waitFrom > 120_000)
        throw new Error(`the webhook fan-out did not catch up with the outbox in 120 s (${behind} events behind)`);
      await sleep(500);
    }
    const created = await call('/api/integration/webhooks', {
      method: 'POST',
      headers: adminHeaders,
      body: { url, events: ['dossier.*'], secret },
    });
    if (created.status !== 201) throw new Error(`creating the subscription: HTTP ${created.status} ${created.text.slice(0, 200)}`);
    subscription = created.json;
    const acks = new Map();
    const options = await intakeLoad([center], (dossier, at) => acks.set(dossier.code, at));
    e.product = await load({ ...options, connections: e.connections, overallRate: 50, duration });
    const intake = e.product;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && [...acks.keys()].some((code) => !arrivals.has(code))) await sleep(200);
    const delays = [...acks]
      .filter(([code]) => arrivals.has(code))
      .map(([code, at]) => arrivals.get(code) - at)
      .sort((a, b) => a - b);
    const missing = acks.size - delays.length;
    if (intake.rps < 45) e.scale = ` — at ${fmtRps(intake.rps)} changes/s: the intakes could not keep 50/s here`;
    if (!delays.length) throw new Error(`no delivery arrived within 30 s of the last intake (${acks.size} intakes acknowledged)`);
    e.product = {
      ...intake,
      p50: percentile(delays, 50),
      p95: percentile(delays, 95),
      p99: percentile(delays, 99),
      max: delays[delays.length - 1],
      non2xx: intake.non2xx,
      errors: intake.errors + missing,
      intake,
    };
    e.found =
      `${acks.size} intakes acknowledged at ${fmtRps(intake.rps)}/s (intake p95 ${fmtMs(intake.p95)}); ${delays.length} delivered` +
      `${missing ? `, ${missing} not within 30 s (counted as errors)` : ''}; delay min ${delays[0]} ms, max ${delays[delays.length - 1]} ms; ` +
      `${deliveries} deliveries in all${badSignatures ? `, ${badSignatures} with a bad signature` : ', signatures valid'}`;
  } finally {
    if (subscription)
      await call(`/api/integration/webhooks/${subscription.id}`, { method: 'DELETE', headers: adminHeaders }).catch(() => undefined);
    const i = cleanups.indexOf(closeReceiver);
    if (i >= 0) cleanups.splice(i, 1);
    await closeReceiver();
  }
  // The intakes' HTTP load unpaced, and the worker's SQL per event with the API (and its worker) stopped.
  e.http = await httpCeiling(
    e.connections,
    'POST',
    JSON.stringify({
      procedureCode: '2.000488',
      receivingAgencyCode: center.agencyCode,
      channel: 'DIRECT',
      applicant: applicant(),
      documents: await intakeDocuments(),
    }),
  );
  await api.stop();
  api = undefined;
  e.db = await webhookCeiling(e.connections);
}

// ------------------------------------------------------------------------------------- markdown

function fmtInt(n) {
  return Number(n).toLocaleString('en').replace(/,/g, ' ');
}
function fmtRps(n) {
  return n >= 100 ? Math.round(n).toLocaleString('en').replace(/,/g, ' ') : n.toFixed(1);
}
function fmtMs(n) {
  if (!Number.isFinite(n)) return '—';
  if (n >= 1000) return `${(n / 1000).toFixed(2)} s`;
  return n >= 10 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`;
}
function fmtErrors(s) {
  const parts = [];
  const bad = Object.entries(s.statuses ?? {}).filter(([code]) => !code.startsWith('2'));
  if (s.non2xx) parts.push(`${s.non2xx} non-2xx (${bad.map(([code, n]) => `${code}×${n}`).join(', ')})`);
  if (s.errors) parts.push(`${s.errors} errors`);
  if (s.timeouts) parts.push(`${s.timeouts} timeouts`);
  return parts.join(', ') || '0';
}
function lowerCeiling(row) {
  const candidates = [row.http?.rps, row.db?.rps].filter((n) => Number.isFinite(n));
  return candidates.length ? Math.min(...candidates) : undefined;
}
function pctOfCeiling(row) {
  const lower = lowerCeiling(row);
  if (!row.product || !lower) return '—';
  const which = row.db && row.http ? (row.db.rps <= row.http.rps ? ' (DB)' : ' (HTTP)') : row.http ? ' (HTTP)' : ' (DB)';
  const ratio = row.product.rps / lower;
  return `${ratio < 0.001 ? '< 0.1' : (100 * ratio).toFixed(ratio < 0.1 ? 1 : 0)} %${which}`;
}

function table(list) {
  const head =
    '| scenario | connections | req/s | p50 | p95 | p99 | errors | HTTP ceiling | DB ceiling | % of lower ceiling | target | verdict |\n' +
    '|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---|';
  const lines = list.map((r) => {
    if (r.error)
      return `| ${r.title} | ${r.connections} | — | — | — | — | **failed:** ${r.error.replace(/\|/g, '\\|')} | — | — | — | ${r.target?.text ?? '—'} | error |`;
    const s = r.product;
    const ceiling = (c, unit) => (c ? `${fmtRps(c.rps)}${unit} (p95 ${fmtMs(c.p95)})` : '—');
    const rate = r.id === 'webhook' ? `${fmtRps(s.rps)} intakes/s` : fmtRps(s.rps);
    return `| ${r.title} | ${r.connections} | ${rate} | ${fmtMs(s.p50)} | ${fmtMs(s.p95)} | ${fmtMs(s.p99)} | ${fmtErrors(s)} | ${ceiling(r.http, '/s')} | ${ceiling(r.db, ' q/s')} | ${pctOfCeiling(r)} | ${r.target?.text ?? '—'} | ${r.verdict}${r.verdict !== '—' && r.scale ? r.scale : ''} |`;
  });
  return [head, ...lines].join('\n');
}

function render(r) {
  const m = r.machine;
  const when = r.startedAt.toISOString().replace('T', ' ').slice(0, 16);
  const partial = fullRun ? '' : `**Partial run**: scenarios ${r.wanted.join(', ')} only. `;
  const found = r.rows.filter((row) => row.found).map((row) => `- ${row.title}: ${row.found}.`);
  return `# Benchmark results (\`npm run bench\`)

${partial}${when} UTC, ${r.duration} s per scenario, ${r.workers} API process${r.workers > 1 ? 'es' : ''} (\`API_WORKERS=${r.workers}\`), commit \`${m.commit}\`${m.dirty ? ` (with ${m.dirty} uncommitted changes in the tree)` : ''}, ${buildNote}.

- Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; ${m.os}; Node.js ${m.node}; PostgreSQL ${r.serverVersion} (the machine's server, default settings).
- Load average (1/5/15 min) before the run ${r.loadBefore.map((l) => l.toFixed(1)).join(' / ')}, after ${r.loadAfter.map((l) => l.toFixed(1)).join(' / ')}${r.loadBefore[0] > m.cores / 2 ? ' — **other work shared the cores: the figures are pessimistic and noisy**' : ''}.
- Dataset (\`npm run bench:seed -- --dossiers 1000000\`, database \`${new URL(databaseUrl).pathname.slice(1)}\`): ${fmtInt(r.before.dossiers)} dossiers, ${fmtInt(r.before.parties)} parties, ${fmtInt(r.before.steps)} step tasks before the run; ${fmtInt(r.after.dossiers)} dossiers, ${fmtInt(r.after.parties)} parties, ${fmtInt(r.after.steps)} step tasks after it (the run's intakes register their applicants; its forwards make routes); schema at migration \`${r.after.migration}\`.

${table(r.rows)}

How to read it: req/s over the whole run; a row "paced at N req/s" sends one request every 1/N s whatever the answers (open
loop, the staff load of the province at its busiest; its latency counts from each request's scheduled start) and measures the
wait at that load, where the other rows saturate the API with their connections; p50/p95/p99 from an HDR histogram of every response (µs resolution; the
webhook row gives the delay from the intake's 201 to the receiver instead). Errors: non-2xx answers (by status), socket
errors and timeouts. **HTTP ceiling**: the same autocannon load (connections, method, body) on a bare Fastify handler
(\`bench/lib/bare-fastify.mjs\`, ${r.workers} process${r.workers > 1 ? 'es' : ''}) returning a small JSON, measured once per connections × method. **DB ceiling**: the scenario's essential SQL
through \`pg\` directly (Pool of ${DB_POOL_SIZE}, as the API's ${r.workers > 1 ? `${r.workers} pools of 20` : 'pool of 20'}), as many concurrent loops as connections, for the same time:
the statements the API's repositories run for that request, without the ORM's extra round trips. Writes go to TEMP
tables shaped like the real ones (no WAL, no index upkeep: the optimistic part), locks, reads and commits are real —
intake: BEGIN, the agency-day counter upsert (a scratch day of the real table), one INSERT of a dossier row and its two
timeline rows, the audit seal (chain lock and head) with the COMMIT; lookup: the single SELECT by code with its three joins (prepared, as the API runs it); work list: \`DossiersRepository.findPage\`
(the page's ids from the covering indexes under the scope filter, then those rows); detail: the scoped SELECT by code,
then timeline, agencies and route in parallel; transition: the forward's ~20 statements in one transaction (the scoped
row lock, procedure, agencies and route reads, the dossier update, timeline, audit, outbox, the template read and the
steps, the first step sent with its timeline, outbox, audit and notification rows, the audit seal with the COMMIT), then the
detail reads of the answer; party search: the name index's prefix range (then the trigram index when the page is not
full) and the page's summaries, or the one lookup by keyed hash; queues: the page query of \`QueuesRepository\` (its step ids, then those rows) and its
one statement of six capped counts; II.06a: the closed-period check and the year's aggregate; webhook: per event, the
worker's fan-out of that event, the claim (SKIP LOCKED) and the record of the attempt, on real tables for a scratch
subscription with the API stopped (no POST). "% of lower ceiling" = the product's req/s over the lower of the two (for
the webhook row, 50 intakes/s paced: headroom, not efficiency). The load generator, the API, PostgreSQL and the
ceilings share the same ${m.cores} cores.

Notes of this run:
${found.join('\n') || '- none'}

A target "over 1 M" is judged over what the database holds; a verdict says so when it holds less. Earlier results
(embedded PostgreSQL, start-up, health, due-date arithmetic, the work-list index work):
[history.md](history.md), [worklist-1m.md](worklist-1m.md).

Re-run: \`npm run bench\` (all scenarios, 10 s each by default, about 6 minutes), or
\`npm run bench -- --scenarios lookup,worklist --duration 5\`. Raw figures: \`bench/results/raw/\` (not committed).
`;
}

// ------------------------------------------------------------------------------------------ run

try {
  await main();
} catch (error) {
  console.error(error.stack ?? error.message);
  process.exitCode = 1;
} finally {
  if (api) await api.stop().catch(() => undefined);
  await cleanup();
}

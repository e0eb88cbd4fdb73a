/**
 * Data generator (issue 9): a realistic, internally consistent province-scale data set.
 *
 *   npm run bench:seed -- --dossiers 1000000 [--database-url URL] [--reset] [--seed N]
 *                         [--from 2025-01-01] [--to 2026-11-27] [--embedded --data-dir .data/bench]
 *                         [--keys-dir bench/.data/api] [--extra-parties N]
 *   npm run bench:seed -- --verify-only [--database-url URL] [--keys-dir DIR]
 *
 * Schema from the app's migrations, the demo catalog from the app's own bootstrap, then dossiers
 * streamed day by day through COPY with the API's domain code (see bench/seed/README.md).
 */
import './register-paths';
import { localDateOf, type WorkingCalendar } from '@motcua/domain';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { PersonalDataCipher } from '../../apps/api/src/modules/parties/personal-data-cipher';
import { AuditChain, AUDIT_COLUMNS } from './audit-chain';
import { bootstrapCatalog, runMigrations } from './bootstrap';
import { loadCatalog, loadWorkingCalendar } from './catalog';
import { CopyStream } from './copy-sink';
import { prepareDatabase, resolveTarget } from './database';
import { generateDossier, localities } from './dossier-factory';
import { codeCountersModule } from './generators/code-counters';
import { dossierEventsModule } from './generators/dossier-events';
import { dossierStepsModule } from './generators/dossier-steps';
import { dossiersModule } from './generators/dossiers';
import { intakeAuditModule } from './generators/intake-audit';
import { partiesModule } from './generators/parties';
import { ratingsModule } from './generators/ratings';
import { staffModule } from './generators/staff';
import { IdAllocator, type GeneratorModule, type SeedContext, type Sinks } from './generators/types';
import { dropForBulkLoad, restoreAfterBulkLoad } from './indexes';
import { planDays, planIntakes, receptionPoints } from './intake-plan';
import type { Locality } from './people';
import { Random, WeightedPicker } from './random';
import { verify } from './verify';

interface Options {
  dossiers: number;
  databaseUrl?: string;
  reset: boolean;
  seed: number;
  from: string;
  to: string;
  embedded: boolean;
  dataDir: string;
  verify: boolean;
  verifyOnly: boolean;
  /** DATA_DIR of the API that will serve the data: its development personal-data keys. */
  keysDir?: string;
  /** People registered without a dossier in the period (a larger registry). */
  extraParties: number;
}

/** Where `npm run bench` starts the API (its DATA_DIR): the keys the seeded identifiers must be sealed with. */
const BENCH_API_DATA_DIR = 'bench/.data/api';

const USAGE = `usage: npm run bench:seed -- [--dossiers N] [--database-url URL] [--reset] [--seed N] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                          [--embedded] [--data-dir DIR] [--keys-dir DIR] [--extra-parties N] [--no-verify] [--verify-only]`;

function parseOptions(argv: string[]): Options {
  const yesterday = localDateOf(new Date(Date.now() - 86_400_000));
  const options: Options = {
    dossiers: 10_000,
    reset: false,
    seed: 20_261_128,
    from: '2025-01-01',
    to: yesterday < '2026-11-27' ? yesterday : '2026-11-27',
    embedded: false,
    dataDir: '.data/bench',
    verify: true,
    verifyOnly: false,
    extraParties: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    switch (arg) {
      case '--dossiers':
        options.dossiers = Number(value().replace(/_/g, ''));
        break;
      case '--database-url':
        options.databaseUrl = value();
        break;
      case '--reset':
        options.reset = true;
        break;
      case '--seed':
        options.seed = Number(value());
        break;
      case '--from':
        options.from = value();
        break;
      case '--to':
        options.to = value();
        break;
      case '--embedded':
        options.embedded = true;
        break;
      case '--data-dir':
        options.dataDir = value();
        break;
      case '--no-verify':
        options.verify = false;
        break;
      case '--verify-only':
        options.verifyOnly = true;
        break;
      case '--keys-dir':
        options.keysDir = value();
        break;
      case '--extra-parties':
        options.extraParties = Number(value().replace(/_/g, ''));
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
      // eslint-disable-next-line no-fallthrough
      default:
        throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  if (!Number.isInteger(options.dossiers) || options.dossiers < 1) throw new Error('--dossiers must be a positive whole number');
  if (!Number.isInteger(options.extraParties) || options.extraParties < 0) throw new Error('--extra-parties must be a whole number');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.from) || !/^\d{4}-\d{2}-\d{2}$/.test(options.to) || options.from > options.to) {
    throw new Error('--from and --to must be dates YYYY-MM-DD, from <= to');
  }
  if (options.to >= localDateOf(new Date())) throw new Error('--to must be a past day (the data describes what already happened)');
  return options;
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(line);

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'motcua-bench-seed' });
  await client.connect();
  return client;
}

/** Refuses a NOT NULL column without default the generator would leave empty (the schema moved on). */
async function checkColumns(db: Client, table: string, columns: readonly string[]): Promise<void> {
  const missing: string[] = (
    await db.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1 AND is_nullable = 'NO' AND column_default IS NULL AND NOT (column_name = ANY($2))`,
      [table, columns],
    )
  ).rows.map((r) => r.column_name);
  const unknown: string[] = (
    await db.query(
      `SELECT c FROM unnest($2::text[]) c WHERE NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = c)`,
      [table, columns],
    )
  ).rows.map((r) => r.c);
  if (missing.length || unknown.length) {
    throw new Error(
      `The generator for ${table} is behind the schema: ${missing.length ? `required columns not generated: ${missing.join(', ')}` : ''}${unknown.length ? ` unknown columns: ${unknown.join(', ')}` : ''}`,
    );
  }
}

/**
 * The personal-data cipher exactly as the API that will serve the data builds it (loadConfig):
 * PERSONAL_DATA_KEYS / PERSONAL_DATA_HMAC_KEY when set, else the development keys kept in its
 * DATA_DIR (created there if missing) — bench/.data/api for `npm run bench`, the --data-dir of an
 * embedded cluster. Identifiers sealed with other keys would neither decrypt nor be found by search.
 */
function personalDataCipher(options: Options, embedded: boolean): { cipher: PersonalDataCipher; label: string } {
  const dataDir = options.keysDir ?? (embedded ? options.dataDir : BENCH_API_DATA_DIR);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    // Not used here; set so that loadConfig does not write a secret file.
    JWT_SECRET: randomBytes(32).toString('hex'),
  });
  const source = process.env['PERSONAL_DATA_KEYS'] ? 'PERSONAL_DATA_KEYS' : `the development keys in ${dataDir}`;
  return { cipher: new PersonalDataCipher(config.personalData), label: `${source} (active key ${config.personalData.activeKeyId})` };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const target = await resolveTarget(options, log);
  const stopEmbedded = async () => target.embedded?.stop();
  try {
    log(`target: ${target.label}`);
    const keys = personalDataCipher(options, Boolean(target.embedded));
    log(`personal data sealed with ${keys.label}`);
    if (options.verifyOnly) {
      const db = await connect(target.url);
      const ok = await verify(db, log, keys.cipher).finally(() => db.end());
      if (!ok) process.exitCode = 1;
      return;
    }
    await seed(options, target.url, keys.cipher);
  } finally {
    await stopEmbedded();
  }
}

async function seed(options: Options, url: string, cipher: PersonalDataCipher): Promise<void> {
  await prepareDatabase(url, options.reset, log);
  const applied = await runMigrations(url);
  log(`[${elapsed()}] schema: ${applied.length ? `${applied.length} migrations applied` : 'up to date'}`);

  const db = await connect(url);
  const existing = Number((await db.query('SELECT count(*) AS n FROM dossiers')).rows[0].n);
  if (existing > 0) {
    await db.end();
    throw new Error(
      `The database already holds ${existing} dossiers. Re-run with --reset to drop and recreate it (its whole content goes).`,
    );
  }
  await bootstrapCatalog(url);
  const catalog = await loadCatalog(db);
  const calendar: WorkingCalendar = await loadWorkingCalendar(db);
  log(
    `[${elapsed()}] catalog: ${catalog.agencies.length} agencies, ${catalog.procedures.length} published procedures (the app's demo bootstrap)`,
  );

  const parties = partiesModule(cipher);
  const modules: GeneratorModule[] = [
    staffModule(dateBefore(options.from, 16)),
    dossiersModule,
    dossierEventsModule,
    dossierStepsModule,
    parties,
    intakeAuditModule,
    ratingsModule,
    codeCountersModule,
  ];
  const auditTail = (await db.query('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1')).rows[0];
  const audit = new AuditChain(Number(auditTail?.id ?? 0), auditTail?.hash);
  const ids = new IdAllocator();
  ids.set('dossier_events', Number((await db.query('SELECT coalesce(max(id), 0) AS m FROM dossier_events')).rows[0].m));
  const ctx: SeedContext = {
    db,
    catalog,
    calendar,
    now: new Date(),
    seed: options.seed,
    random: new Random(options.seed),
    audit,
    ids,
    staff: undefined as unknown as SeedContext['staff'], // set by the staff module's prepare()
    sequences: new Map(),
    log: (line) => log(`[${elapsed()}] ${line}`),
  };

  // Tables and their COPY streams (each on its own connection); the audit chain streams too.
  const loads = [...modules.flatMap((m) => m.tables), { table: 'audit_events', columns: AUDIT_COLUMNS, bulk: true }];
  for (const load of loads) await checkColumns(db, load.table, load.columns);
  const bulkTables = [...new Set(loads.filter((l) => l.bulk).map((l) => l.table))];
  const restore = await dropForBulkLoad(db, bulkTables);
  log(`[${elapsed()}] bulk load: dropped ${restore.dropped} indexes and constraints on ${bulkTables.join(', ')} (rebuilt after the load)`);

  const copyClients: Client[] = [];
  const sinks: Sinks = {};
  for (const load of loads) {
    const clients: Client[] = [];
    for (let i = 0; i < (load.connections ?? 1); i++) {
      const client = await connect(url);
      await client.query(`SET synchronous_commit = off`);
      clients.push(client);
    }
    copyClients.push(...clients);
    sinks[load.table] = new CopyStream(load.table, load.columns, clients);
    sinks[load.table].start();
  }
  audit.attach(sinks['audit_events']);

  for (const m of modules) await m.prepare?.(ctx);

  // Day by day, in time order: codes, the audit chain and the counters all follow the intake order.
  const days = planDays(calendar, options.from, options.to, options.dossiers, ctx.random);
  const points = receptionPoints(catalog, options.dossiers);
  const pointPicker = new WeightedPicker(
    points,
    points.map((p) => p.weight),
  );
  const homes = localities(catalog);
  const anywhere = catalog.agencies.filter((a) => a.level === 'COMMUNE').map((a) => homes.get(a.id) as Locality);
  parties.planExtras({
    count: options.extraParties,
    personFrom: Math.max(...points.map((p) => p.personOffset + p.personPool)),
    days: days.filter((d) => d.working).map((d) => d.date),
    points,
    homes,
    anywhere,
  });
  log(
    `[${elapsed()}] generating ${options.dossiers.toLocaleString('en')} dossiers over ${days.length} days (${options.from} … ${options.to}) at ${points.length} reception points`,
  );

  let generated = 0;
  let lastReport = Date.now();
  const loopStarted = Date.now();
  for (let i = 0; i < days.length; i++) {
    const day = days[i];
    ctx.sequences.clear();
    for (const m of modules) m.startOfDay?.(day.date, sinks, ctx);
    for (const spec of planIntakes(day, pointPicker, calendar, i / Math.max(1, days.length - 1), ctx.random)) {
      const dossier = generateDossier(spec, ctx, homes, anywhere);
      for (const m of modules) m.emit?.(dossier, sinks, ctx);
      generated++;
    }
    for (const m of modules) m.endOfDay?.(day.date, sinks, ctx);
    await Promise.all(Object.values(sinks).map((s) => s.drained()));
    if (Date.now() - lastReport > 5000 || i === days.length - 1) {
      lastReport = Date.now();
      const rate = generated / ((Date.now() - loopStarted) / 1000);
      log(
        `[${elapsed()}] ${day.date}: ${generated.toLocaleString('en')} / ${options.dossiers.toLocaleString('en')} dossiers (${((100 * generated) / options.dossiers).toFixed(1)} %), ` +
          `${Math.round(rate).toLocaleString('en')}/s, ${sinks['dossier_events'].rows.toLocaleString('en')} events, ${sinks['dossier_steps'].rows.toLocaleString('en')} steps, ` +
          `${sinks['parties'].rows.toLocaleString('en')} parties, ${audit.appended.toLocaleString('en')} audit records`,
      );
    }
  }
  for (const m of modules) await m.finish?.(sinks, ctx);
  audit.flush(); // the deferred records (ratings) after the last intake
  await Promise.all(Object.values(sinks).map((s) => s.end()));
  await Promise.all(copyClients.map((c) => c.end()));
  log(
    `[${elapsed()}] COPY done: ${Object.values(sinks)
      .map((s) => `${s.table} ${s.rows.toLocaleString('en')}`)
      .join(', ')}`,
  );

  // Indexes and keys back, sequences past the explicit ids, statistics and visibility map fresh.
  const sessions = [db, await connect(url)];
  for (const s of sessions) await s.query(`SET maintenance_work_mem = '1GB'`);
  const sizes = new Map(Object.values(sinks).map((s) => [s.table, s.rows]));
  await restoreAfterBulkLoad(sessions, restore, sizes, (line) => log(line));
  log(`[${elapsed()}] indexes and constraints rebuilt`);
  await db.query(`SELECT setval(pg_get_serial_sequence('dossier_events', 'id'), GREATEST($1::bigint, 1), $1::bigint > 0)`, [
    ids.last('dossier_events'),
  ]);
  await db.query(`SELECT setval(pg_get_serial_sequence('audit_events', 'id'), GREATEST($1::bigint, 1), $1::bigint > 0)`, [audit.last.id]);
  // Two sessions, the big tables spread between them.
  const vacuum = async (session: Client, tables: string[]) => {
    for (const table of tables) await session.query(`VACUUM (ANALYZE) ${table}`);
  };
  await Promise.all([
    vacuum(sessions[0], ['dossiers', 'dossier_steps', 'parties', 'party_identifiers']),
    vacuum(sessions[1], ['dossier_events', 'audit_events', 'dossier_parties', 'party_contacts', 'dossier_ratings']),
  ]);
  await db.query('ANALYZE dossier_code_counters, users, agencies, procedures, api_clients');
  await sessions[1].end();
  log(`[${elapsed()}] vacuumed and analyzed`);
  await markApplicantAdoption(db);
  const seedSeconds = (Date.now() - started) / 1000;
  const loadSeconds = (Date.now() - loopStarted) / 1000;

  if (options.verify) {
    log('verification:');
    const ok = await verify(db, log, cipher);
    if (!ok) process.exitCode = 1;
  }
  await db.end();
  log(
    `seeded ${generated.toLocaleString('en')} dossiers in ${seedSeconds.toFixed(1)} s (generation, COPY, indexes and VACUUM ${loadSeconds.toFixed(1)} s); with verification ${elapsed()}`,
  );
}

/**
 * The API registers, at start-up, the applicants of dossiers received before the parties registry
 * existed (PartiesService.adoptLegacyApplicants, one dossier at a time, keyset on creation order).
 * The generated dossiers are registered and linked already: record them as scanned, so the API
 * does not walk a million dossiers to find nothing to do.
 */
async function markApplicantAdoption(db: Client): Promise<void> {
  const exists = (await db.query(`SELECT to_regclass('party_adoption_state') IS NOT NULL AS e`)).rows[0].e;
  if (!exists) return;
  await db.query(
    `INSERT INTO party_adoption_state (id, last_created_at, last_dossier_id, adopted)
     SELECT 1, created_at, id, 0 FROM dossiers ORDER BY created_at DESC, id DESC LIMIT 1
     ON CONFLICT (id) DO UPDATE SET last_created_at = EXCLUDED.last_created_at, last_dossier_id = EXCLUDED.last_dossier_id`,
  );
}

function dateBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

main().catch((error) => {
  console.error(`bench:seed failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error('A failed run leaves the database incomplete: run again with --reset.');
  if (process.env['DEBUG']) console.error(error);
  process.exit(1);
});

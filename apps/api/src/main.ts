import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
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

void bootstrap();

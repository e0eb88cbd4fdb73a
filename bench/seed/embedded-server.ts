/**
 * Starts the embedded PostgreSQL of a DATA_DIR (as the API does when DATABASE_URL is unset),
 * prints `{"url": …}` on one line and keeps it running until SIGINT/SIGTERM: lets the .mjs
 * benchmarks use the cluster `npm run bench:seed -- --embedded` filled.
 *   node -r ts-node/register bench/seed/embedded-server.ts .data/bench
 */
import './register-paths';
import { resolve } from 'node:path';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { withDatabase } from '../../apps/api/src/database/postgres-admin';
import { EMBEDDED_DATABASE } from './database';

async function main(): Promise<void> {
  const dataDir = resolve(process.argv[2] ?? '.data/bench');
  const server = await startEmbeddedPostgres({ dataDir });
  process.stdout.write(`${JSON.stringify({ url: withDatabase(server.url, EMBEDDED_DATABASE) })}\n`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`embedded-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { prepareTemplateDatabase } from './test-database';

declare global {
  var __MOTCUA_EMBEDDED_STOP__: (() => Promise<void>) | undefined;
}

/**
 * Integration tests run against a real PostgreSQL: TEST_DATABASE_URL or DATABASE_URL when set,
 * otherwise a throw-away embedded server. A migrated template database is prepared once; each test
 * file then clones its own database from it.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env['TEST_DATABASE_URL'] || process.env['DATABASE_URL'];
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-test-pg-'));
    chmodSync(dir, 0o755); // the postgres OS user must reach it when tests run as root
    const embedded = await startEmbeddedPostgres({
      dataDir: dir,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
    serverUrl = embedded.url;
    globalThis.__MOTCUA_EMBEDDED_STOP__ = async () => {
      await embedded.stop();
      const { rmSync } = await import('node:fs');
      rmSync(dir, { recursive: true, force: true });
    };
  }
  process.env['TEST_DATABASE_URL'] = serverUrl;
  process.env['MOTCUA_TEST_TEMPLATE'] = await prepareTemplateDatabase(serverUrl);
}

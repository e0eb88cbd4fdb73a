import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import { createTestDatabase, TestDatabase } from './test-database';

/** Password of the bootstrap `admin` account in tests. */
export const TEST_ADMIN_PASSWORD = 'Admin@Test-2026';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real application on a real port, over its own freshly migrated database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_DATA: 'false',
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    ADMIN_DIR: '/nonexistent',
    DATA_DIR: dataDir,
    ...env,
  });
  const app = await createApp(config, database.url);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { ConfigModule } from '../../apps/api/src/config/config.module';
import { dataSourceOptions } from '../../apps/api/src/database/data-source';
import { SeedModule } from '../../apps/api/src/database/seed/seed.module';
import { AuditModule } from '../../apps/api/src/modules/audit/audit.module';

/** The schema: the app's own migrations, in order. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The demo catalog through the app's own first-start bootstrap (BootstrapService with DEMO_DATA):
 * the agency tree, the 32 published procedures with their steps, the official calendars and the
 * demo accounts, with their audit records. Idempotent, like the API's first start.
 */
export async function bootstrapCatalog(url: string): Promise<void> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DEMO_DATA: 'true',
    DATABASE_URL: url,
    // Not used for anything here; set so that loadConfig does not write a secret file.
    JWT_SECRET: randomBytes(32).toString('hex'),
  });

  @Module({
    imports: [
      ConfigModule.forRoot(config),
      TypeOrmModule.forRoot({ ...dataSourceOptions(url), migrationsRun: false, retryAttempts: 0 }),
      AuditModule,
      SeedModule,
    ],
  })
  class CatalogBootstrapModule {}

  const app = await NestFactory.createApplicationContext(CatalogBootstrapModule, { logger: ['error'] });
  await app.close();
}

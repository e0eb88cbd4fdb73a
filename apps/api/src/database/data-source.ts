import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The one TypeORM configuration, used by the app, the tests and the TypeORM CLI.
 * Entities and migrations are listed explicitly (no globs) so webpack, ts-node and Jest all find them.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // JIT compilation cost more than it saved on the work list's short queries (bench/results/worklist-1m.md).
    extra: { max: 20, connectionTimeoutMillis: 10_000, query_timeout: 30_000, application_name: 'motcua-api', options: '-c jit=off' },
  };
}

/** For the TypeORM CLI: `npx typeorm-ts-node-commonjs migration:generate -d apps/api/src/database/data-source.ts`. */
export default new DataSource(dataSourceOptions(process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/motcua_dev'));

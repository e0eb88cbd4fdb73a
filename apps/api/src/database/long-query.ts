import type { QueryRunner } from 'typeorm';

/** An hour: a data migration over millions of rows, not a request. */
const MIGRATION_QUERY_TIMEOUT_MS = 3_600_000;

interface PgClient {
  query(config: { text: string; query_timeout: number }): Promise<unknown>;
}

/**
 * Runs one statement of a data migration without the pool's 30 s client-side `query_timeout`
 * (`dataSourceOptions`), which guards requests but would abort a backfill of a large table half way
 * (the migration's transaction then rolls back, and the API cannot start). Same connection and
 * transaction as the migration.
 */
export async function migrationQuery(queryRunner: QueryRunner, sql: string): Promise<void> {
  const client = (await queryRunner.connect()) as PgClient;
  await client.query({ text: sql, query_timeout: MIGRATION_QUERY_TIMEOUT_MS });
}

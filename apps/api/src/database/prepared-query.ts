import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** One name per statement text: pg prepares a name once on each connection and reuses it after. */
function statementName(text: string): string {
  return `q_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
}

/**
 * A read on the hot path as a named prepared statement: PostgreSQL plans it once per connection
 * instead of at every call. For the short lookups of the busiest routes planning cost more than
 * running (the public lookup: 4 200 q/s planned each time vs 25 800 q/s prepared, pgbench over a
 * million dossiers), because the planner weighs every index of `dossiers` for each join.
 *
 * Only for statements whose best plan does not depend on the parameter values, and whose text is
 * one of a few fixed shapes: each distinct text is prepared once on each pooled connection and
 * kept for the connection's life. Runs on the pool, outside any transaction.
 */
export async function preparedQuery<T extends QueryResultRow>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  // TypeORM's PostgresDriver keeps its pg Pool as `master`.
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const result = await pool.query<T>({ name: statementName(text), text, values });
  return result.rows;
}

/**
 * `preparedQuery` through an entity manager: on the transaction's own connection when the manager
 * is a transaction's, on the pool otherwise. For the intake's statements: parsing and planning them
 * took about a quarter of PostgreSQL's time per intake (statement log of the bench, 3–4 ms of 15).
 * Errors are wrapped as TypeORM wraps them, so the problem filter reads them the same way.
 */
export async function preparedManagerQuery<T extends QueryResultRow>(
  manager: EntityManager,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) return preparedQuery<T>(manager.connection, text, values);
  // PostgresQueryRunner.connect() answers the pg client this runner (and its transaction) holds.
  const client = (await runner.connect()) as PoolClient;
  try {
    return (await client.query<T>({ name: statementName(text), text, values })).rows;
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}

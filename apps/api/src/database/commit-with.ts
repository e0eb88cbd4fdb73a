import { escapeLiteral } from 'pg';
import type { EntityManager } from 'typeorm';
import type { InsertStatement } from './insert-rows';

// pg's own conversion of a bound value to text (arrays, dates, JSON, buffers); it ships no types for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue(value: unknown): unknown };

/** A parameter as the literal pg would have sent for it (same text encoding as a bound value). */
function literal(value: unknown): string {
  const prepared = prepareValue(value);
  return prepared === null || prepared === undefined ? 'NULL' : escapeLiteral(String(prepared));
}

/**
 * Runs a transaction's last statement and its COMMIT in one message (the simple query protocol,
 * values inlined as escaped literals), so a lock the statement takes is released by PostgreSQL at
 * the end of the commit, not held until the API process, busy with other requests, reads the
 * answer and sends COMMIT. For the intake's audit record, whose chain lock is province-wide.
 * A new, empty transaction is opened behind it, so TypeORM's own COMMIT that follows has one to end
 * (an empty commit writes nothing); anything run on `manager` afterwards is no longer part of the
 * committed work.
 */
export async function runAndCommit(manager: EntityManager, statement: InsertStatement): Promise<void> {
  const sql = statement.sql.replace(/\$(\d+)/g, (_, n: string) => literal(statement.params[Number(n) - 1]));
  // No parameters array: pg sends a simple query, which may hold several statements.
  await manager.query(`${sql}; COMMIT; BEGIN`);
}

import type { Client } from 'pg';

/**
 * Bulk load without per-row index maintenance: the secondary indexes, primary keys and foreign
 * keys of the loaded tables are recorded (their exact definitions and names, as the migrations
 * made them), dropped, and recreated after the load.
 */
export interface IndexRestore {
  /** Primary/unique constraints and plain indexes, per table (a table's statements run in order). */
  byTable: Map<string, string[]>;
  /** Foreign keys, after every table has its keys back. */
  foreignKeys: string[];
  dropped: number;
}

export async function dropForBulkLoad(db: Client, tables: string[]): Promise<IndexRestore> {
  const regclasses = tables.map((t) => `"${t}"`);
  const fks: Array<{ name: string; tbl: string; def: string }> = (
    await db.query(
      `SELECT conname AS name, conrelid::regclass::text AS tbl, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype = 'f' AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[])) ORDER BY conname`,
      [regclasses],
    )
  ).rows;
  const keys: Array<{ name: string; tbl: string; def: string }> = (
    await db.query(
      `SELECT conname AS name, conrelid::regclass::text AS tbl, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype IN ('p', 'u') AND conrelid = ANY($1::regclass[]) ORDER BY contype, conname`,
      [regclasses],
    )
  ).rows;
  const indexes: Array<{ name: string; tbl: string; def: string }> = (
    await db.query(
      `SELECT i.indexrelid::regclass::text AS name, i.indrelid::regclass::text AS tbl, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
        WHERE i.indrelid = ANY($1::regclass[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
        ORDER BY 1`,
      [regclasses],
    )
  ).rows;

  for (const fk of fks) await db.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT "${fk.name}"`);
  for (const key of keys) await db.query(`ALTER TABLE ${key.tbl} DROP CONSTRAINT "${key.name}"`);
  for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);

  const byTable = new Map<string, string[]>();
  const add = (tbl: string, sql: string) => byTable.set(tbl, [...(byTable.get(tbl) ?? []), sql]);
  for (const key of keys) add(key.tbl, `ALTER TABLE ${key.tbl} ADD CONSTRAINT "${key.name}" ${key.def}`);
  for (const index of indexes) add(index.tbl, `${index.def}`);
  return {
    byTable,
    foreignKeys: fks.map((fk) => `ALTER TABLE ${fk.tbl} ADD CONSTRAINT "${fk.name}" ${fk.def}`),
    dropped: fks.length + keys.length + indexes.length,
  };
}

/** Rebuilds on `connections` sessions side by side (biggest table first), then the foreign keys one by one. */
export async function restoreAfterBulkLoad(
  connections: Client[],
  restore: IndexRestore,
  sizes: Map<string, number>,
  log: (line: string) => void,
): Promise<void> {
  const queue = [...restore.byTable.entries()].sort((a, b) => (sizes.get(b[0]) ?? 0) - (sizes.get(a[0]) ?? 0));
  const statements: string[] = queue.flatMap(([, list]) => list);
  // Spread individual statements (not whole tables) over the sessions; statements on one table
  // may run side by side (CREATE INDEX takes a SHARE lock; ADD PRIMARY KEY runs first, alone).
  const primaries = statements.filter((s) => /ADD CONSTRAINT .* PRIMARY KEY/.test(s));
  const rest = statements.filter((s) => !primaries.includes(s));
  const runAll = async (list: string[], sessions = connections) => {
    let next = 0;
    await Promise.all(
      sessions.map(async (c) => {
        for (let i = next++; i < list.length; i = next++) {
          const started = Date.now();
          await c.query(list[i]);
          log(`  ${((Date.now() - started) / 1000).toFixed(1)} s  ${list[i].replace(/\s+/g, ' ').slice(0, 110)}`);
        }
      }),
    );
  };
  await runAll(primaries);
  await runAll(rest);
  // One at a time: adding a foreign key locks both tables, and several reference dossiers.
  await runAll(restore.foreignKeys, connections.slice(0, 1));
}

import { maskName, STATUS_LABELS_VI, type DossierStatus } from '@motcua/domain';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { escapeLike } from '../../../common/auth/agency-scope';
import { lateEntriesOfClosedMonth, populationOf, type Ii06aPopulation, type Ii06aSource, type PopulationFilters } from '../ii06a-source';
import type { DrillCell } from '../ii06a';
import type { DossierLineValues } from '../report-files';
import { periodBounds } from '../report-period';
import type { LineTimeliness, TrackingBookLine } from './report-exports.dto';

/**
 * Dossier lines for the tracking book (Form 07) and the drill-down list of one II.06a number:
 * listed in SQL, read in keyset pages (JSON) or through a server-side cursor (exports), so a list of
 * any length never sits in memory.
 */
export interface LineRecord {
  code: string;
  procedure_code: string;
  procedure_name: string;
  applicant_name: string;
  applicant_type: string;
  receiving_agency_name: string;
  competent_agency_name: string;
  channel: string;
  received_at: Date;
  due_at: Date | null;
  finished_at: Date | null;
  returned_at: Date | null;
  status: DossierStatus;
  outcome: string | null;
  timeliness: LineTimeliness | null;
  /** Full-precision receipt time, for the keyset cursor. */
  received_key?: string;
}

// Open dossiers are judged at the time of reading (the transaction's now()); finished ones by their
// stored timeliness. The appointment is the apology's new date when one was given (Form 04).
const LINE_COLUMNS = `d.code, p.code AS procedure_code, p.name AS procedure_name, d.applicant_name,
  d.applicant->>'type' AS applicant_type, ra.name AS receiving_agency_name, ca.name AS competent_agency_name,
  d.channel, d.received_at, COALESCE(d.apology_due_at, d.due_at) AS due_at, d.finished_at, d.returned_at,
  d.status, d.outcome,
  CASE WHEN d.finished_at IS NOT NULL THEN d.timeliness
       WHEN d.due_at IS NULL THEN NULL
       WHEN d.due_at < now() THEN 'OVERDUE' ELSE 'WITHIN' END AS timeliness`;
const LINE_JOINS = `JOIN procedures p ON p.id = d.procedure_id
  JOIN agencies ra ON ra.id = d.receiving_agency_id
  JOIN agencies ca ON ca.id = d.competent_agency_id`;

export interface SqlQuery {
  sql: string;
  params: unknown[];
  /** The same rows without columns or order, for counting. */
  countSql: string;
}

/** Every dossier received in the period under the subtree (by competent agency or receiving point), in order of receipt. */
export function trackingBookQuery(q: PopulationFilters, scopePath: string, after?: [string, string], limit?: number): SqlQuery {
  const { f, t } = periodBounds(q);
  const column = q.by === 'receiving' ? 'd.receiving_agency_id' : 'd.competent_agency_id';
  const params: unknown[] = [f, t, `${escapeLike(scopePath)}%`];
  let where = `d.received_at >= $1 AND d.received_at < $2 AND a.path LIKE $3`;
  if (q.procedureCode) where += ` AND p.code = $${params.push(q.procedureCode)}`;
  if (q.field) where += ` AND p.field = $${params.push(q.field)}`;
  const from = `FROM dossiers d JOIN agencies a ON a.id = ${column} ${LINE_JOINS} WHERE ${where}`;
  const countSql = `SELECT count(*)::int AS n ${from}`;
  let page = '';
  if (after) page = ` AND (d.received_at, d.code) > ($${params.push(after[0])}::timestamptz, $${params.push(after[1])})`;
  const sql =
    `SELECT ${LINE_COLUMNS}, to_json(d.received_at)#>>'{}' AS received_key ${from}${page} ORDER BY d.received_at, d.code` +
    (limit ? ` LIMIT ${Number(limit)}` : '');
  return { sql, params, countSql };
}

export interface DrillFilters extends PopulationFilters {
  cell: DrillCell;
  rowAgencyId?: string;
}

/**
 * The dossiers behind one II.06a number with their lines: the same source, population and predicate
 * as `GET /api/reports/ii06a/dossiers`, so the list has exactly the dossiers the number counts, in
 * the same order (by code).
 */
export function drillQuery(em: EntityManager, source: Ii06aSource, q: DrillFilters, scopePath: string): SqlQuery {
  let population: Ii06aPopulation;
  let predicate: string;
  if (q.cell === 'lateEntries') {
    population =
      source.kind === 'snapshot' ? lateEntriesOfClosedMonth(em, q, scopePath, source.period.month) : populationOf(em, source, q, scopePath);
    predicate = population.lateEntries ?? 'FALSE';
  } else {
    population = populationOf(em, source, q, scopePath);
    predicate = population.cells[q.cell];
  }
  const { query, col } = population;
  query.select(col.dossierId, 'id').andWhere(predicate);
  if (q.rowAgencyId) query.andWhere(`${col.agencyId} = :rowAgencyId`, { rowAgencyId: q.rowAgencyId });
  const [ids, params] = query.getQueryAndParameters();
  return {
    sql: `SELECT ${LINE_COLUMNS} FROM (${ids}) x JOIN dossiers d ON d.id = x.id ${LINE_JOINS} ORDER BY d.code`,
    params,
    countSql: `SELECT count(*)::int AS n FROM (${ids}) x`,
  };
}

const TIMELINESS_LABELS: Record<LineTimeliness, string> = {
  EARLY: 'Trước hạn',
  ON_TIME: 'Đúng hạn',
  LATE: 'Quá hạn',
  WITHIN: 'Trong hạn',
  OVERDUE: 'Quá hạn (đang giải quyết)',
};
const CHANNEL_LABELS: Record<string, string> = { DIRECT: 'Trực tiếp', ONLINE: 'Trực tuyến', POSTAL: 'Bưu chính' };

/** An individual's name is reduced to family name and initials; an organisation's is not personal data. */
function applicantOf(r: LineRecord): string {
  return r.applicant_type === 'INDIVIDUAL' ? maskName(r.applicant_name) : r.applicant_name;
}

export function lineView(r: LineRecord): TrackingBookLine {
  const iso = (t: Date | null) => (t ? new Date(t).toISOString() : null);
  return {
    code: r.code,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    applicantName: applicantOf(r),
    applicantType: r.applicant_type,
    receivingAgencyName: r.receiving_agency_name,
    competentAgencyName: r.competent_agency_name,
    channel: r.channel,
    receivedAt: new Date(r.received_at).toISOString(),
    dueAt: iso(r.due_at),
    finishedAt: iso(r.finished_at),
    returnedAt: iso(r.returned_at),
    status: r.status,
    statusLabel: STATUS_LABELS_VI[r.status] ?? r.status,
    outcome: r.outcome,
    timeliness: r.timeliness,
  };
}

export function lineValues(r: LineRecord): DossierLineValues {
  return {
    code: r.code,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    applicantName: applicantOf(r),
    receivingAgencyName: r.receiving_agency_name,
    competentAgencyName: r.competent_agency_name,
    channel: CHANNEL_LABELS[r.channel] ?? r.channel,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    finishedAt: r.finished_at,
    returnedAt: r.returned_at,
    statusLabel: STATUS_LABELS_VI[r.status] ?? r.status,
    timelinessLabel: r.timeliness ? TIMELINESS_LABELS[r.timeliness] : '',
  };
}

/** Rows per FETCH: small batches keep few rows alive across the writer's awaits (less promoted garbage). */
const FETCH_ROWS = 500;

/** A query opened for streaming: its row count and its rows, from one consistent snapshot. */
export interface LineCursor {
  total: number;
  rows: AsyncIterable<LineRecord[]>;
  close(): Promise<void>;
}

/**
 * Opens a server-side cursor in a read-only REPEATABLE READ transaction on its own connection:
 * the count and every fetched batch see the same snapshot, so the progress total and the rows agree.
 * PostgreSQL holds the result; the process holds one batch at a time.
 */
export async function openLineCursor(dataSource: DataSource, build: (em: EntityManager) => SqlQuery): Promise<LineCursor> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    try {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  };
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query('SET TRANSACTION READ ONLY');
    const query = build(runner.manager);
    const [{ n }] = await runner.query(query.countSql, query.params);
    await runner.query(`DECLARE export_lines NO SCROLL CURSOR FOR ${query.sql}`, query.params);
    async function* batches(): AsyncIterable<LineRecord[]> {
      try {
        while (open) {
          const batch: LineRecord[] = await runner.query(`FETCH ${FETCH_ROWS} FROM export_lines`);
          if (batch.length) yield batch;
          if (batch.length < FETCH_ROWS) break;
        }
      } finally {
        await close();
      }
    }
    return { total: Number(n), rows: batches(), close };
  } catch (error) {
    await close();
    throw error;
  }
}

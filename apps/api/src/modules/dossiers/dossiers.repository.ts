import { foldVietnamese, parseDossierCode } from '@motcua/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike } from '../../common/auth/agency-scope';
import type { Principal } from '../../common/auth/principal';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { Procedure } from '../catalog/entities/procedure.entity';
import { COUNT_BUCKETS, DossierCount, DossierCountsQuery, ListDossiersQuery } from './dto/dossier.dto';
import { validationProblem } from '../../common/problem/validation';
import { DossierEvent } from './entities/dossier-event.entity';
import { insertRows, InsertStatement, renumberParams } from '../../database/insert-rows';
import { preparedManagerQuery, preparedQuery } from '../../database/prepared-query';
import { Dossier } from './entities/dossier.entity';

/** What intake needs of the catalog, read in one round trip. */
export interface IntakeProcedure {
  id: string;
  code: string;
  name: string;
  level: Procedure['level'];
  processingAmount: number;
  processingUnit: Procedure['processingUnit'];
  documents: Procedure['documents'];
}

export interface IntakeAgency {
  id: string;
  code: string;
  name: string;
  path: string;
  isReceptionPoint: boolean;
}

export interface IntakeContext {
  procedure: IntakeProcedure | null;
  receiving: IntakeAgency | null;
  /** The procedure's competent agency, or else the receiving point's nearest ancestor-or-self of the procedure's level. */
  competent: IntakeAgency | null;
}

const AGENCY_JSON = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'name', ${alias}.name, 'path', ${alias}.path, 'isReceptionPoint', ${alias}.is_reception_point)`;

/** What the public lookup shows, read in one query (the busiest public route). */
export interface PublicDossierView {
  code: string;
  lookupSecret: string;
  status: Dossier['status'];
  statusCode: number;
  applicantName: string;
  procedureName: string;
  receivingAgencyName: string;
  competentAgencyName: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  apologyDueAt: Date | null;
  electronicResult: boolean;
}

export interface DossierRow {
  dossier: Dossier;
  procedureName: string;
  procedureCode: string;
}

function toRows({ entities, raw }: { entities: Dossier[]; raw: Array<Record<string, string>> }): DossierRow[] {
  return entities.map((dossier, i) => ({ dossier, procedureName: raw[i].procedure_name, procedureCode: raw[i].procedure_code }));
}

/** The columns of a work-list row (see `toSummary`), by entity property. */
const SUMMARY_COLUMNS = {
  id: 'id',
  code: 'code',
  status: 'status',
  statusCode: 'status_code',
  channel: 'channel',
  applicantName: 'applicant_name',
  receivingAgencyId: 'receiving_agency_id',
  competentAgencyId: 'competent_agency_id',
  submittedAt: 'submitted_at',
  receivedAt: 'received_at',
  dueAt: 'due_at',
  dueSoonAt: 'due_soon_at',
  finishedAt: 'finished_at',
  timeliness: 'timeliness',
  createdAt: 'created_at',
  version: 'version',
} as const satisfies Partial<Record<keyof Dossier, string>>;

/** Final timeliness is stored; the live one compares the due instants with now (DOMAIN §5). */
const TIMELINESS_SQL: Record<NonNullable<ListDossiersQuery['timeliness']>, string> = {
  EARLY: 'd.timeliness = :timeliness',
  ON_TIME: 'd.timeliness = :timeliness',
  LATE: 'd.timeliness = :timeliness',
  OVERDUE: 'd.finished_at IS NULL AND d.due_at < :now',
  DUE_SOON: 'd.finished_at IS NULL AND d.due_soon_at <= :now AND d.due_at >= :now',
  WITHIN: 'd.finished_at IS NULL AND d.due_soon_at > :now',
};

function cursorMismatch() {
  return validationProblem([{ field: 'cursor', rule: 'cursor', message: 'The cursor belongs to another sort order' }]);
}

/**
 * The caller's scope over dossiers `d` (see `DossiersRepository.scoped`); `:scopePath` is the agency
 * path prefix. Besides its receiving and competent agencies, a dossier is visible to an agency its
 * route was sent to (`sent_at` set; a step cancelled before its turn never was). Only a procedure
 * whose (immutable, published) template has a fixed step at one of the caller's agencies can route
 * a dossier there, so only those dossiers are probed, per row (`ix_dossier_steps_visible`,
 * index-only); the rest is read from the covering indexes. `OFFSET 0` keeps the probe per row:
 * without it PostgreSQL hashes every dossier id with a step at the agency first — hundreds of
 * thousands at a busy department. The scope's agencies and procedures are read once (init plans).
 */
const SCOPE_SQL = `(d.receiving_agency_id IN (SELECT sa.id FROM agencies sa WHERE sa.path LIKE :scopePath)
  OR d.competent_agency_id IN (SELECT sa.id FROM agencies sa WHERE sa.path LIKE :scopePath)
  OR (d.procedure_id IN (SELECT ps.procedure_id FROM procedure_steps ps JOIN agencies pa ON pa.id = ps.agency_id
                          WHERE ps.actor = 'FIXED' AND pa.path LIKE :scopePath)
      AND EXISTS (SELECT 1 FROM dossier_steps rs
                   WHERE rs.dossier_id = d.id AND rs.sent_at IS NOT NULL
                     AND rs.agency_id = ANY (ARRAY(SELECT ra.id FROM agencies ra WHERE ra.path LIKE :scopePath)) OFFSET 0)))`;

/** Offset of Vietnamese local dates, for "received on date X" filters. */
const LOCAL_TZ = 'Asia/Ho_Chi_Minh';

@Injectable()
export class DossiersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A dossier is visible when it was received by, or is handled by, an agency in the caller's
   * scope, or was routed to one (a consulted agency keeps read access once its step opened).
   */
  private scoped(principal: Principal, manager: EntityManager = this.dataSource.manager) {
    return manager
      .createQueryBuilder(Dossier, 'd')
      .innerJoin(Procedure, 'p', 'p.id = d.procedure_id')
      .addSelect('p.name', 'procedure_name')
      .addSelect('p.code', 'procedure_code')
      .andWhere(SCOPE_SQL, { scopePath: `${escapeLike(principal.agencyPath)}%` });
  }

  async findByCodeInScope(principal: Principal, code: string, manager?: EntityManager, lock = false): Promise<DossierRow | undefined> {
    const query = this.scoped(principal, manager).andWhere('d.code = :code', { code });
    if (lock) query.setLock('pessimistic_write', undefined, ['d']);
    return toRows(await query.getRawAndEntities())[0];
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<DossierRow | undefined> {
    const result = await manager
      .createQueryBuilder(Dossier, 'd')
      .innerJoin(Procedure, 'p', 'p.id = d.procedure_id')
      .addSelect('p.name', 'procedure_name')
      .addSelect('p.code', 'procedure_code')
      .where('d.id = :id', { id })
      .getRawAndEntities();
    return toRows(result)[0];
  }

  /**
   * Newest first, keyset on (created_at, id); or `sort=due`: open dossiers, nearest due time first,
   * keyset on (due_at, id). Every filter is backed by a column the query can use.
   */
  async findPage(
    principal: Principal,
    f: ListDossiersQuery,
    limit: number,
    now: Date,
  ): Promise<{ rows: DossierRow[]; nextCursor: string | null }> {
    // Two phases: the page's ids from the covering indexes of open dossiers (scope and filters read
    // from the index, no heap page per candidate), then only those rows with their procedure.
    const ids = this.filtered(principal, f).select('d.id');
    if (f.status?.length) ids.andWhere('d.status IN (:...statuses)', { statuses: f.status });
    if (f.timeliness) ids.andWhere(TIMELINESS_SQL[f.timeliness], { now, timeliness: f.timeliness });
    const byDue = f.sort === 'due';
    if (byDue) ids.andWhere('d.finished_at IS NULL AND d.due_at IS NOT NULL');
    if (f.cursor) {
      const [kind, at, id] = decodeCursor(f.cursor, 3);
      if (kind !== (byDue ? 'due' : 'new')) throw cursorMismatch();
      if (byDue) ids.andWhere('(d.due_at, d.id) > (:at, :id)', { at: new Date(at), id });
      else ids.andWhere('(d.created_at, d.id) < (:at, :id)', { at: new Date(at), id });
    }
    const order = byDue ? 'd.due_at ASC, d.id ASC' : 'd.created_at DESC, d.id DESC';
    if (byDue) ids.orderBy('d.due_at', 'ASC').addOrderBy('d.id', 'ASC');
    else ids.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC');
    const [idSql, params] = ids.limit(limit + 1).getQueryAndParameters();
    // Only what a list row shows: the full row (applicant and documents JSON) and entity building
    // were most of a page's cost at a million dossiers.
    const columns = Object.entries(SUMMARY_COLUMNS).map(([property, column]) => `d.${column} AS "${property}"`);
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${columns.join(', ')}, p.name AS procedure_name, p.code AS procedure_code
         FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
        WHERE d.id IN (${idSql})
        ORDER BY ${order}`,
      params,
    );
    const found: DossierRow[] = raw.map((r) => ({
      dossier: Object.assign(new Dossier(), Object.fromEntries(Object.keys(SUMMARY_COLUMNS).map((k) => [k, r[k]]))),
      procedureName: r['procedure_name'] as string,
      procedureCode: r['procedure_code'] as string,
    }));
    const rows = found.slice(0, limit);
    const last = rows[rows.length - 1]?.dossier;
    if (found.length <= limit || !last) return { rows, nextCursor: null };
    const key = byDue ? (last.dueAt as Date) : last.createdAt;
    return { rows, nextCursor: encodeCursor([byDue ? 'due' : 'new', key.toISOString(), last.id]) };
  }

  /**
   * How many dossiers wait in each work-list bucket, counting at most `cap` rows per bucket (an
   * index range each), never a COUNT(*) over the whole table.
   */
  async countBuckets(principal: Principal, f: DossierCountsQuery, cap: number, now: Date): Promise<DossierCount[]> {
    return Promise.all(
      COUNT_BUCKETS.map(async (bucket) => {
        const sub = this.filtered(principal, f)
          .select('1')
          .limit(cap + 1);
        if (bucket === 'DUE_SOON' || bucket === 'OVERDUE') sub.andWhere(TIMELINESS_SQL[bucket], { now });
        else sub.andWhere('d.status = :bucket', { bucket });
        const [sql, params] = sub.getQueryAndParameters();
        const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) capped`, params);
        return { bucket, count: Math.min(n, cap), more: n > cap };
      }),
    );
  }

  /** The caller's scope and the filters shared by the list and the counts. */
  private filtered(principal: Principal, f: DossierCountsQuery) {
    // No procedure join unless a filter needs it: the id lookups stay on the dossiers' indexes.
    const query = this.dataSource.createQueryBuilder(Dossier, 'd').where(SCOPE_SQL, { scopePath: `${escapeLike(principal.agencyPath)}%` });
    if (f.procedureCode || f.field) query.innerJoin(Procedure, 'p', 'p.id = d.procedure_id');
    if (f.channel) query.andWhere('d.channel = :channel', { channel: f.channel });
    if (f.procedureCode) query.andWhere('p.code = :procedureCode', { procedureCode: f.procedureCode });
    if (f.field) query.andWhere('p.field = :field', { field: f.field });
    if (f.agencyId) {
      const under = (column: string) =>
        `${column} IN (SELECT s.id FROM agencies s WHERE s.path LIKE (SELECT a.path FROM agencies a WHERE a.id = :agencyId) || '%')`;
      const columns =
        f.agencyRole === 'receiving'
          ? [under('d.receiving_agency_id')]
          : f.agencyRole === 'competent'
            ? [under('d.competent_agency_id')]
            : [under('d.receiving_agency_id'), under('d.competent_agency_id')];
      query.andWhere(`(${columns.join(' OR ')})`, { agencyId: f.agencyId });
    }
    if (f.receivedFrom)
      query.andWhere(`d.received_at >= (:receivedFrom::date)::timestamp AT TIME ZONE '${LOCAL_TZ}'`, { receivedFrom: f.receivedFrom });
    if (f.receivedTo)
      query.andWhere(`d.received_at < ((:receivedTo::date + 1)::timestamp AT TIME ZONE '${LOCAL_TZ}')`, { receivedTo: f.receivedTo });
    if (f.dueBefore) query.andWhere('d.due_at < :dueBefore', { dueBefore: new Date(f.dueBefore) });
    if (f.q) query.andWhere('d.search_text LIKE :q', { q: `%${escapeLike(foldVietnamese(f.q))}%` });
    return query;
  }

  /** The published procedure, the receiving point and the competent agency (DOMAIN §2: any point may receive). */
  async intakeContext(
    manager: EntityManager,
    ref: { procedureId?: string; procedureCode?: string; agencyId?: string; agencyCode?: string },
  ): Promise<IntakeContext> {
    const [row] = await preparedManagerQuery<IntakeContext & Record<string, unknown>>(
      manager,
      `WITH p AS (SELECT * FROM procedures WHERE status = 'PUBLISHED' AND (id = $1 OR code = $2) LIMIT 1),
            r AS (SELECT * FROM agencies WHERE id = $3 OR code = $4 LIMIT 1),
            c AS (SELECT a.* FROM agencies a, p, r
                   WHERE (p.competent_agency_id IS NOT NULL AND a.id = p.competent_agency_id)
                      OR (p.competent_agency_id IS NULL AND a.level = p.level AND r.path LIKE a.path || '%')
                   ORDER BY length(a.path) DESC LIMIT 1)
       SELECT (SELECT json_build_object('id', p.id, 'code', p.code, 'name', p.name, 'level', p.level,
                 'processingAmount', p.processing_amount, 'processingUnit', p.processing_unit, 'documents', p.documents) FROM p) AS procedure,
              (SELECT ${AGENCY_JSON('r')} FROM r) AS receiving,
              (SELECT ${AGENCY_JSON('c')} FROM c) AS competent`,
      [
        ref.procedureId ?? null,
        ref.procedureId ? null : (ref.procedureCode ?? null),
        ref.agencyId ?? null,
        ref.agencyId ? null : (ref.agencyCode ?? null),
      ],
    );
    return { procedure: row.procedure, receiving: row.receiving, competent: row.competent };
  }

  /**
   * The new dossier, its first timeline rows and the rows that go with it (outbox event, applicant
   * link) in one statement: one round trip while the code counter is locked. Returns the event ids
   * in order.
   */
  async insertNew(manager: EntityManager, dossier: Dossier, events: DossierEvent[], extra: InsertStatement[]): Promise<string[]> {
    const d = insertRows(this.dataSource, Dossier, [dossier]);
    const e = insertRows(this.dataSource, DossierEvent, events, d.params.length + 1, 'id');
    const params = [...d.params, ...e.params];
    const parts = extra.map((statement, i) => {
      const sql = `x${i} AS (${renumberParams(statement.sql, params.length)})`;
      params.push(...statement.params);
      return sql;
    });
    const rows = await preparedManagerQuery<{ id: string }>(
      manager,
      `WITH d AS (${d.sql}), e AS (${e.sql})${parts.map((p) => `, ${p}`).join('')} SELECT id FROM e ORDER BY id`,
      params,
    );
    return rows.map((r) => String(r.id));
  }

  timeline(dossierId: string, manager: EntityManager = this.dataSource.manager): Promise<DossierEvent[]> {
    return manager.find(DossierEvent, { where: { dossierId }, order: { id: 'ASC' } });
  }

  /** Next sequence for an agency and local day, under the counter row's lock: unique and gap-free. */
  async nextSequence(manager: EntityManager, agencyId: string, localDate: string): Promise<{ sequence: number }> {
    const [row] = await preparedManagerQuery<{ last_seq: string }>(
      manager,
      `INSERT INTO dossier_code_counters (agency_id, day, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = dossier_code_counters.last_seq + 1
       RETURNING last_seq`,
      [agencyId, localDate],
    );
    return { sequence: Number(row.last_seq) };
  }

  /** An imported code takes its sequence out of the live allocation, so a later live code never collides. */
  async reserveImportedCode(manager: EntityManager, agencyId: string, code: string): Promise<void> {
    const parsed = parseDossierCode(code);
    if (!parsed) return;
    const day = `20${parsed.yymmdd.slice(0, 2)}-${parsed.yymmdd.slice(2, 4)}-${parsed.yymmdd.slice(4, 6)}`;
    await manager.query(
      `INSERT INTO dossier_code_counters (agency_id, day, last_seq) VALUES ($1, $2, $3)
       ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = GREATEST(dossier_code_counters.last_seq, EXCLUDED.last_seq)`,
      [agencyId, day, parsed.sequence],
    );
  }

  async findPublicView(code: string): Promise<PublicDossierView | undefined> {
    const [row] = await preparedQuery<PublicDossierView & Record<string, unknown>>(
      this.dataSource,
      `SELECT d.code, d.lookup_secret AS "lookupSecret", d.status, d.status_code AS "statusCode", d.applicant_name AS "applicantName",
              p.name AS "procedureName", r.name AS "receivingAgencyName", c.name AS "competentAgencyName",
              d.received_at AS "receivedAt", d.due_at AS "dueAt", d.apology_due_at AS "apologyDueAt", d.electronic_result AS "electronicResult"
         FROM dossiers d
         JOIN procedures p ON p.id = d.procedure_id
         JOIN agencies r ON r.id = d.receiving_agency_id
         JOIN agencies c ON c.id = d.competent_agency_id
        WHERE d.code = $1`,
      [code],
    );
    return row;
  }

  async findByCode(code: string): Promise<DossierRow | undefined> {
    const result = await this.dataSource.manager
      .createQueryBuilder(Dossier, 'd')
      .innerJoin(Procedure, 'p', 'p.id = d.procedure_id')
      .addSelect('p.name', 'procedure_name')
      .addSelect('p.code', 'procedure_code')
      .where('d.code = :code', { code })
      .getRawAndEntities();
    return toRows(result)[0];
  }
}

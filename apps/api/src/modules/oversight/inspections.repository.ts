import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { escapeLike } from '../../common/auth/agency-scope';
import { FINDING_CATEGORIES, type FindingCategory, type FindingVerdict } from './finding-categories';
import type { InspectionStatus } from './entities/inspection.entity';

/** An inspection with its agency, as the queries below return it. */
export interface InspectionRow {
  id: string;
  title: string;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  agencyPath: string;
  periodFrom: string;
  periodTo: string;
  procedureCode: string | null;
  sampleSize: number;
  seed: string;
  population: number;
  status: InspectionStatus;
  createdByName: string | null;
  createdAt: Date;
  drawnAt: Date;
  closedAt: Date | null;
  closedByName: string | null;
  version: number;
}

export interface SampleRow {
  position: number;
  dossierId: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  agencyId: string;
  agencyName: string;
  receivingAgencyName: string;
  receivedAt: Date;
  status: string;
  timeliness: string | null;
  verdict: FindingVerdict | null;
  category: FindingCategory | null;
  note: string | null;
  recordedAt: Date | null;
  recordedByName: string | null;
}

export type CountsRow = { inspectionId: string; sampled: number; reviewed: number; compliant: number; problem: number } & Record<
  FindingCategory,
  number
>;

const INSPECTION_COLUMNS = `i.id, i.title, i.agency_id AS "agencyId", a.code AS "agencyCode", a.name AS "agencyName", a.path AS "agencyPath",
  to_char(i.period_from, 'YYYY-MM-DD') AS "periodFrom", to_char(i.period_to, 'YYYY-MM-DD') AS "periodTo",
  i.procedure_code AS "procedureCode", i.sample_size AS "sampleSize", i.seed, i.population, i.status,
  i.created_by_name AS "createdByName", i.created_at AS "createdAt", i.drawn_at AS "drawnAt",
  i.closed_at AS "closedAt", i.closed_by_name AS "closedByName", i.version`;

/** Timeliness as users see it (as the dossier list shows it): final when finished, live while open. */
const LIVE_TIMELINESS = `CASE WHEN d.timeliness IS NOT NULL THEN d.timeliness
  WHEN d.finished_at IS NOT NULL OR d.due_at IS NULL THEN NULL
  WHEN now() > d.due_at THEN 'OVERDUE'
  WHEN d.due_soon_at IS NOT NULL AND now() >= d.due_soon_at THEN 'DUE_SOON'
  ELSE 'WITHIN' END`;

/** Queries of inspections and their samples; the rules live in `InspectionsService`. */
@Injectable()
export class InspectionsRepository {
  /** One inspection whose agency lies in the scope; `lock` takes its row for the rest of the transaction. */
  async findInScope(em: EntityManager, id: string, scopePath: string, lock = false): Promise<InspectionRow | undefined> {
    const [row] = await em.query(
      `SELECT ${INSPECTION_COLUMNS} FROM inspections i JOIN agencies a ON a.id = i.agency_id
        WHERE i.id = $1 AND a.path LIKE $2${lock ? ' FOR UPDATE OF i' : ''}`,
      [id, `${escapeLike(scopePath)}%`],
    );
    return row;
  }

  /** A page of the inspections in the scope, newest first (keyset on created_at, id). */
  async findPage(
    em: EntityManager,
    scopePath: string,
    filters: { status?: InspectionStatus; after?: [string, string] },
    limit: number,
  ): Promise<InspectionRow[]> {
    const params: unknown[] = [`${escapeLike(scopePath)}%`];
    let where = 'a.path LIKE $1';
    if (filters.status) where += ` AND i.status = $${params.push(filters.status)}`;
    if (filters.after) {
      const at = params.push(filters.after[0]);
      const id = params.push(filters.after[1]);
      where += ` AND (i.created_at, i.id) < ($${at}::timestamptz, $${id}::uuid)`;
    }
    return em.query(
      `SELECT ${INSPECTION_COLUMNS} FROM inspections i JOIN agencies a ON a.id = i.agency_id
        WHERE ${where} ORDER BY i.created_at DESC, i.id DESC LIMIT $${params.push(limit)}`,
      params,
    );
  }

  /**
   * Draws the sample: the dossiers received in [f, t) whose competent or receiving agency lies in the
   * subtree (optionally of one procedure), ordered by the hex md5(seed || ':' || id) in byte order (then
   * id) — deterministic and independent of the database's collation, so the same seed over the same
   * frame gives the same dossiers, and anyone can recompute it — and the first `size` kept in that order.
   */
  async draw(
    em: EntityManager,
    inspectionId: string,
    frame: { seed: string; f: Date; t: Date; scopePath: string; procedureCode: string | null; size: number },
  ): Promise<{ population: number; drawn: number }> {
    const [row] = await em.query(
      `WITH frame AS (
         SELECT d.id, md5($2 || ':' || d.id::text) COLLATE "C" AS k
           FROM dossiers d
          WHERE d.received_at >= $3 AND d.received_at < $4
            AND (d.competent_agency_id IN (SELECT sa.id FROM agencies sa WHERE sa.path LIKE $5)
                 OR d.receiving_agency_id IN (SELECT sa.id FROM agencies sa WHERE sa.path LIKE $5))
            AND ($6::text IS NULL OR d.procedure_id IN (SELECT p.id FROM procedures p WHERE p.code = $6))
       ), picked AS (
         INSERT INTO inspection_samples (inspection_id, dossier_id, position)
         SELECT $1, s.id, row_number() OVER (ORDER BY s.k, s.id)
           FROM (SELECT id, k FROM frame ORDER BY k, id LIMIT $7) s
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM frame)::int AS population, (SELECT count(*) FROM picked)::int AS drawn`,
      [inspectionId, frame.seed, frame.f, frame.t, `${escapeLike(frame.scopePath)}%`, frame.procedureCode, frame.size],
    );
    return row;
  }

  async deleteSample(em: EntityManager, inspectionId: string): Promise<void> {
    await em.query('DELETE FROM inspection_samples WHERE inspection_id = $1', [inspectionId]);
  }

  async hasFindings(em: EntityManager, inspectionId: string): Promise<boolean> {
    const [row] = await em.query('SELECT 1 FROM inspection_samples WHERE inspection_id = $1 AND verdict IS NOT NULL LIMIT 1', [
      inspectionId,
    ]);
    return Boolean(row);
  }

  async sampleOf(em: EntityManager, inspectionId: string, dossierId?: string): Promise<SampleRow[]> {
    const params: unknown[] = [inspectionId];
    const oneDossier = dossierId ? ` AND s.dossier_id = $${params.push(dossierId)}` : '';
    return em.query(
      `SELECT s.position, s.dossier_id AS "dossierId", d.code, p.code AS "procedureCode", p.name AS "procedureName",
              d.competent_agency_id AS "agencyId", ca.name AS "agencyName", ra.name AS "receivingAgencyName",
              d.received_at AS "receivedAt", d.status, ${LIVE_TIMELINESS} AS timeliness,
              s.verdict, s.category, s.note, s.recorded_at AS "recordedAt", s.recorded_by_name AS "recordedByName"
         FROM inspection_samples s
         JOIN dossiers d ON d.id = s.dossier_id
         JOIN procedures p ON p.id = d.procedure_id
         JOIN agencies ca ON ca.id = d.competent_agency_id
         JOIN agencies ra ON ra.id = d.receiving_agency_id
        WHERE s.inspection_id = $1${oneDossier}
        ORDER BY s.position`,
      params,
    );
  }

  /** Findings of one sampled dossier; false when the dossier is not in the sample. */
  async recordFinding(
    em: EntityManager,
    inspectionId: string,
    dossierId: string,
    finding: { verdict: FindingVerdict; category: FindingCategory | null; note: string | null; by: string | null; byName: string | null },
  ): Promise<{ verdict: FindingVerdict | null; category: FindingCategory | null; note: string | null } | undefined> {
    const [rows] = await em.query(
      `UPDATE inspection_samples s SET verdict = $3, category = $4, note = $5, recorded_at = now(), recorded_by = $6, recorded_by_name = $7
         FROM inspection_samples old
        WHERE s.inspection_id = $1 AND s.dossier_id = $2 AND old.inspection_id = s.inspection_id AND old.dossier_id = s.dossier_id
        RETURNING old.verdict, old.category, old.note`,
      [inspectionId, dossierId, finding.verdict, finding.category, finding.note, finding.by, finding.byName],
    );
    return rows?.[0];
  }

  /** Per inspection: sampled, reviewed, per verdict and per category — counted in SQL. */
  async countsOf(em: EntityManager, inspectionIds: string[]): Promise<Map<string, CountsRow>> {
    if (!inspectionIds.length) return new Map();
    const perCategory = FINDING_CATEGORIES.map((c) => `count(*) FILTER (WHERE category = '${c}')::int AS "${c}"`).join(', ');
    const rows: CountsRow[] = await em.query(
      `SELECT inspection_id AS "inspectionId", count(*)::int AS sampled, count(verdict)::int AS reviewed,
              count(*) FILTER (WHERE verdict = 'COMPLIANT')::int AS compliant, count(*) FILTER (WHERE verdict = 'PROBLEM')::int AS problem,
              ${perCategory}
         FROM inspection_samples WHERE inspection_id = ANY($1::uuid[]) GROUP BY inspection_id`,
      [inspectionIds],
    );
    return new Map(rows.map((r) => [r.inspectionId, r]));
  }
}

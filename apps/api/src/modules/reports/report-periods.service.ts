import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { ProblemException } from '../../common/problem/problem';
import { validationProblem } from '../../common/problem/validation';
import { AuditService } from '../audit/audit.service';
import { II06A_CELL_BITS, II06A_CELL_NAMES, type Ii06aCell } from './ii06a';
import { livePopulation, type ClosedPeriodRef, type Ii06aSource } from './ii06a-source';
import { REPORT_BASES } from './report-period.entity';
import { exactMonth, MONTH_PATTERN, monthBefore, monthPeriod } from './report-period';
import type { ClosedPeriod, ClosedPeriodList, PeriodVerification } from './reports.dto';

/** Snake-case column of a counter in `report_period_rows`. */
export const cellColumn = (cell: Ii06aCell) => cell.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Serialises closings (and the check that a month is still open) across API processes. */
const CLOSING_LOCK = 7_240_006;

/**
 * SHA-256 of a closed month, computed by the database from the stored rows so that anyone with read
 * access can repeat it: the UTF-8 bytes of one JSON array per line, joined by "\n", in this order
 * (byte order, COLLATE "C"): the header `["II.06a", month, from, to]`; each agency row
 * `["row", basis, agencyId, agencyCode, agencyName, agencyPath, <12 counters in II.06a order>]`
 * ordered by basis, agency code, agency id; each dossier
 * `["dossier", basis, dossierId, dossierCode, agencyId, procedureId, cells]` ordered by basis, code.
 */
export const SNAPSHOT_HASH_SQL = `
  SELECT encode(sha256(convert_to(string_agg(line, E'\\n' ORDER BY k COLLATE "C"), 'UTF8')), 'hex') AS sha256
    FROM (
      SELECT '0' AS k, json_build_array('II.06a', $1::text, $2::text, $3::text)::text AS line
      UNION ALL
      SELECT '1|' || basis || '|' || agency_code || '|' || agency_id,
             json_build_array('row', basis, agency_id, agency_code, agency_name, agency_path,
                              ${II06A_CELL_NAMES.map(cellColumn).join(', ')})::text
        FROM report_period_rows WHERE month = $1
      UNION ALL
      SELECT '2|' || basis || '|' || dossier_code,
             json_build_array('dossier', basis, dossier_id, dossier_code, agency_id, procedure_id, cells)::text
        FROM report_period_dossiers WHERE month = $1
    ) lines`;

const conflict = (code: string, detail: string) => new ProblemException({ status: 409, code, title: 'Conflict', detail });

interface PeriodRow {
  month: string;
  period_from: string;
  period_to: string;
  sha256: string;
  dossier_lines: number;
  closed_at: Date;
  closed_by_name: string | null;
}

const SELECT_PERIOD = `SELECT month, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to,
                              sha256, dossier_lines, closed_at, closed_by_name FROM report_periods`;

function toView(row: PeriodRow): ClosedPeriod {
  return {
    month: row.month,
    from: row.period_from,
    to: row.period_to,
    sha256: row.sha256,
    dossierLines: row.dossier_lines,
    closedAt: new Date(row.closed_at).toISOString(),
    closedByName: row.closed_by_name,
  };
}

/**
 * Period closing (issue 8): an administrator of the province freezes a finished month's II.06a —
 * every agency row under both bases, the dossiers behind every cell, and their hash — in
 * append-only tables. Later reports of that month read the snapshot; the next month carries its
 * in-process dossiers over (see `II06A_CARRIED_CELLS`).
 */
@Injectable()
export class ReportPeriodsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async close(actor: ActorContext, month: string): Promise<ClosedPeriod> {
    if (!MONTH_PATTERN.test(month)) throw validationProblem([{ field: 'month', rule: 'month', message: 'Tháng phải có dạng YYYY-MM' }]);
    const principal = principalOf(actor);
    // The snapshot covers the whole province: only an administrator at the root may take it.
    if (principal.agencyPath.split('/').filter(Boolean).length !== 1) {
      throw new ProblemException({
        status: 403,
        code: 'FORBIDDEN',
        title: 'Forbidden',
        detail: 'Chỉ quản trị viên cấp tỉnh mới khóa sổ kỳ báo cáo của toàn tỉnh.',
      });
    }
    const { from, to, t } = monthPeriod(month);
    if (t.getTime() > Date.now()) throw conflict('PERIOD_NOT_OVER', `Tháng ${month} chưa kết thúc, chưa thể khóa sổ.`);

    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CLOSING_LOCK]);
      const [closed] = await tx.query('SELECT 1 FROM report_periods WHERE month = $1', [month]);
      if (closed) throw conflict('PERIOD_CLOSED', `Tháng ${month} đã được khóa sổ.`);
      const previous = monthBefore({ from }) as string;
      const [carried] = await tx.query('SELECT month FROM report_periods WHERE month = $1', [previous]);

      // The same predicates as the live report at this instant (carrying the previous closed month over).
      for (const basis of REPORT_BASES) {
        const population = livePopulation(tx, { from, to, by: basis }, '/', { carriedFrom: carried?.month });
        const cells = II06A_CELL_NAMES.map((cell) => `(CASE WHEN ${population.cells[cell]} THEN ${II06A_CELL_BITS[cell]} ELSE 0 END)`);
        const [sql, params] = population.query
          .select(population.col.dossierId, 'dossier_id')
          .addSelect(population.col.dossierCode, 'dossier_code')
          .addSelect(population.col.agencyId, 'agency_id')
          .addSelect(population.col.procedureId, 'procedure_id')
          .addSelect(cells.join(' + '), 'cells')
          .getQueryAndParameters();
        await tx.query(
          `INSERT INTO report_period_dossiers (month, basis, dossier_id, dossier_code, agency_id, procedure_id, cells)
           SELECT $${params.length + 1}, $${params.length + 2}, x.dossier_id, x.dossier_code, x.agency_id, x.procedure_id, x.cells
             FROM (${sql}) x`,
          [...params, month, basis],
        );
      }
      // Rows are counted from the stored dossiers, so a number and its list of ids cannot disagree.
      await tx.query(
        `INSERT INTO report_period_rows (month, basis, agency_id, agency_code, agency_name, agency_path, ${II06A_CELL_NAMES.map(cellColumn).join(', ')})
         SELECT s.month, s.basis, a.id, a.code, a.name, a.path,
                ${II06A_CELL_NAMES.map((cell) => `count(*) FILTER (WHERE (s.cells & ${II06A_CELL_BITS[cell]}) <> 0)::int`).join(', ')}
           FROM report_period_dossiers s JOIN agencies a ON a.id = s.agency_id
          WHERE s.month = $1
          GROUP BY s.month, s.basis, a.id, a.code, a.name, a.path`,
        [month],
      );
      const sha256 = await this.hashOf(tx, month, from, to);
      const [{ lines }] = await tx.query('SELECT count(*)::int AS lines FROM report_period_dossiers WHERE month = $1', [month]);
      const [row] = await tx.query(
        `INSERT INTO report_periods (month, period_from, period_to, sha256, dossier_lines, closed_by, closed_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING closed_at`,
        [month, from, to, sha256, lines, principal.kind === 'user' ? principal.id : null, principal.name],
      );
      await this.audit.record(
        actor,
        {
          action: 'report.period.closed',
          targetType: 'report_period',
          targetId: month,
          after: { from, to, sha256, dossierLines: lines, carriedOverFrom: carried?.month ?? null },
        },
        tx,
      );
      return toView({
        month,
        period_from: from,
        period_to: to,
        sha256,
        dossier_lines: lines,
        closed_at: row.closed_at,
        closed_by_name: principal.name,
      });
    });
  }

  async list(actor: ActorContext): Promise<ClosedPeriodList> {
    const principal = principalOf(actor);
    if (!principal.permissions.has('reports:read') && !principal.permissions.has('reports:close')) {
      throw new ProblemException({
        status: 403,
        code: 'FORBIDDEN',
        title: 'Forbidden',
        detail: 'Requires the permission reports:read or reports:close',
      });
    }
    const rows: PeriodRow[] = await this.dataSource.query(`${SELECT_PERIOD} ORDER BY month DESC`);
    return { items: rows.map(toView) };
  }

  /** Recomputes a closed month's hash from its stored rows (the trigger stops edits; this detects any that got past it). */
  async verify(month: string): Promise<PeriodVerification> {
    if (!MONTH_PATTERN.test(month)) throw validationProblem([{ field: 'month', rule: 'month', message: 'Tháng phải có dạng YYYY-MM' }]);
    const [row]: PeriodRow[] = await this.dataSource.query(`${SELECT_PERIOD} WHERE month = $1`, [month]);
    if (!row) throw new ProblemException({ status: 404, code: 'NOT_FOUND', title: 'Not found', detail: `Tháng ${month} chưa khóa sổ.` });
    const recomputed = await this.hashOf(this.dataSource.manager, month, row.period_from, row.period_to);
    return { month, ok: recomputed === row.sha256, sha256: row.sha256, recomputed };
  }

  private async hashOf(em: EntityManager, month: string, from: string, to: string): Promise<string> {
    const [{ sha256 }] = await em.query(SNAPSHOT_HASH_SQL, [month, from, to]);
    return sha256;
  }

  /**
   * Where a report's numbers come from: a period that is exactly a closed month reads its snapshot;
   * one that starts the month after a closed month carries that month's in-process over; anything
   * else (or `live` asked for) counts the live dossiers.
   */
  async sourceOf(q: { from: string; to: string; source?: 'auto' | 'live' }): Promise<Ii06aSource> {
    if (q.source === 'live') return { kind: 'live' };
    const month = exactMonth(q);
    const previous = monthBefore(q);
    const wanted = [month, previous].filter((m): m is string => Boolean(m));
    if (!wanted.length) return { kind: 'live' };
    const rows: Array<{ month: string; sha256: string; closed_at: Date }> = await this.dataSource.query(
      'SELECT month, sha256, closed_at FROM report_periods WHERE month = ANY($1)',
      [wanted],
    );
    const ref = (m: string | null): ClosedPeriodRef | undefined => {
      const row = rows.find((r) => r.month === m);
      return row ? { month: row.month, sha256: row.sha256, closedAt: new Date(row.closed_at) } : undefined;
    };
    const snapshot = ref(month);
    if (snapshot) return { kind: 'snapshot', period: snapshot };
    const carried = ref(previous);
    return carried ? { kind: 'carried', from: carried } : { kind: 'live' };
  }
}

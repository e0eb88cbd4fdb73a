import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { escapeLike, isAgencyPathInScope } from '../../common/auth/agency-scope';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { ProblemException } from '../../common/problem/problem';
import { AuditService } from '../audit/audit.service';
import { II06A_CELL_NAMES } from './ii06a';
import { lateEntriesOfClosedMonth, populationOf, type ClosedPeriodRef, type Ii06aPopulation, type Ii06aSource } from './ii06a-source';
import { ReportPeriodsService } from './report-periods.service';
import type {
  Ii06aCounters,
  Ii06aDossierPage,
  Ii06aDrillQuery,
  Ii06aReport,
  Ii06aRow,
  PartiesServedReport,
  ProcedureReport,
  ProcedureReportRow,
  ReportPeriodQuery,
  SnapshotAwareQuery,
  SnapshotReference,
  SourcedReport,
} from './reports.dto';

import { periodBounds } from './report-period';

export { periodBounds };

function emptyCounters(): Ii06aCounters {
  return Object.fromEntries(II06A_CELL_NAMES.map((c) => [c, 0])) as unknown as Ii06aCounters;
}

function totalOf(rows: Ii06aCounters[]): Ii06aCounters {
  const total = emptyCounters();
  for (const row of rows) for (const cell of II06A_CELL_NAMES) total[cell] += row[cell];
  return total;
}

function countCells(population: Ii06aPopulation): void {
  for (const cell of II06A_CELL_NAMES) population.query.addSelect(`count(*) FILTER (WHERE ${population.cells[cell]})::int`, cell);
}

/** Reports counted in SQL over indexed columns, always inside the caller's agency subtree (DOMAIN §9). */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly periods: ReportPeriodsService,
  ) {}

  /** The agency subtree a report covers: the one asked for, if the caller's scope contains it. */
  async scopePath(actor: ActorContext, agencyId?: string): Promise<string> {
    const principal = principalOf(actor);
    if (!agencyId) return principal.agencyPath;
    const [agency] = await this.dataSource.query('SELECT path FROM agencies WHERE id = $1', [agencyId]);
    if (!agency || !isAgencyPathInScope(principal, agency.path)) {
      throw new ProblemException({
        status: 404,
        code: 'NOT_FOUND',
        title: 'Not found',
        detail: 'Không có cơ quan này trong phạm vi của bạn.',
      });
    }
    return agency.path;
  }

  /** The filters a report states (in its JSON and in every export). */
  filtersOf(q: ReportPeriodQuery & { source?: string }): Record<string, string> {
    return Object.fromEntries(
      Object.entries({
        agencyId: q.agencyId,
        procedureCode: q.procedureCode,
        field: q.field,
        by: q.by ?? 'competent',
        source: q.source === 'live' ? 'live' : undefined,
      }).filter(([, v]) => v),
    ) as Record<string, string>;
  }

  /** How a report says where its numbers come from, with the late entries it does not show as such. */
  private async sourceInfo(source: Ii06aSource, q: SnapshotAwareQuery, scopePath: string): Promise<SourcedReport> {
    const reference = (ref: ClosedPeriodRef, lateEntries: number): SnapshotReference => ({
      month: ref.month,
      sha256: ref.sha256,
      closedAt: ref.closedAt.toISOString(),
      lateEntries,
    });
    const count = async (population: Ii06aPopulation) => {
      const [{ n }] = await population.query
        .select('count(*)::int', 'n')
        .andWhere(population.lateEntries as string)
        .getRawMany();
      return n as number;
    };
    if (source.kind === 'snapshot') {
      const late = await count(lateEntriesOfClosedMonth(this.dataSource.manager, q, scopePath, source.period.month));
      return { source: 'snapshot', snapshot: reference(source.period, late) };
    }
    if (source.kind === 'carried') {
      const late = await count(populationOf(this.dataSource.manager, source, q, scopePath));
      return { source: 'live', carriedOverFrom: reference(source.from, late) };
    }
    return { source: 'live' };
  }

  async ii06a(actor: ActorContext, q: SnapshotAwareQuery): Promise<Ii06aReport> {
    const scopePath = await this.scopePath(actor, q.agencyId);
    const source = await this.periods.sourceOf(q);
    const population = populationOf(this.dataSource.manager, source, q, scopePath);
    const { col } = population;
    population.query.select(col.agencyId, 'agencyId').addSelect(col.agencyCode, 'agencyCode').addSelect(col.agencyName, 'agencyName');
    countCells(population);
    const rows: Ii06aRow[] = await population.query
      .groupBy(col.agencyId)
      .addGroupBy(col.agencyCode)
      .addGroupBy(col.agencyName)
      .orderBy(col.agencyCode)
      .getRawMany();
    const total = totalOf(rows);
    const filters = this.filtersOf(q);
    const sha256 = createHash('sha256')
      .update(JSON.stringify({ from: q.from, to: q.to, filters, rows, total }))
      .digest('hex');
    return {
      from: q.from.slice(0, 10),
      to: q.to.slice(0, 10),
      rows,
      total,
      generatedAt: new Date().toISOString(),
      filters,
      sha256,
      ...(await this.sourceInfo(source, q, scopePath)),
    };
  }

  /** II.06a per procedure (code, across its versions): the same population and predicates, so the rows sum to the II.06a total. */
  async byProcedure(actor: ActorContext, q: SnapshotAwareQuery): Promise<ProcedureReport> {
    const scopePath = await this.scopePath(actor, q.agencyId);
    const source = await this.periods.sourceOf(q);
    const population = populationOf(this.dataSource.manager, source, q, scopePath, { withProcedures: true });
    population.query
      .select('p.code', 'procedureCode')
      .addSelect('(array_agg(p.name ORDER BY p.version_no DESC))[1]', 'procedureName')
      .addSelect('(array_agg(p.field ORDER BY p.version_no DESC))[1]', 'field');
    countCells(population);
    const rows: ProcedureReportRow[] = await population.query.groupBy('p.code').orderBy('p.code').getRawMany();
    return {
      from: q.from.slice(0, 10),
      to: q.to.slice(0, 10),
      rows,
      total: totalOf(rows),
      filters: this.filtersOf(q),
      ...(await this.sourceInfo(source, q, scopePath)),
    };
  }

  /** The dossiers behind one number of II.06a: same source, same population, same predicate. */
  async ii06aDossiers(actor: ActorContext, q: Ii06aDrillQuery): Promise<Ii06aDossierPage> {
    const scopePath = await this.scopePath(actor, q.agencyId);
    const limit = Math.min(Math.max(Number(q.limit ?? 100) || 100, 1), 500);
    const source = await this.periods.sourceOf(q);
    let population: Ii06aPopulation;
    let predicate: string;
    if (q.cell === 'lateEntries') {
      population =
        source.kind === 'snapshot'
          ? lateEntriesOfClosedMonth(this.dataSource.manager, q, scopePath, source.period.month)
          : populationOf(this.dataSource.manager, source, q, scopePath);
      predicate = population.lateEntries ?? 'FALSE';
    } else {
      population = populationOf(this.dataSource.manager, source, q, scopePath);
      predicate = population.cells[q.cell];
    }
    const { query, col } = population;
    query.select(col.dossierCode, 'code').andWhere(predicate);
    if (q.rowAgencyId) query.andWhere(`${col.agencyId} = :rowAgencyId`, { rowAgencyId: q.rowAgencyId });
    if (q.cursor) query.andWhere(`${col.dossierCode} > :after`, { after: decodeCursor(q.cursor, 1)[0] });
    const rows: Array<{ code: string }> = await query
      .orderBy(col.dossierCode)
      .limit(limit + 1)
      .getRawMany();
    const items = rows.slice(0, limit).map((r) => r.code);
    return { items, nextCursor: rows.length > limit ? encodeCursor([items[items.length - 1]]) : null };
  }

  /**
   * How many persons and organisations each agency served in a period (issue 7: the registry's
   * records feed the reports): distinct owners of the dossiers accepted in the period.
   */
  async partiesServed(actor: ActorContext, q: ReportPeriodQuery): Promise<PartiesServedReport> {
    const scopePath = await this.scopePath(actor, q.agencyId);
    const { f, t } = periodBounds(q);
    const column = q.by === 'receiving' ? 'd.receiving_agency_id' : 'd.competent_agency_id';
    const params: unknown[] = [f, t, `${escapeLike(scopePath)}%`];
    let filters = '';
    if (q.procedureCode || q.field) filters += ' AND EXISTS (SELECT 1 FROM procedures p WHERE p.id = d.procedure_id';
    if (q.procedureCode) filters += ` AND p.code = $${params.push(q.procedureCode)}`;
    if (q.field) filters += ` AND p.field = $${params.push(q.field)}`;
    if (q.procedureCode || q.field) filters += ')';
    const served = `SELECT a.id AS agency_id, a.code, a.name, dp.party_id, pt.type, d.id AS dossier_id
                      FROM dossiers d JOIN agencies a ON a.id = ${column}
                      JOIN dossier_parties dp ON dp.dossier_id = d.id AND dp.role = 'OWNER'
                      JOIN parties pt ON pt.id = dp.party_id
                     WHERE d.received_at >= $1 AND d.received_at < $2 AND a.path LIKE $3${filters}`;
    const [rows, [totals]] = await Promise.all([
      this.dataSource.query(
        `SELECT agency_id AS "agencyId", code AS "agencyCode", name AS "agencyName", count(DISTINCT party_id)::int AS parties,
                count(DISTINCT party_id) FILTER (WHERE type = 'INDIVIDUAL')::int AS individuals, count(DISTINCT dossier_id)::int AS dossiers
           FROM (${served}) s GROUP BY agency_id, code, name ORDER BY code`,
        params,
      ),
      this.dataSource.query(
        `SELECT count(DISTINCT party_id)::int AS parties, count(DISTINCT dossier_id)::int AS dossiers FROM (${served}) s`,
        params,
      ),
    ]);
    return { from: q.from.slice(0, 10), to: q.to.slice(0, 10), rows, totalParties: totals.parties, totalDossiers: totals.dossiers };
  }

  /** Every export is audited with the hash of what it carried. */
  async recordExport(actor: ActorContext, report: string, format: string, filters: Record<string, unknown>, sha256: string): Promise<void> {
    await this.audit.record(actor, {
      action: 'report.exported',
      targetType: 'report',
      targetId: report,
      after: { format, ...filters, sha256 },
    });
  }
}

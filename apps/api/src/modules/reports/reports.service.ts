import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { escapeLike, isAgencyPathInScope } from '../../common/auth/agency-scope';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { ProblemException } from '../../common/problem/problem';
import { validationProblem } from '../../common/problem/validation';
import { AuditService } from '../audit/audit.service';
import { II06A_CELL_NAMES, II06A_CELLS, II06A_POPULATION } from './ii06a';
import type { Ii06aCounters, Ii06aDossierPage, Ii06aDrillQuery, Ii06aReport, Ii06aRow, ReportPeriodQuery } from './reports.dto';

const MAX_PERIOD_DAYS = 5 * 366;
const DAY_MS = 86_400_000;

/** Local (UTC+7, no daylight saving) day bounds of a period: [start of from, start of the day after to). */
export function periodBounds(q: Pick<ReportPeriodQuery, 'from' | 'to'>): { f: Date; t: Date } {
  const f = new Date(`${q.from.slice(0, 10)}T00:00:00+07:00`);
  const t = new Date(new Date(`${q.to.slice(0, 10)}T00:00:00+07:00`).getTime() + DAY_MS);
  if (Number.isNaN(f.getTime()) || Number.isNaN(t.getTime()))
    throw validationProblem([{ field: 'from', rule: 'date', message: 'Ngày không hợp lệ' }]);
  if (f >= t) throw validationProblem([{ field: 'from', rule: 'notAfterTo', message: 'from phải không sau to' }]);
  if ((t.getTime() - f.getTime()) / DAY_MS > MAX_PERIOD_DAYS) {
    throw validationProblem([{ field: 'to', rule: 'maxPeriod', message: 'Kỳ báo cáo tối đa 5 năm' }]);
  }
  return { f, t };
}

function emptyCounters(): Ii06aCounters {
  return Object.fromEntries(II06A_CELL_NAMES.map((c) => [c, 0])) as unknown as Ii06aCounters;
}

/** Reports counted in SQL over indexed columns, always inside the caller's agency subtree (DOMAIN §9). */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
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

  /** The population of a period, joined to the agency it is counted under, with the filters. */
  private population(q: ReportPeriodQuery, scopePath: string): SelectQueryBuilder<object> {
    const { f, t } = periodBounds(q);
    const column = q.by === 'receiving' ? 'd.receiving_agency_id' : 'd.competent_agency_id';
    const query = this.dataSource
      .createQueryBuilder()
      .from('dossiers', 'd')
      .innerJoin('agencies', 'a', `a.id = ${column}`)
      .where(II06A_POPULATION, { f, t })
      .andWhere('a.path LIKE :scope', { scope: `${escapeLike(scopePath)}%` });
    if (q.procedureCode || q.field) {
      query.innerJoin('procedures', 'p', 'p.id = d.procedure_id');
      if (q.procedureCode) query.andWhere('p.code = :procedureCode', { procedureCode: q.procedureCode });
      if (q.field) query.andWhere('p.field = :field', { field: q.field });
    }
    return query;
  }

  async ii06a(actor: ActorContext, q: ReportPeriodQuery): Promise<Ii06aReport> {
    const scopePath = await this.scopePath(actor, q.agencyId);
    const query = this.population(q, scopePath).select(['a.id AS "agencyId"', 'a.code AS "agencyCode"', 'a.name AS "agencyName"']);
    for (const cell of II06A_CELL_NAMES) query.addSelect(`count(*) FILTER (WHERE ${II06A_CELLS[cell]})::int`, cell);
    const raw: Ii06aRow[] = await query.groupBy('a.id').addGroupBy('a.code').addGroupBy('a.name').orderBy('a.code').getRawMany();
    const total = emptyCounters();
    for (const row of raw) for (const cell of II06A_CELL_NAMES) total[cell] += row[cell];
    const filters = Object.fromEntries(
      Object.entries({ agencyId: q.agencyId, procedureCode: q.procedureCode, field: q.field, by: q.by ?? 'competent' }).filter(
        ([, v]) => v,
      ),
    ) as Record<string, string>;
    const sha256 = createHash('sha256')
      .update(JSON.stringify({ from: q.from, to: q.to, filters, rows: raw, total }))
      .digest('hex');
    return { from: q.from.slice(0, 10), to: q.to.slice(0, 10), rows: raw, total, generatedAt: new Date().toISOString(), filters, sha256 };
  }

  /** The dossiers behind one number of II.06a: same population, same predicate. */
  async ii06aDossiers(actor: ActorContext, q: Ii06aDrillQuery): Promise<Ii06aDossierPage> {
    const scopePath = await this.scopePath(actor, q.agencyId);
    const limit = Math.min(Math.max(Number(q.limit ?? 100) || 100, 1), 500);
    const query = this.population(q, scopePath).select('d.code', 'code').andWhere(II06A_CELLS[q.cell], {});
    if (q.rowAgencyId) query.andWhere('a.id = :rowAgencyId', { rowAgencyId: q.rowAgencyId });
    if (q.cursor) query.andWhere('d.code > :after', { after: decodeCursor(q.cursor, 1)[0] });
    const rows: Array<{ code: string }> = await query
      .orderBy('d.code')
      .limit(limit + 1)
      .getRawMany();
    const items = rows.slice(0, limit).map((r) => r.code);
    return { items, nextCursor: rows.length > limit ? encodeCursor([items[items.length - 1]]) : null };
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

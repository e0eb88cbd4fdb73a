import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorContext } from '../../common/auth/actor';
import { escapeLike } from '../../common/auth/agency-scope';
import { validationProblem } from '../../common/problem/validation';
import { bucketsOf, defaultGranularity, MAX_DASHBOARD_BUCKETS, type DashboardGranularity } from './dashboard.buckets';
import type { Dashboard, DashboardAgencyRow, DashboardBucket, DashboardOpenCounts, DashboardQuery } from './dashboard.dto';
import { II06A_CELL_NAMES, II06A_CELLS } from './ii06a';
import { livePopulation } from './ii06a-source';
import { INDICATORS_766, score766 } from './indicators-766';
import { IndicatorsService } from './indicators.service';
import { periodBounds } from './report-period';
import { RatingsService } from './ratings.service';
import type { Ii06aCounters, Ii06aRow, IndicatorRow, ReportPeriodQuery } from './reports.dto';
import { ReportsService } from './reports.service';

const LOCAL_TZ = 'Asia/Ho_Chi_Minh';

interface AgencyRef {
  id: string;
  code: string;
  name: string;
  path: string;
}

const zeroCounters = (): Ii06aCounters => Object.fromEntries(II06A_CELL_NAMES.map((c) => [c, 0])) as unknown as Ii06aCounters;

/**
 * The admin's home for leaders and auditors (issue 8 §7). Every figure comes from the report that
 * defines it, for the same filters, so the dashboard and the reports cannot disagree: the totals and
 * agency rows are II.06a's (rolled up to the direct children), the rates the Decision 766 report's,
 * the satisfaction the satisfaction report's. Only the series and the open counts have queries of
 * their own, over the same II.06a predicates (series) and the work list's (open counts).
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly indicators: IndicatorsService,
    private readonly ratings: RatingsService,
  ) {}

  async dashboard(actor: ActorContext, q: DashboardQuery): Promise<Dashboard> {
    periodBounds(q); // from after to, over 5 years → 400 before anything runs
    const from = q.from.slice(0, 10);
    const to = q.to.slice(0, 10);
    const granularity = q.granularity ?? defaultGranularity(from, to);
    const buckets = bucketsOf(from, to, granularity);
    if (buckets.length > MAX_DASHBOARD_BUCKETS) {
      throw validationProblem([
        {
          field: 'granularity',
          rule: 'maxBuckets',
          message: `Kỳ này có hơn ${MAX_DASHBOARD_BUCKETS} mốc theo ${granularity}; chọn đơn vị thời gian lớn hơn`,
        },
      ]);
    }
    const scopePath = await this.reports.scopePath(actor, q.agencyId);
    const filters: ReportPeriodQuery = { from, to, agencyId: q.agencyId, procedureCode: q.procedureCode, field: q.field, by: q.by };

    const [ii06a, indicators, satisfaction, series, open, [root]] = await Promise.all([
      this.reports.ii06a(actor, filters),
      this.indicators.indicators(actor, filters),
      this.ratings.satisfaction(actor, filters),
      this.series(filters, scopePath, granularity, buckets),
      this.openCounts(filters, scopePath),
      this.dataSource.query('SELECT id, code, name, path FROM agencies WHERE path = $1', [scopePath]) as Promise<AgencyRef[]>,
    ]);

    return {
      from,
      to,
      granularity,
      agency: { id: root.id, code: root.code, name: root.name },
      filters: this.reports.filtersOf(filters),
      series,
      totals: ii06a.total,
      source: ii06a.source,
      ...(ii06a.snapshot ? { snapshot: ii06a.snapshot } : {}),
      agencies: await this.agencyRows(root, ii06a.rows, indicators.rows),
      open,
      online: indicators.total.indicators.online,
      satisfaction: satisfaction.total,
      indicators: indicators.total,
    };
  }

  /** Received and resolved per bucket: the II.06a predicates, grouped by the local day of the event. */
  private async series(
    q: ReportPeriodQuery,
    scopePath: string,
    granularity: DashboardGranularity,
    buckets: Array<{ key: string; from: string; to: string }>,
  ): Promise<DashboardBucket[]> {
    const bucketOf = (column: string) => `to_char(date_trunc('${granularity}', ${column} AT TIME ZONE '${LOCAL_TZ}'), 'YYYY-MM-DD')`;
    const received = livePopulation(this.dataSource.manager, q, scopePath);
    received.query
      .select(bucketOf('d.received_at'), 'bucket')
      .addSelect(`count(*) FILTER (WHERE ${II06A_CELLS.receivedOnline})::int`, 'online')
      .addSelect(`count(*) FILTER (WHERE ${II06A_CELLS.receivedDirect})::int`, 'direct')
      .andWhere('d.received_at >= :f')
      .groupBy('1');
    const resolved = livePopulation(this.dataSource.manager, q, scopePath);
    resolved.query
      .select(bucketOf('d.finished_at'), 'bucket')
      .addSelect(`count(*) FILTER (WHERE ${II06A_CELLS.resolvedTotal})::int`, 'resolved')
      .addSelect(`count(*) FILTER (WHERE (${II06A_CELLS.resolvedEarly}) OR (${II06A_CELLS.resolvedOnTime}))::int`, 'onTime')
      .addSelect(`count(*) FILTER (WHERE ${II06A_CELLS.resolvedLate})::int`, 'late')
      .andWhere('d.finished_at >= :f AND d.finished_at < :t')
      .groupBy('1');
    const [receivedRows, resolvedRows] = await Promise.all([
      received.query.getRawMany<{ bucket: string; online: number; direct: number }>(),
      resolved.query.getRawMany<{ bucket: string; resolved: number; onTime: number; late: number }>(),
    ]);
    const receivedBy = new Map(receivedRows.map((r) => [r.bucket, r]));
    const resolvedBy = new Map(resolvedRows.map((r) => [r.bucket, r]));
    return buckets.map(({ key, from, to }) => {
      const r = receivedBy.get(key);
      const s = resolvedBy.get(key);
      return {
        from,
        to,
        received: (r?.online ?? 0) + (r?.direct ?? 0),
        receivedOnline: r?.online ?? 0,
        resolved: s?.resolved ?? 0,
        resolvedOnTime: s?.onTime ?? 0,
        resolvedLate: s?.late ?? 0,
      };
    });
  }

  /** Open dossiers overdue or due soon right now, with the work list's predicates, under the report's basis. */
  private async openCounts(q: ReportPeriodQuery, scopePath: string): Promise<DashboardOpenCounts> {
    const now = new Date();
    const column = q.by === 'receiving' ? 'd.receiving_agency_id' : 'd.competent_agency_id';
    const query = this.dataSource
      .createQueryBuilder()
      .from('dossiers', 'd')
      .innerJoin('agencies', 'a', `a.id = ${column}`)
      .select('count(*) FILTER (WHERE d.due_at < :now)::int', 'overdue')
      .addSelect('count(*) FILTER (WHERE d.due_soon_at <= :now AND d.due_at >= :now)::int', 'dueSoon')
      .where('d.finished_at IS NULL AND d.received_at IS NOT NULL', { now })
      .andWhere('a.path LIKE :scope', { scope: `${escapeLike(scopePath)}%` });
    if (q.procedureCode || q.field) {
      query.innerJoin('procedures', 'p', 'p.id = d.procedure_id');
      if (q.procedureCode) query.andWhere('p.code = :procedureCode', { procedureCode: q.procedureCode });
      if (q.field) query.andWhere('p.field = :field', { field: q.field });
    }
    const { overdue, dueSoon } = (await query.getRawOne<{ overdue: number; dueSoon: number }>()) ?? { overdue: 0, dueSoon: 0 };
    return { asOf: now.toISOString(), overdue, dueSoon };
  }

  /**
   * II.06a rows and 766 on-time counts rolled up to the direct children of the selected agency (a
   * child's row holds its whole subtree), plus the agency's own dossiers. Rows with nothing to
   * count are left out.
   */
  private async agencyRows(root: AgencyRef, ii06aRows: Ii06aRow[], indicatorRows: IndicatorRow[]): Promise<DashboardAgencyRow[]> {
    const children: AgencyRef[] = await this.dataSource.query(
      'SELECT id, code, name, path FROM agencies WHERE parent_id = $1 ORDER BY code',
      [root.id],
    );
    const ids = [...new Set([...ii06aRows.map((r) => r.agencyId), ...indicatorRows.map((r) => r.agencyId as string)])];
    const paths = new Map<string, string>(
      ids.length
        ? (await this.dataSource.query('SELECT id, path FROM agencies WHERE id = ANY($1)', [ids])).map((a: AgencyRef) => [a.id, a.path])
        : [],
    );
    const groups = [{ agency: root, self: true }, ...children.map((agency) => ({ agency, self: false }))];
    const groupOf = (agencyId: string) => {
      if (agencyId === root.id) return groups[0];
      const path = paths.get(agencyId) ?? '';
      return groups.find((g) => !g.self && path.startsWith(g.agency.path));
    };
    const sums = new Map(groups.map((g) => [g, { counters: zeroCounters(), numerator: 0, denominator: 0 }]));
    for (const row of ii06aRows) {
      const group = groupOf(row.agencyId);
      if (!group) continue;
      const sum = sums.get(group) as { counters: Ii06aCounters };
      for (const cell of II06A_CELL_NAMES) sum.counters[cell] += row[cell];
    }
    for (const row of indicatorRows) {
      const group = groupOf(row.agencyId as string);
      if (!group) continue;
      const sum = sums.get(group) as { numerator: number; denominator: number };
      sum.numerator += row.indicators.onTime.numerator;
      sum.denominator += row.indicators.onTime.denominator;
    }
    const definition = INDICATORS_766.onTime;
    return groups
      .map((group) => ({ group, sum: sums.get(group) as { counters: Ii06aCounters; numerator: number; denominator: number } }))
      .filter(({ sum }) => sum.counters.receivedTotal > 0 || sum.denominator > 0)
      .map(({ group, sum }) => ({
        agencyId: group.agency.id,
        agencyCode: group.agency.code,
        agencyName: group.agency.name,
        self: group.self,
        ...sum.counters,
        onTime: {
          id: definition.id,
          name: definition.name,
          numerator: sum.numerator,
          denominator: sum.denominator,
          target: definition.target,
          pmax: definition.pmax,
          ...score766(sum.numerator, sum.denominator, definition),
        },
      }));
  }
}

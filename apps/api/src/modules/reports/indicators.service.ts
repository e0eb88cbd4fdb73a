import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorContext } from '../../common/auth/actor';
import { II06A_CELLS } from './ii06a';
import { livePopulation } from './ii06a-source';
import { INDICATOR_766_NAMES, INDICATOR_766_NOTES, INDICATORS_766, score766, type Indicator766 } from './indicators-766';
import type { IndicatorRow, IndicatorsReport, Indicators766, ReportPeriodQuery } from './reports.dto';
import { ReportsService } from './reports.service';

const RECEIVED_IN_PERIOD = 'd.received_at >= :f';
/** Judged for timeliness in the period: resolved in it, or still in process at its end (766 2.1). */
const JUDGED = `((${II06A_CELLS.resolvedTotal}) OR (${II06A_CELLS.inProcessTotal}))`;
const ON_TIME = `((${II06A_CELLS.resolvedEarly}) OR (${II06A_CELLS.resolvedOnTime}) OR (${II06A_CELLS.inProcessWithin}))`;
const OVERDUE = `((${II06A_CELLS.resolvedLate}) OR (${II06A_CELLS.inProcessOverdue}))`;
const HAS_PAYMENT = `(d.paid_online OR EXISTS (SELECT 1 FROM dossier_events pe WHERE pe.dossier_id = d.id AND pe.action = 'confirm-payment'))`;
const RESULT_IN_PERIOD = `d.finished_at >= :f AND d.finished_at < :t AND d.outcome = 'POSITIVE' AND p.electronic_result_allowed`;
const HAS_DOCUMENT = `EXISTS (SELECT 1 FROM dossier_attachments da WHERE da.dossier_id = d.id AND da.kind = 'DOCUMENT')`;

/**
 * Numerator and denominator of each indicator as FILTER predicates over the II.06a population of
 * the period (every dossier any of them counts is in it), so one grouped query counts them all.
 * Complaints (PAKN) are not recorded yet, so satisfaction = judged − overdue − 0 complaints.
 */
const COUNTS: Record<Indicator766, { numerator: string; denominator: string }> = {
  onTime: { numerator: ON_TIME, denominator: JUDGED },
  online: { numerator: `${RECEIVED_IN_PERIOD} AND d.channel = 'ONLINE'`, denominator: RECEIVED_IN_PERIOD },
  onlinePayment: { numerator: `${RECEIVED_IN_PERIOD} AND d.paid_online`, denominator: `${RECEIVED_IN_PERIOD} AND ${HAS_PAYMENT}` },
  electronicResult: { numerator: `${RESULT_IN_PERIOD} AND d.electronic_result`, denominator: RESULT_IN_PERIOD },
  digitisation: { numerator: `${RECEIVED_IN_PERIOD} AND ${HAS_DOCUMENT}`, denominator: RECEIVED_IN_PERIOD },
  // COALESCE: the cell predicates are NULL (not false) on an open dossier's finish columns.
  satisfaction: { numerator: `${JUDGED} AND NOT COALESCE(${OVERDUE}, false)`, denominator: JUDGED },
};

type Counts = Record<string, number>;

function rowOf(agency: { agencyId: string | null; agencyCode: string; agencyName: string }, counts: Counts): IndicatorRow {
  let score = 0;
  let maxScore = 0;
  const indicators = Object.fromEntries(
    INDICATOR_766_NAMES.map((name) => {
      const definition = INDICATORS_766[name];
      const numerator = counts[`${name}N`];
      const denominator = counts[`${name}D`];
      const value = score766(numerator, denominator, definition);
      if (value.score !== null) {
        score += value.score;
        maxScore += definition.pmax;
      }
      return [
        name,
        { id: definition.id, name: definition.name, numerator, denominator, target: definition.target, pmax: definition.pmax, ...value },
      ];
    }),
  ) as unknown as Indicators766;
  return { ...agency, indicators, score: Math.round(score * 100) / 100, maxScore };
}

/** Decision 766 indicators per agency and in total, in the caller's scope, counted in SQL (DOMAIN §9). */
@Injectable()
export class IndicatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
  ) {}

  async indicators(actor: ActorContext, q: ReportPeriodQuery): Promise<IndicatorsReport> {
    const scopePath = await this.reports.scopePath(actor, q.agencyId);
    const population = livePopulation(this.dataSource.manager, q, scopePath, { withProcedures: true });
    const query = population.query
      .select(population.col.agencyId, 'agencyId')
      .addSelect(population.col.agencyCode, 'agencyCode')
      .addSelect(population.col.agencyName, 'agencyName');
    for (const name of INDICATOR_766_NAMES) {
      query.addSelect(`count(*) FILTER (WHERE ${COUNTS[name].numerator})::int`, `${name}N`);
      query.addSelect(`count(*) FILTER (WHERE ${COUNTS[name].denominator})::int`, `${name}D`);
    }
    const raw: Array<Counts & { agencyId: string; agencyCode: string; agencyName: string }> = await query
      .groupBy(population.col.agencyId)
      .addGroupBy(population.col.agencyCode)
      .addGroupBy(population.col.agencyName)
      .orderBy(population.col.agencyCode)
      .getRawMany();
    const totals: Counts = {};
    for (const row of raw)
      for (const name of INDICATOR_766_NAMES)
        for (const part of ['N', 'D']) totals[`${name}${part}`] = (totals[`${name}${part}`] ?? 0) + row[`${name}${part}`];
    for (const name of INDICATOR_766_NAMES) for (const part of ['N', 'D']) totals[`${name}${part}`] ??= 0;
    return {
      from: q.from.slice(0, 10),
      to: q.to.slice(0, 10),
      rows: raw.map((r) => rowOf({ agencyId: r.agencyId, agencyCode: r.agencyCode, agencyName: r.agencyName }, r)),
      total: rowOf({ agencyId: null, agencyCode: '', agencyName: 'Tổng cộng' }, totals),
      filters: this.reports.filtersOf(q),
      notes: [...INDICATOR_766_NOTES],
    };
  }
}

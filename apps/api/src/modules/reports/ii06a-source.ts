import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { escapeLike } from '../../common/auth/agency-scope';
import {
  II06A_CARRIED_CELLS,
  II06A_CELL_BITS,
  II06A_CELL_NAMES,
  II06A_CELLS,
  II06A_POPULATION,
  LATE_ENTRIES_CARRIED,
  type Ii06aCell,
} from './ii06a';
import { periodBounds } from './report-period';

/** The filters every II.06a-shaped report takes (period, subtree, procedure, field, basis). */
export interface PopulationFilters {
  from: string;
  to: string;
  procedureCode?: string;
  field?: string;
  by?: 'competent' | 'receiving';
}

/** Where the numbers come from: the live dossiers, the live dossiers carrying a closed month over, or a closed month's snapshot. */
export type Ii06aSource = { kind: 'live' } | { kind: 'carried'; from: ClosedPeriodRef } | { kind: 'snapshot'; period: ClosedPeriodRef };

export interface ClosedPeriodRef {
  month: string;
  sha256: string;
  closedAt: Date;
}

/**
 * A population of dossiers with one predicate per counter, and the column expressions to group,
 * list and join on. Live and snapshot populations have the same shape, so one report query, one
 * drill-down and one per-procedure grouping serve both.
 */
export interface Ii06aPopulation {
  query: SelectQueryBuilder<object>;
  cells: Record<Ii06aCell, string>;
  /** Predicate of the late entries inside this population, when it defines them. */
  lateEntries: string | null;
  col: { agencyId: string; agencyCode: string; agencyName: string; dossierId: string; dossierCode: string; procedureId: string };
}

const basisOf = (q: PopulationFilters) => q.by ?? 'competent';

function filterProcedures(query: SelectQueryBuilder<object>, q: PopulationFilters, procedureColumn: string, always: boolean): void {
  if (!q.procedureCode && !q.field && !always) return;
  query.innerJoin('procedures', 'p', `p.id = ${procedureColumn}`);
  if (q.procedureCode) query.andWhere('p.code = :procedureCode', { procedureCode: q.procedureCode });
  if (q.field) query.andWhere('p.field = :field', { field: q.field });
}

/** The live population (DOMAIN §9 predicates over `dossiers`), optionally carrying a closed month's in-process over. */
export function livePopulation(
  em: EntityManager,
  q: PopulationFilters,
  scopePath: string,
  options: { carriedFrom?: string; withProcedures?: boolean } = {},
): Ii06aPopulation {
  const { f, t } = periodBounds(q);
  const basis = basisOf(q);
  const column = basis === 'receiving' ? 'd.receiving_agency_id' : 'd.competent_agency_id';
  const query = em
    .createQueryBuilder()
    .from('dossiers', 'd')
    .innerJoin('agencies', 'a', `a.id = ${column}`)
    .where(II06A_POPULATION, { f, t })
    .andWhere('a.path LIKE :scope', { scope: `${escapeLike(scopePath)}%` });
  if (options.carriedFrom) {
    query.leftJoin(
      'report_period_dossiers',
      'cs',
      `cs.month = :carriedFrom AND cs.basis = :basis AND cs.dossier_id = d.id AND (cs.cells & ${II06A_CELL_BITS.inProcessTotal}) <> 0`,
      { carriedFrom: options.carriedFrom, basis },
    );
  }
  filterProcedures(query, q, 'd.procedure_id', Boolean(options.withProcedures));
  return {
    query,
    cells: options.carriedFrom ? II06A_CARRIED_CELLS : { ...II06A_CELLS },
    lateEntries: options.carriedFrom ? LATE_ENTRIES_CARRIED : null,
    col: {
      agencyId: 'a.id',
      agencyCode: 'a.code',
      agencyName: 'a.name',
      dossierId: 'd.id',
      dossierCode: 'd.code',
      procedureId: 'd.procedure_id',
    },
  };
}

/** A closed month's population, read from its snapshot: the dossiers and cells frozen at closing. */
export function snapshotPopulation(
  em: EntityManager,
  q: PopulationFilters,
  scopePath: string,
  month: string,
  options: { withProcedures?: boolean } = {},
): Ii06aPopulation {
  const query = em
    .createQueryBuilder()
    .from('report_period_dossiers', 's')
    .innerJoin('report_period_rows', 'r', 'r.month = s.month AND r.basis = s.basis AND r.agency_id = s.agency_id')
    .where('s.month = :month AND s.basis = :basis', { month, basis: basisOf(q) })
    .andWhere('r.agency_path LIKE :scope', { scope: `${escapeLike(scopePath)}%` });
  filterProcedures(query, q, 's.procedure_id', Boolean(options.withProcedures));
  const cells = Object.fromEntries(II06A_CELL_NAMES.map((cell) => [cell, `(s.cells & ${II06A_CELL_BITS[cell]}) <> 0`])) as Record<
    Ii06aCell,
    string
  >;
  return {
    query,
    cells,
    lateEntries: null,
    col: {
      agencyId: 'r.agency_id',
      agencyCode: 'r.agency_code',
      agencyName: 'r.agency_name',
      dossierId: 's.dossier_id',
      dossierCode: 's.dossier_code',
      procedureId: 's.procedure_id',
    },
  };
}

/**
 * The live dossiers of a closed month that its snapshot does not hold (imported after closing):
 * the difference between what was closed and what the data says now.
 */
export function lateEntriesOfClosedMonth(em: EntityManager, q: PopulationFilters, scopePath: string, month: string): Ii06aPopulation {
  const population = livePopulation(em, q, scopePath);
  population.query.leftJoin('report_period_dossiers', 'ls', 'ls.month = :lateMonth AND ls.basis = :lateBasis AND ls.dossier_id = d.id', {
    lateMonth: month,
    lateBasis: basisOf(q),
  });
  population.lateEntries = 'ls.dossier_id IS NULL';
  return population;
}

/** Every source as one population for a report or a drill-down. */
export function populationOf(
  em: EntityManager,
  source: Ii06aSource,
  q: PopulationFilters,
  scopePath: string,
  options: { withProcedures?: boolean } = {},
): Ii06aPopulation {
  if (source.kind === 'snapshot') return snapshotPopulation(em, q, scopePath, source.period.month, options);
  return livePopulation(em, q, scopePath, { ...options, carriedFrom: source.kind === 'carried' ? source.from.month : undefined });
}

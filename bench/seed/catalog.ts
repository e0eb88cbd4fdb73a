import {
  DEFAULT_WORKING_TIME,
  statutoryHolidays,
  VIETNAM_UTC_OFFSET_MINUTES,
  WorkingCalendar,
  type DayOverride,
  type DayOverrideKind,
  type ProcessingUnit,
  type Role,
  type WorkingPeriod,
} from '@motcua/domain';
import type { Client } from 'pg';

/** What the generator needs to know about the catalog, read back from the database the app seeded. */
export interface AgencyInfo {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  level: 'PROVINCE' | 'DEPARTMENT' | 'DISTRICT' | 'COMMUNE';
  parentId: string | null;
  path: string;
  isReceptionPoint: boolean;
  /** false when the agency was merged or dissolved (valid_to set): it receives nothing new. */
  active: boolean;
}

export interface ProcedureInfo {
  id: string;
  code: string;
  name: string;
  field: string;
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  competentAgencyId: string | null;
  processingAmount: number;
  processingUnit: ProcessingUnit;
  fees: Array<{ name: string; amount: number }>;
  documents: Array<{ name: string; originals: number; copies: number; mandatory: boolean }>;
  onlineRegime: 'FULL' | 'PARTIAL' | 'NONE';
  electronicResultAllowed: boolean;
  pauseClockOnPayment: boolean;
  steps: Array<{
    seq: number;
    name: string;
    actor: string;
    agencyId: string | null;
    role: Role;
    budgetMinutes: number;
    parallelGroup: string | null;
  }>;
}

export interface Catalog {
  agencies: AgencyInfo[];
  agencyById: Map<string, AgencyInfo>;
  agencyByCode: Map<string, AgencyInfo>;
  /** Published procedures only: a dossier is always received under the published version. */
  procedures: ProcedureInfo[];
}

export async function loadCatalog(db: Client): Promise<Catalog> {
  const agencies: AgencyInfo[] = (
    await db.query(
      `SELECT id, code, name, short_name AS "shortName", level, parent_id AS "parentId", path, is_reception_point AS "isReceptionPoint",
              valid_to IS NULL AS active
         FROM agencies ORDER BY path`,
    )
  ).rows;
  const procedures: ProcedureInfo[] = (
    await db.query(
      `SELECT id, code, name, field, level, competent_agency_id AS "competentAgencyId", processing_amount AS "processingAmount",
              processing_unit AS "processingUnit", fees, documents, online_regime AS "onlineRegime",
              electronic_result_allowed AS "electronicResultAllowed", pause_clock_on_payment AS "pauseClockOnPayment",
              COALESCE((SELECT json_agg(json_build_object('seq', s.seq, 'name', s.name, 'actor', s.actor, 'agencyId', s.agency_id, 'role', s.role,
                                                          'budgetMinutes', s.budget_minutes, 'parallelGroup', s.parallel_group) ORDER BY s.seq)
                          FROM procedure_steps s WHERE s.procedure_id = p.id), '[]') AS steps
         FROM procedures p WHERE status = 'PUBLISHED' ORDER BY code`,
    )
  ).rows;
  if (!agencies.some((a) => a.isReceptionPoint && a.active))
    throw new Error('The catalog has no reception point: was the demo catalog seeded?');
  if (!procedures.length) throw new Error('The catalog has no published procedure: was the demo catalog seeded?');
  return {
    agencies,
    agencyById: new Map(agencies.map((a) => [a.id, a])),
    agencyByCode: new Map(agencies.map((a) => [a.code, a])),
    procedures,
  };
}

const LEVEL_OF_PROCEDURE: Record<ProcedureInfo['level'], AgencyInfo['level']> = {
  PROVINCE: 'PROVINCE',
  DISTRICT: 'DISTRICT',
  COMMUNE: 'COMMUNE',
};

/**
 * Same rule as DossiersService.resolveCompetentAgency: the procedure's competent agency, else the
 * receiving point's nearest ancestor (or itself) at the procedure's level; undefined = the API
 * would refuse this procedure at this reception point.
 */
export function resolveCompetentAgency(catalog: Catalog, procedure: ProcedureInfo, receiving: AgencyInfo): AgencyInfo | undefined {
  if (procedure.competentAgencyId) return catalog.agencyById.get(procedure.competentAgencyId);
  const chain = receiving.path
    .split('/')
    .filter(Boolean)
    .map((id) => catalog.agencyById.get(id))
    .filter((a): a is AgencyInfo => Boolean(a));
  return chain.filter((a) => a.level === LEVEL_OF_PROCEDURE[procedure.level]).sort((a, b) => b.path.length - a.path.length)[0];
}

/** Years around today for which statutory holidays fill in when no schedule was entered (CalendarService). */
const STATUTORY_YEARS_BEHIND = 5;
const STATUTORY_YEARS_AHEAD = 10;

/**
 * The working calendar exactly as CalendarService.load() builds it: the administrators' day
 * schedule (calendar_days) plus, for years without one, the statutory holidays; weekly pattern and
 * periods from calendar_settings.
 */
export async function loadWorkingCalendar(db: Client, today = new Date()): Promise<WorkingCalendar> {
  const settings = (await db.query(`SELECT working_weekdays AS "workingWeekdays", periods FROM calendar_settings WHERE id = 1`)).rows[0] as
    { workingWeekdays: number[]; periods: WorkingPeriod[] } | undefined;
  const rows: Array<{ date: string; kind: DayOverrideKind; name: string; document: string | null }> = (
    await db.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, document FROM calendar_days`)
  ).rows;
  const scheduledYears = new Set(rows.map((r) => Number(r.date.slice(0, 4))));
  const thisYear = today.getUTCFullYear();
  const computed: DayOverride[] = [];
  for (let year = thisYear - STATUTORY_YEARS_BEHIND; year <= thisYear + STATUTORY_YEARS_AHEAD; year++) {
    if (!scheduledYears.has(year)) computed.push(...statutoryHolidays(year));
  }
  const overrides: DayOverride[] = [
    ...rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, document: r.document ?? undefined })),
    ...computed,
  ];
  return new WorkingCalendar(overrides, {
    utcOffsetMinutes: VIETNAM_UTC_OFFSET_MINUTES,
    workingWeekdays: settings?.workingWeekdays ?? DEFAULT_WORKING_TIME.workingWeekdays,
    periods: settings?.periods ?? DEFAULT_WORKING_TIME.periods,
  });
}

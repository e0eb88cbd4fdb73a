import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { escapeLike } from '../../common/auth/agency-scope';
import { II06A_CELLS } from '../reports/ii06a';
import { livePopulation } from '../reports/ii06a-source';
import { periodBounds } from '../reports/report-period';
import { RatingsService } from '../reports/ratings.service';
import type { AccountabilityQuery, AccountabilityReport, HoldingStep, OfficerFigures, OverdueDossier } from './dto/accountability.dto';
import { agencyInScope, ownAgency, percent } from './oversight-scope';

const OVERDUE_LIST_LIMIT = 200;
const TIMELINESS_CELLS = [
  'resolvedTotal',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProcessTotal',
  'inProcessWithin',
  'inProcessOverdue',
] as const;

/**
 * Who holds each step-handling and result of the period: the officer who completed a step at an
 * agency of the subtree, or issued the result (positive or with written reasons) of a dossier the
 * subtree is competent for — read from the dossiers' timelines, which name the acting user.
 */
const OFFICERS_SQL = `
  WITH handled AS (
    SELECT e.actor_id AS user_id, s.dossier_id, s.timeliness, 'STEP' AS kind
      FROM dossier_steps s
      JOIN agencies sa ON sa.id = s.agency_id
      JOIN dossier_events e ON e.dossier_id = s.dossier_id AND e.action = 'step-complete' AND e.data->>'stepId' = s.id::text
     WHERE s.status = 'DONE' AND s.completed_at >= $1 AND s.completed_at < $2 AND sa.path LIKE $3 AND e.actor_type = 'user'
    UNION ALL
    SELECT e.actor_id, d.id, d.timeliness, 'RESOLVED'
      FROM dossiers d
      JOIN agencies ca ON ca.id = d.competent_agency_id
      JOIN dossier_events e ON e.dossier_id = d.id AND e.action IN ('issue-result', 'reject-with-reasons')
     WHERE d.finished_at >= $1 AND d.finished_at < $2 AND d.outcome IN ('POSITIVE', 'NEGATIVE') AND ca.path LIKE $3
       AND e.actor_type = 'user'
  ), per_dossier AS (
    SELECT user_id, dossier_id, count(*) FILTER (WHERE kind = 'STEP') AS steps, bool_or(kind = 'RESOLVED') AS resolved,
           bool_and(timeliness IN ('EARLY', 'ON_TIME')) FILTER (WHERE timeliness IS NOT NULL) AS on_time
      FROM handled GROUP BY user_id, dossier_id
  )
  SELECT u.id AS "userId", u.full_name AS "fullName", ua.id AS "agencyId", ua.name AS "agencyName",
         count(*)::int AS "dossiersHandled", sum(pd.steps)::int AS "stepsCompleted",
         count(*) FILTER (WHERE pd.resolved)::int AS "dossiersResolved",
         count(*) FILTER (WHERE pd.on_time)::int AS "onTimeDossiers", count(pd.on_time)::int AS "judgedDossiers",
         count(r.id)::int AS ratings, round(avg(r.officer), 2)::float8 AS "officerRatingAverage",
         count(*) FILTER (WHERE r.officer >= 4)::int AS "officerSatisfied"
    FROM per_dossier pd
    JOIN users u ON u.id = pd.user_id
    JOIN agencies ua ON ua.id = u.agency_id AND ua.path LIKE $3
    LEFT JOIN dossier_ratings r ON r.dossier_id = pd.dossier_id
   GROUP BY u.id, u.full_name, ua.id, ua.name
   ORDER BY u.full_name, u.id`;

/** The steps holding each dossier at `t`: sent before it and not completed before it. */
const HOLDING_STEPS_SQL = `
  SELECT s.dossier_id AS "dossierId", s.id AS "stepId", s.seq, s.name, s.status, s.agency_id AS "agencyId", a.name AS "agencyName",
         s.sent_at AS since, s.assignee_id AS "assigneeId", COALESCE(u.full_name, s.assignee_name) AS "assigneeName", s.due_at AS "dueAt"
    FROM dossier_steps s
    JOIN agencies a ON a.id = s.agency_id
    LEFT JOIN users u ON u.id = s.assignee_id
   WHERE s.dossier_id = ANY($1::uuid[]) AND s.sent_at < $2 AND (s.completed_at IS NULL OR s.completed_at >= $2)
   ORDER BY s.dossier_id, s.seq`;

/**
 * The head of an agency's view (QĐ 3455/QĐ-UBND): timeliness, satisfaction, the overdue dossiers
 * with the step and officer holding each, and per-officer figures — counted in SQL with the same
 * II.06a predicates and satisfaction rule as the reports, within the caller's scope.
 */
@Injectable()
export class AccountabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ratings: RatingsService,
  ) {}

  async report(actor: ActorContext, q: AccountabilityQuery): Promise<AccountabilityReport> {
    const principal = principalOf(actor);
    const em = this.dataSource.manager;
    const { f, t } = periodBounds(q);
    const agency = q.agencyId
      ? await agencyInScope(em, principal, q.agencyId, { field: 'agencyId', in: 'query' })
      : await ownAgency(em, principal);
    const period = { from: q.from, to: q.to };

    const counting = livePopulation(em, period, agency.path);
    counting.query.select('count(*)::int', 'population');
    for (const cell of TIMELINESS_CELLS) counting.query.addSelect(`count(*) FILTER (WHERE ${II06A_CELLS[cell]})::int`, cell);
    const listing = livePopulation(em, period, agency.path, { withProcedures: true });
    listing.query
      .select('d.id', 'dossierId')
      .addSelect('d.code', 'code')
      .addSelect('p.code', 'procedureCode')
      .addSelect('p.name', 'procedureName')
      .addSelect('a.name', 'agencyName')
      .addSelect('d.received_at', 'receivedAt')
      .addSelect('d.due_at', 'dueAt')
      .andWhere(II06A_CELLS.inProcessOverdue)
      .orderBy('d.due_at')
      .addOrderBy('d.code')
      .limit(OVERDUE_LIST_LIMIT);

    const [counts, overdueRows, satisfaction, officerRows] = await Promise.all([
      counting.query.getRawOne<Record<(typeof TIMELINESS_CELLS)[number] | 'population', number>>(),
      listing.query.getRawMany<Omit<OverdueDossier, 'heldBy' | 'receivedAt' | 'dueAt'> & { receivedAt: Date; dueAt: Date }>(),
      this.ratings.satisfaction(actor, { from: q.from, to: q.to, agencyId: agency.id }),
      em.query(OFFICERS_SQL, [f, t, `${escapeLike(agency.path)}%`]) as Promise<Array<OfficerFigures & { officerSatisfied: number }>>,
    ]);
    const c = Object.fromEntries(TIMELINESS_CELLS.map((cell) => [cell, counts?.[cell] ?? 0])) as Record<
      (typeof TIMELINESS_CELLS)[number],
      number
    >;

    const steps: Array<HoldingStep & { dossierId: string; since: Date; dueAt: Date | null }> = overdueRows.length
      ? await em.query(HOLDING_STEPS_SQL, [overdueRows.map((r) => r.dossierId), t])
      : [];
    const heldBy = (dossierId: string): HoldingStep[] =>
      steps
        .filter((s) => s.dossierId === dossierId)
        .map((s) => ({
          stepId: s.stepId,
          seq: s.seq,
          name: s.name,
          status: s.status,
          agencyId: s.agencyId,
          agencyName: s.agencyName,
          since: new Date(s.since).toISOString(),
          assigneeId: s.assigneeId,
          assigneeName: s.assigneeName,
          dueAt: s.dueAt ? new Date(s.dueAt).toISOString() : null,
        }));

    return {
      from: q.from,
      to: q.to,
      generatedAt: new Date().toISOString(),
      agency: { id: agency.id, code: agency.code, name: agency.name },
      timeliness: {
        ...c,
        onTimeRate: percent(c.resolvedEarly + c.resolvedOnTime, c.resolvedTotal),
      },
      satisfaction: { ratings: satisfaction.total.ratings, factors: satisfaction.total.factors, index: satisfaction.total.index },
      overdue: {
        total: c.inProcessOverdue,
        truncated: c.inProcessOverdue > overdueRows.length,
        items: overdueRows.map((r) => ({
          ...r,
          receivedAt: new Date(r.receivedAt).toISOString(),
          dueAt: new Date(r.dueAt).toISOString(),
          heldBy: heldBy(r.dossierId),
        })),
      },
      officers: officerRows.map(({ officerSatisfied, ...o }) => ({
        ...o,
        onTimeShare: percent(o.onTimeDossiers, o.judgedDossiers),
        officerIndex: percent(officerSatisfied, o.ratings),
      })),
    };
  }
}

import type { GeneratorModule } from './types';

const COLUMNS = [
  'id',
  'dossier_id',
  'lead_agency_id',
  'seq',
  'stage',
  'name',
  'actor',
  'agency_id',
  'role',
  'budget_minutes',
  'parallel_group',
  'status',
  'assignee_id',
  'assignee_name',
  'sent_at',
  'sent_by_name',
  'sent_from_agency_id',
  'accepted_at',
  'accepted_by_name',
  'returned_at',
  'returned_by_name',
  'return_reason',
  'completed_at',
  'completed_by_name',
  'note',
  'due_at',
  'due_soon_at',
  'timeliness',
  'due_soon_flagged_at',
  'overdue_flagged_at',
  'version',
] as const;

/**
 * The route of each forwarded dossier (dossier_steps) as RoutingService leaves it: the procedure's
 * process template made concrete at the forward, stages done, open or pending as the dossier's
 * life went (route-lifecycle.ts), with the sweep's due-soon and overdue flags. Their handovers are
 * on the timeline (dossier-events.ts).
 */
export const dossierStepsModule: GeneratorModule = {
  name: 'dossier-steps',
  tables: [{ table: 'dossier_steps', columns: COLUMNS, bulk: true }],
  emit({ state: d }, out) {
    for (const s of d.steps) {
      out['dossier_steps'].row([
        s.id,
        d.id,
        d.competentAgencyId, // the route's lead agency (RoutingService.materialize)
        s.seq,
        s.stage,
        s.name,
        s.actor,
        s.agencyId,
        s.role,
        s.budgetMinutes,
        s.parallelGroup,
        s.status,
        s.assigneeId,
        s.assigneeName,
        s.sentAt,
        s.sentByName,
        s.sentFromAgencyId,
        s.acceptedAt,
        s.acceptedByName,
        s.returnedAt,
        s.returnedByName,
        s.returnReason,
        s.completedAt,
        s.completedByName,
        s.note,
        s.dueAt,
        s.dueSoonAt,
        s.timeliness,
        s.dueSoonFlaggedAt,
        s.overdueFlaggedAt,
        s.version,
      ]);
    }
  },
};

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationsService } from '../../notifications/notifications.service';
import { OutboxEventInput, OutboxService } from '../../integration/outbox.service';

export interface SweepResult {
  dueSoon: string[];
  overdue: string[];
  /** Steps of routes marked overdue (by step id). */
  stepsOverdue: string[];
}

interface FlaggedDossier {
  id: string;
  code: string;
  status: string;
  status_code: number;
  receiving_agency_id: string;
  competent_agency_id: string;
}

interface FlaggedStep extends Omit<FlaggedDossier, 'id'> {
  id: string;
  dossier_id: string;
  agency_id: string;
  assignee_id: string | null;
  name: string;
}

/**
 * Marks open dossiers "due soon" and "overdue" and writes the event to their timeline. Each mark is
 * one conditional UPDATE, so a dossier is marked once even when several processes sweep at once.
 * A paused clock (supplement requested) is never marked.
 */
@Injectable()
export class SlaSweepService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * A step that overruns is flagged at once, not only when the whole dossier is late: its officer
   * and the agency's leaders are told when it is due soon and again when it is overdue.
   */
  private async sweepSteps(
    tx: EntityManager,
    now: Date,
    dossierRef: (d: FlaggedDossier, id: string) => OutboxEventInput['dossier'],
  ): Promise<string[]> {
    const flag = (column: string, condition: string): Promise<FlaggedStep[]> =>
      tx
        .query(
          `UPDATE dossier_steps s SET ${column} = $1 FROM dossiers d
            WHERE d.id = s.dossier_id AND d.paused_since IS NULL AND d.status <> 'RETURNED'
              -- A stopped or withdrawn dossier leaves no work: its steps are never late.
              AND (d.outcome IS NULL OR d.outcome IN ('POSITIVE', 'NEGATIVE'))
              AND s.status IN ('SENT', 'ACCEPTED') AND s.${column} IS NULL AND ${condition}
        RETURNING s.id, s.dossier_id, s.agency_id, s.assignee_id, s.name, d.code, d.status, d.status_code, d.receiving_agency_id, d.competent_agency_id`,
          [now],
        )
        .then(([rows]) => rows);
    const dueSoon = await flag('due_soon_flagged_at', 's.due_soon_at <= $1 AND s.due_at >= $1');
    const overdue = await flag('overdue_flagged_at', 's.due_at < $1');
    for (const [steps, type, action] of [
      [dueSoon, 'STEP_DUE_SOON', 'step-due-soon'],
      [overdue, 'STEP_OVERDUE', 'step-overdue'],
    ] as const) {
      for (const step of steps) {
        const input = {
          type,
          dossierCode: step.code,
          stepId: step.id,
          message:
            type === 'STEP_OVERDUE'
              ? `Hồ sơ ${step.code}: bước “${step.name}” đã quá hạn.`
              : `Hồ sơ ${step.code}: bước “${step.name}” sắp đến hạn.`,
        };
        await this.notifications.notifyAgency(tx, step.agency_id, ['LEADER'], input);
        if (step.assignee_id) await this.notifications.notifyUsers(tx, [step.assignee_id], input);
      }
      if (steps.length) {
        await tx.query(
          `INSERT INTO dossier_events (dossier_id, at, action, actor_type, from_status, to_status, data)
           SELECT unnest($1::uuid[]), $2, $3, 'system', unnest($4::text[]), unnest($4::text[]), jsonb_build_object('stepId', unnest($5::uuid[]))`,
          [steps.map((st) => st.dossier_id), now, action, steps.map((st) => st.status), steps.map((st) => st.id)],
        );
      }
    }
    await this.outbox.emit(
      tx,
      overdue.map((st) => ({
        type: 'dossier.step-overdue' as const,
        dossier: dossierRef(st, st.dossier_id),
        agencyIds: [st.agency_id],
        data: { stepId: st.id, step: st.name },
        occurredAt: now,
      })),
    );
    return overdue.map((st) => st.id);
  }

  async sweep(now = new Date()): Promise<SweepResult> {
    return this.dataSource.transaction(async (tx) => {
      const dueSoon: FlaggedDossier[] = await tx
        .query(
          `UPDATE dossiers SET sla_flag = 'DUE_SOON', sla_flagged_at = $1
          WHERE finished_at IS NULL AND paused_since IS NULL AND sla_flag IS NULL
            AND due_soon_at <= $1 AND due_at >= $1
        RETURNING id, code, status, status_code, receiving_agency_id, competent_agency_id`,
          [now],
        )
        .then(([rows]) => rows);
      const overdue: FlaggedDossier[] = await tx
        .query(
          `UPDATE dossiers SET sla_flag = 'OVERDUE', sla_flagged_at = $1
          WHERE finished_at IS NULL AND paused_since IS NULL AND (sla_flag IS NULL OR sla_flag = 'DUE_SOON')
            AND due_at < $1
        RETURNING id, code, status, status_code, receiving_agency_id, competent_agency_id`,
          [now],
        )
        .then(([rows]) => rows);
      const events = [...dueSoon.map((d) => ({ ...d, action: 'sla-due-soon' })), ...overdue.map((d) => ({ ...d, action: 'sla-overdue' }))];
      if (events.length) {
        await tx.query(
          `INSERT INTO dossier_events (dossier_id, at, action, actor_type, from_status, to_status)
           SELECT unnest($1::uuid[]), $2, unnest($3::text[]), 'system', unnest($4::text[]), unnest($4::text[])`,
          [events.map((e) => e.id), now, events.map((e) => e.action), events.map((e) => e.status)],
        );
      }
      // Portals hear of it too (changes feed, webhooks).
      const dossierRef = (d: FlaggedDossier, id = d.id) => ({
        id,
        code: d.code,
        status: d.status,
        statusCode: d.status_code,
        receivingAgencyId: d.receiving_agency_id,
        competentAgencyId: d.competent_agency_id,
      });
      await this.outbox.emit(tx, [
        ...dueSoon.map((d) => ({ type: 'dossier.due-soon' as const, dossier: dossierRef(d), occurredAt: now })),
        ...overdue.map((d) => ({ type: 'dossier.overdue' as const, dossier: dossierRef(d), occurredAt: now })),
      ]);
      const steps = await this.sweepSteps(tx, now, dossierRef);
      return { dueSoon: dueSoon.map((d) => d.code), overdue: overdue.map((d) => d.code), stepsOverdue: steps };
    });
  }
}

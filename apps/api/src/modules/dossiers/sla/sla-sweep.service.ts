import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationsService } from '../../notifications/notifications.service';

export interface SweepResult {
  dueSoon: string[];
  overdue: string[];
  /** Steps of routes marked overdue (by step id). */
  stepsOverdue: string[];
}

interface FlaggedStep {
  id: string;
  dossier_id: string;
  agency_id: string;
  assignee_id: string | null;
  name: string;
  code: string;
  status: string;
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
  ) {}

  /**
   * A step that overruns is flagged at once, not only when the whole dossier is late: its officer
   * and the agency's leaders are told when it is due soon and again when it is overdue.
   */
  private async sweepSteps(tx: EntityManager, now: Date): Promise<string[]> {
    const flag = (column: string, condition: string): Promise<FlaggedStep[]> =>
      tx
        .query(
          `UPDATE dossier_steps s SET ${column} = $1 FROM dossiers d
            WHERE d.id = s.dossier_id AND d.paused_since IS NULL AND d.status <> 'RETURNED'
              AND s.status IN ('SENT', 'ACCEPTED') AND s.${column} IS NULL AND ${condition}
        RETURNING s.id, s.dossier_id, s.agency_id, s.assignee_id, s.name, d.code, d.status`,
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
    return overdue.map((st) => st.id);
  }

  async sweep(now = new Date()): Promise<SweepResult> {
    return this.dataSource.transaction(async (tx) => {
      const dueSoon: Array<{ id: string; code: string; status: string }> = await tx
        .query(
          `UPDATE dossiers SET sla_flag = 'DUE_SOON', sla_flagged_at = $1
          WHERE finished_at IS NULL AND paused_since IS NULL AND sla_flag IS NULL
            AND due_soon_at <= $1 AND due_at >= $1
        RETURNING id, code, status`,
          [now],
        )
        .then(([rows]) => rows);
      const overdue: Array<{ id: string; code: string; status: string }> = await tx
        .query(
          `UPDATE dossiers SET sla_flag = 'OVERDUE', sla_flagged_at = $1
          WHERE finished_at IS NULL AND paused_since IS NULL AND (sla_flag IS NULL OR sla_flag = 'DUE_SOON')
            AND due_at < $1
        RETURNING id, code, status`,
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
      const steps = await this.sweepSteps(tx, now);
      return { dueSoon: dueSoon.map((d) => d.code), overdue: overdue.map((d) => d.code), stepsOverdue: steps };
    });
  }
}

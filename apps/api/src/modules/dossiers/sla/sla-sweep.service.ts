import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SweepResult {
  dueSoon: string[];
  overdue: string[];
}

/**
 * Marks open dossiers "due soon" and "overdue" and writes the event to their timeline. Each mark is
 * one conditional UPDATE, so a dossier is marked once even when several processes sweep at once.
 * A paused clock (supplement requested) is never marked.
 */
@Injectable()
export class SlaSweepService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
      return { dueSoon: dueSoon.map((d) => d.code), overdue: overdue.map((d) => d.code) };
    });
  }
}

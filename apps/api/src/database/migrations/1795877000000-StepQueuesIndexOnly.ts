import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationQuery } from '../long-query';

/**
 * Work queues and the work list's route visibility read step tasks from indexes alone (hand-written:
 * TypeORM cannot express INCLUDE or these partial predicates).
 *
 * - Steps of stopped or withdrawn dossiers that were still open or pending become `CANCELLED`, as the
 *   API now does when a dossier stops: an open step is live work, so queues need not check its dossier.
 * - `lead_agency_id` copies the dossier's competent agency onto its steps, so "waiting for others"
 *   is an index range of the lead agency's open steps instead of a join from every dossier it leads.
 * - `ix_dossier_steps_agency_open` covers what a queue filters on (actor, assignee, due-soon time).
 * - `ix_dossier_steps_visible` answers "was this dossier ever sent to one of these agencies" with an
 *   index-only probe (the work list's scope test for dossiers routed to the caller).
 */
export class StepQueuesIndexOnly1795877000000 implements MigrationInterface {
  name = 'StepQueuesIndexOnly1795877000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await migrationQuery(
      queryRunner,
      `UPDATE dossier_steps s
          SET status = 'CANCELLED', completed_at = d.finished_at,
              note = CASE d.outcome WHEN 'STOPPED' THEN 'Hồ sơ dừng xử lý' ELSE 'Công dân rút hồ sơ' END,
              version = s.version + 1
         FROM dossiers d
        WHERE d.id = s.dossier_id AND d.outcome IN ('STOPPED', 'WITHDRAWN')
          AND s.status IN ('PENDING', 'SENT', 'ACCEPTED', 'RETURNED')`,
    );
    await migrationQuery(queryRunner, `ALTER TABLE dossier_steps ADD lead_agency_id uuid`);
    await migrationQuery(
      queryRunner,
      `UPDATE dossier_steps s SET lead_agency_id = d.competent_agency_id FROM dossiers d WHERE d.id = s.dossier_id`,
    );
    await migrationQuery(queryRunner, `ALTER TABLE dossier_steps ALTER lead_agency_id SET NOT NULL`);
    await migrationQuery(
      queryRunner,
      `ALTER TABLE dossier_steps ADD CONSTRAINT fk_dossier_steps_lead_agency FOREIGN KEY (lead_agency_id) REFERENCES agencies(id)`,
    );
    await migrationQuery(queryRunner, `DROP INDEX "public"."ix_dossier_steps_agency_open"`);
    await migrationQuery(
      queryRunner,
      `CREATE INDEX "ix_dossier_steps_agency_open" ON "dossier_steps" ("agency_id", "status", "due_at", "id")
         INCLUDE ("actor", "assignee_id", "due_soon_at")`,
    );
    await migrationQuery(
      queryRunner,
      `CREATE INDEX "ix_dossier_steps_lead_open" ON "dossier_steps" ("lead_agency_id", "due_at", "id")
         INCLUDE ("agency_id", "status") WHERE "status" IN ('SENT', 'ACCEPTED', 'RETURNED')`,
    );
    await migrationQuery(
      queryRunner,
      `CREATE INDEX "ix_dossier_steps_visible" ON "dossier_steps" ("dossier_id", "agency_id") WHERE "sent_at" IS NOT NULL`,
    );
    // Fresh statistics for the new column and indexes (autovacuum would get there, later).
    await migrationQuery(queryRunner, `ANALYZE dossier_steps`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_dossier_steps_visible"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dossier_steps_lead_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dossier_steps_agency_open"`);
    await queryRunner.query(`CREATE INDEX "ix_dossier_steps_agency_open" ON "dossier_steps" ("agency_id", "status", "due_at")`);
    await queryRunner.query(`ALTER TABLE dossier_steps DROP CONSTRAINT fk_dossier_steps_lead_agency`);
    await queryRunner.query(`ALTER TABLE dossier_steps DROP COLUMN lead_agency_id`);
    // Cancelled steps stay cancelled: the older code reads them as neither open nor done.
  }
}

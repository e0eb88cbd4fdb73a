import { MigrationInterface, QueryRunner } from 'typeorm';

/** Period closing: a closed month's II.06a snapshot, append-only like the audit trail (hand-added triggers at the end). */
export class ReportClosing1795868545226 implements MigrationInterface {
  name = 'ReportClosing1795868545226';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "report_periods" (
                "month" character varying(7) NOT NULL,
                "period_from" date NOT NULL,
                "period_to" date NOT NULL,
                "sha256" character(64) NOT NULL,
                "dossier_lines" integer NOT NULL,
                "closed_by" uuid,
                "closed_by_name" character varying(255),
                "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d2acdb1f1672691b6f49d8cf5bb" PRIMARY KEY ("month")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "report_period_rows" (
                "month" character varying(7) NOT NULL,
                "basis" character varying(10) NOT NULL,
                "agency_id" uuid NOT NULL,
                "agency_code" character varying(32) NOT NULL,
                "agency_name" character varying(255) NOT NULL,
                "agency_path" text NOT NULL,
                "received_total" integer NOT NULL,
                "received_online" integer NOT NULL,
                "received_direct" integer NOT NULL,
                "carried_over" integer NOT NULL,
                "resolved_total" integer NOT NULL,
                "resolved_early" integer NOT NULL,
                "resolved_on_time" integer NOT NULL,
                "resolved_late" integer NOT NULL,
                "in_process_total" integer NOT NULL,
                "in_process_within" integer NOT NULL,
                "in_process_overdue" integer NOT NULL,
                "withdrawn_or_stopped" integer NOT NULL,
                CONSTRAINT "PK_b31452030f584efbc4ba51c093b" PRIMARY KEY ("month", "basis", "agency_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "report_period_dossiers" (
                "month" character varying(7) NOT NULL,
                "basis" character varying(10) NOT NULL,
                "dossier_id" uuid NOT NULL,
                "dossier_code" character varying(48) NOT NULL,
                "agency_id" uuid NOT NULL,
                "procedure_id" uuid NOT NULL,
                "cells" integer NOT NULL,
                CONSTRAINT "PK_59d62d7c9abd9234d2b313c9015" PRIMARY KEY ("month", "basis", "dossier_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_report_period_dossiers_agency" ON "report_period_dossiers" ("month", "basis", "agency_id", "dossier_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_report_period_dossiers_code" ON "report_period_dossiers" ("month", "basis", "dossier_code")
        `);
    await queryRunner.query(`
            ALTER TABLE "report_period_rows"
            ADD CONSTRAINT "fk_report_period_rows_period" FOREIGN KEY ("month") REFERENCES "report_periods"("month") ON DELETE RESTRICT ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED
        `);
    await queryRunner.query(`
            ALTER TABLE "report_period_dossiers"
            ADD CONSTRAINT "fk_report_period_dossiers_period" FOREIGN KEY ("month") REFERENCES "report_periods"("month") ON DELETE RESTRICT ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED
        `);
    // Hand-written: a closed month is immutable, like audit_events (1795857630455-AuditAppendOnly).
    await queryRunner.query(`
            CREATE FUNCTION report_snapshot_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION '% is append-only: a closed period cannot change (% refused)', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
    for (const table of ['report_periods', 'report_period_rows', 'report_period_dossiers']) {
      await queryRunner.query(`
                CREATE TRIGGER ${table}_no_update_delete BEFORE UPDATE OR DELETE ON ${table}
                FOR EACH ROW EXECUTE FUNCTION report_snapshot_append_only()
            `);
      await queryRunner.query(`
                CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
                FOR EACH STATEMENT EXECUTE FUNCTION report_snapshot_append_only()
            `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['report_period_dossiers', 'report_period_rows', 'report_periods']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_no_update_delete ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION report_snapshot_append_only()`);
    await queryRunner.query(`
            ALTER TABLE "report_period_dossiers" DROP CONSTRAINT "fk_report_period_dossiers_period"
        `);
    await queryRunner.query(`
            ALTER TABLE "report_period_rows" DROP CONSTRAINT "fk_report_period_rows_period"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_report_period_dossiers_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_report_period_dossiers_agency"
        `);
    await queryRunner.query(`
            DROP TABLE "report_period_dossiers"
        `);
    await queryRunner.query(`
            DROP TABLE "report_period_rows"
        `);
    await queryRunner.query(`
            DROP TABLE "report_periods"
        `);
  }
}

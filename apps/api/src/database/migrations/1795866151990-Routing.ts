import { MigrationInterface, QueryRunner } from 'typeorm';

export class Routing1795866151990 implements MigrationInterface {
  name = 'Routing1795866151990';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "dossier_steps" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "dossier_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "stage" integer NOT NULL,
                "name" character varying(255) NOT NULL,
                "actor" character varying(16) NOT NULL,
                "agency_id" uuid NOT NULL,
                "role" character varying(16) NOT NULL,
                "budget_minutes" integer NOT NULL,
                "parallel_group" character varying(64),
                "status" character varying(12) NOT NULL DEFAULT 'PENDING',
                "assignee_id" uuid,
                "assignee_name" character varying(255),
                "sent_at" TIMESTAMP(3) WITH TIME ZONE,
                "sent_by_name" character varying(255),
                "sent_from_agency_id" uuid,
                "accepted_at" TIMESTAMP(3) WITH TIME ZONE,
                "accepted_by_name" character varying(255),
                "returned_at" TIMESTAMP(3) WITH TIME ZONE,
                "returned_by_name" character varying(255),
                "return_reason" text,
                "completed_at" TIMESTAMP(3) WITH TIME ZONE,
                "completed_by_name" character varying(255),
                "note" text,
                "due_at" TIMESTAMP(3) WITH TIME ZONE,
                "due_soon_at" TIMESTAMP(3) WITH TIME ZONE,
                "timeliness" character varying(8),
                "due_soon_flagged_at" TIMESTAMP WITH TIME ZONE,
                "overdue_flagged_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL,
                CONSTRAINT "PK_5a3edb97768271f450beacf0f81" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossier_steps_assignee" ON "dossier_steps" ("assignee_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossier_steps_agency_open" ON "dossier_steps" ("agency_id", "status", "due_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_dossier_steps_seq" ON "dossier_steps" ("dossier_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" BIGSERIAL NOT NULL,
                "user_id" uuid NOT NULL,
                "type" character varying(24) NOT NULL,
                "dossier_code" character varying(48) NOT NULL,
                "step_id" uuid,
                "message" text NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notifications_user_unread" ON "notifications" ("user_id", "read_at", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_steps"
            ADD CONSTRAINT "fk_dossier_steps_dossier" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_steps"
            ADD CONSTRAINT "fk_dossier_steps_agency" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "dossier_steps" DROP CONSTRAINT "fk_dossier_steps_agency"
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_steps" DROP CONSTRAINT "fk_dossier_steps_dossier"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_user_unread"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_dossier_steps_seq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossier_steps_agency_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossier_steps_assignee"
        `);
    await queryRunner.query(`
            DROP TABLE "dossier_steps"
        `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class Dossiers1795858757148 implements MigrationInterface {
  name = 'Dossiers1795858757148';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "dossier_code_counters" (
                "agency_id" uuid NOT NULL,
                "day" date NOT NULL,
                "last_seq" integer NOT NULL,
                CONSTRAINT "PK_18c92dc5b59057d90e052dcae76" PRIMARY KEY ("agency_id", "day")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "dossiers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(48) NOT NULL,
                "procedure_id" uuid NOT NULL,
                "receiving_agency_id" uuid NOT NULL,
                "competent_agency_id" uuid NOT NULL,
                "channel" character varying(8) NOT NULL,
                "status" character varying(24) NOT NULL,
                "status_code" smallint NOT NULL,
                "stage" character varying(16),
                "outcome" character varying(16),
                "applicant" jsonb NOT NULL,
                "applicant_name" character varying(255) NOT NULL,
                "search_text" text NOT NULL,
                "documents" jsonb NOT NULL DEFAULT '[]',
                "note" text,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE,
                "due_at" TIMESTAMP WITH TIME ZONE,
                "due_soon_at" TIMESTAMP WITH TIME ZONE,
                "original_due_at" TIMESTAMP WITH TIME ZONE,
                "apology_due_at" TIMESTAMP WITH TIME ZONE,
                "budget_minutes" integer NOT NULL,
                "paused_since" TIMESTAMP WITH TIME ZONE,
                "paused_minutes" integer NOT NULL DEFAULT '0',
                "resume_status" character varying(24),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "timeliness" character varying(8),
                "returned_at" TIMESTAMP WITH TIME ZONE,
                "return_method" character varying(12),
                "lookup_secret" character varying(16) NOT NULL,
                "paid_online" boolean NOT NULL DEFAULT false,
                "payment_reference" character varying(128),
                "electronic_result" boolean NOT NULL DEFAULT false,
                "created_by_user" uuid,
                "created_by_client" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_d84a24a9d2c52ec01142de45e42" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_dossiers_code" ON "dossiers" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_procedure" ON "dossiers" ("procedure_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_status" ON "dossiers" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_received_at" ON "dossiers" ("received_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_due_at" ON "dossiers" ("due_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_created" ON "dossiers" ("created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_competent_created" ON "dossiers" ("competent_agency_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_receiving_created" ON "dossiers" ("receiving_agency_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "dossier_events" (
                "id" BIGSERIAL NOT NULL,
                "dossier_id" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "action" character varying(32) NOT NULL,
                "actor_type" character varying(16) NOT NULL,
                "actor_id" uuid,
                "actor_name" character varying(255),
                "agency_id" uuid,
                "from_status" character varying(24),
                "to_status" character varying(24) NOT NULL,
                "reason" text,
                "form" character varying(2),
                "data" jsonb,
                CONSTRAINT "PK_dc472db0f082aa7b1da60ed88f1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossier_events_dossier" ON "dossier_events" ("dossier_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "principal_id" uuid NOT NULL,
                "key" character varying(128) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "dossier_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3df5494b04add5b16d8608a3876" PRIMARY KEY ("principal_id", "key")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "dossiers"
            ADD CONSTRAINT "fk_dossiers_procedure" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "dossiers"
            ADD CONSTRAINT "fk_dossiers_receiving_agency" FOREIGN KEY ("receiving_agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "dossiers"
            ADD CONSTRAINT "fk_dossiers_competent_agency" FOREIGN KEY ("competent_agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_events"
            ADD CONSTRAINT "fk_dossier_events_dossier" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "dossier_events" DROP CONSTRAINT "fk_dossier_events_dossier"
        `);
    await queryRunner.query(`
            ALTER TABLE "dossiers" DROP CONSTRAINT "fk_dossiers_competent_agency"
        `);
    await queryRunner.query(`
            ALTER TABLE "dossiers" DROP CONSTRAINT "fk_dossiers_receiving_agency"
        `);
    await queryRunner.query(`
            ALTER TABLE "dossiers" DROP CONSTRAINT "fk_dossiers_procedure"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossier_events_dossier"
        `);
    await queryRunner.query(`
            DROP TABLE "dossier_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_receiving_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_competent_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_due_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_received_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_procedure"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_dossiers_code"
        `);
    await queryRunner.query(`
            DROP TABLE "dossiers"
        `);
    await queryRunner.query(`
            DROP TABLE "dossier_code_counters"
        `);
  }
}

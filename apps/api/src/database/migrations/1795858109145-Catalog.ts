import { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalog1795858109145 implements MigrationInterface {
  name = 'Catalog1795858109145';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "procedures" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(32) NOT NULL,
                "version_no" integer NOT NULL,
                "name" character varying(500) NOT NULL,
                "field" character varying(255) NOT NULL,
                "level" character varying(16) NOT NULL,
                "competent_agency_id" uuid,
                "processing_amount" integer NOT NULL,
                "processing_unit" character varying(16) NOT NULL,
                "fees" jsonb NOT NULL DEFAULT '[]',
                "documents" jsonb NOT NULL DEFAULT '[]',
                "online_regime" character varying(8) NOT NULL,
                "paper_result_required" boolean NOT NULL DEFAULT false,
                "electronic_result_allowed" boolean NOT NULL DEFAULT false,
                "pause_clock_on_payment" boolean NOT NULL DEFAULT false,
                "legal_basis" text NOT NULL DEFAULT '',
                "valid_from" date,
                "valid_to" date,
                "status" character varying(16) NOT NULL DEFAULT 'DRAFT',
                "search_text" text NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "retired_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_e7775bab78f27b4c47580b6cb4b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_procedures_field" ON "procedures" ("field")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_procedures_competent_agency" ON "procedures" ("competent_agency_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_procedures_status" ON "procedures" ("status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_procedures_published_code" ON "procedures" ("code")
            WHERE "status" = 'PUBLISHED'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_procedures_code_version" ON "procedures" ("code", "version_no")
        `);
    await queryRunner.query(`
            CREATE TABLE "procedure_steps" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "procedure_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "name" character varying(255) NOT NULL,
                "actor" character varying(16) NOT NULL,
                "agency_id" uuid,
                "role" character varying(16) NOT NULL,
                "budget_minutes" integer NOT NULL,
                "parallel_group" character varying(64),
                CONSTRAINT "PK_78ec04e53a1e71dd42b2cd452fd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_procedure_steps_seq" ON "procedure_steps" ("procedure_id", "seq")
        `);
    await queryRunner.query(`
            ALTER TABLE "procedures"
            ADD CONSTRAINT "fk_procedures_competent_agency" FOREIGN KEY ("competent_agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "procedure_steps"
            ADD CONSTRAINT "fk_procedure_steps_procedure" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "procedure_steps"
            ADD CONSTRAINT "fk_procedure_steps_agency" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "procedure_steps" DROP CONSTRAINT "fk_procedure_steps_agency"
        `);
    await queryRunner.query(`
            ALTER TABLE "procedure_steps" DROP CONSTRAINT "fk_procedure_steps_procedure"
        `);
    await queryRunner.query(`
            ALTER TABLE "procedures" DROP CONSTRAINT "fk_procedures_competent_agency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_procedure_steps_seq"
        `);
    await queryRunner.query(`
            DROP TABLE "procedure_steps"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_procedures_code_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_procedures_published_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_procedures_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_procedures_competent_agency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_procedures_field"
        `);
    await queryRunner.query(`
            DROP TABLE "procedures"
        `);
  }
}

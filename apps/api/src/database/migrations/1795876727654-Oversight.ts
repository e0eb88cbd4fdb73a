import { MigrationInterface, QueryRunner } from 'typeorm';

export class Oversight1795876727654 implements MigrationInterface {
  name = 'Oversight1795876727654';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "inspections" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(255) NOT NULL,
                "agency_id" uuid NOT NULL,
                "period_from" date NOT NULL,
                "period_to" date NOT NULL,
                "procedure_code" character varying(32),
                "sample_size" integer NOT NULL,
                "seed" character varying(64) NOT NULL,
                "population" integer NOT NULL,
                "status" character varying(8) NOT NULL DEFAULT 'OPEN',
                "created_by" uuid,
                "created_by_name" character varying(255),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "drawn_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "closed_by_name" character varying(255),
                "version" integer NOT NULL,
                CONSTRAINT "ck_inspections_status" CHECK ("status" IN ('OPEN', 'CLOSED')),
                CONSTRAINT "ck_inspections_period" CHECK ("period_to" >= "period_from"),
                CONSTRAINT "ck_inspections_sample_size" CHECK (
                    "sample_size" BETWEEN 1 AND 1000
                ),
                CONSTRAINT "PK_a484980015782324454d8c88abe" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_inspections_agency" ON "inspections" ("agency_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_inspections_created" ON "inspections" ("created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "inspection_samples" (
                "inspection_id" uuid NOT NULL,
                "dossier_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "verdict" character varying(10),
                "category" character varying(32),
                "note" text,
                "recorded_at" TIMESTAMP WITH TIME ZONE,
                "recorded_by" uuid,
                "recorded_by_name" character varying(255),
                CONSTRAINT "ck_inspection_samples_problem_category" CHECK (
                    (
                        "verdict" IS NULL
                        AND "category" IS NULL
                    )
                    OR (
                        "verdict" = 'COMPLIANT'
                        AND "category" IS NULL
                    )
                    OR (
                        "verdict" = 'PROBLEM'
                        AND "category" IS NOT NULL
                    )
                ),
                CONSTRAINT "ck_inspection_samples_category" CHECK (
                    "category" IS NULL
                    OR "category" IN (
                        'LATE_WITHOUT_APOLOGY',
                        'MISSING_DOCUMENTS',
                        'WRONG_FEE',
                        'EXTRA_REQUIREMENT',
                        'RECORD_INCOMPLETE',
                        'OTHER'
                    )
                ),
                CONSTRAINT "PK_5f404f577278405c91fd2fa12c3" PRIMARY KEY ("inspection_id", "dossier_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_samples_position" ON "inspection_samples" ("inspection_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "pilots" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(255) NOT NULL,
                "decision_ref" character varying(255) NOT NULL,
                "procedure_codes" text array NOT NULL DEFAULT '{}',
                "starts_on" date NOT NULL,
                "ends_on" date,
                "created_by_name" character varying(255),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "ck_pilots_period" CHECK (
                    "ends_on" IS NULL
                    OR "ends_on" >= "starts_on"
                ),
                CONSTRAINT "PK_02136c571ecc943394289942ac2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_pilots_starts" ON "pilots" ("starts_on", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "pilot_agencies" (
                "pilot_id" uuid NOT NULL,
                "agency_id" uuid NOT NULL,
                CONSTRAINT "PK_7652d6feeff8d13aa214231b85c" PRIMARY KEY ("pilot_id", "agency_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_pilot_agencies_agency" ON "pilot_agencies" ("agency_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "inspections"
            ADD CONSTRAINT "fk_inspections_agency" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_samples"
            ADD CONSTRAINT "fk_inspection_samples_inspection" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_samples"
            ADD CONSTRAINT "fk_inspection_samples_dossier" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pilot_agencies"
            ADD CONSTRAINT "fk_pilot_agencies_pilot" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pilot_agencies"
            ADD CONSTRAINT "fk_pilot_agencies_agency" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "pilot_agencies" DROP CONSTRAINT "fk_pilot_agencies_agency"
        `);
    await queryRunner.query(`
            ALTER TABLE "pilot_agencies" DROP CONSTRAINT "fk_pilot_agencies_pilot"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_samples" DROP CONSTRAINT "fk_inspection_samples_dossier"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_samples" DROP CONSTRAINT "fk_inspection_samples_inspection"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspections" DROP CONSTRAINT "fk_inspections_agency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_pilot_agencies_agency"
        `);
    await queryRunner.query(`
            DROP TABLE "pilot_agencies"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_pilots_starts"
        `);
    await queryRunner.query(`
            DROP TABLE "pilots"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_inspection_samples_position"
        `);
    await queryRunner.query(`
            DROP TABLE "inspection_samples"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_inspections_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_inspections_agency"
        `);
    await queryRunner.query(`
            DROP TABLE "inspections"
        `);
  }
}

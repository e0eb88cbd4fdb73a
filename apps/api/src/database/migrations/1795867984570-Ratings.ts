import { MigrationInterface, QueryRunner } from 'typeorm';

export class Ratings1795867984570 implements MigrationInterface {
  name = 'Ratings1795867984570';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "dossier_ratings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "dossier_id" uuid NOT NULL,
                "access" smallint NOT NULL,
                "procedure" smallint NOT NULL,
                "officer" smallint NOT NULL,
                "result" smallint NOT NULL,
                "feedback" smallint NOT NULL,
                "comment" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "REL_e928621fee982e279559a771b9" UNIQUE ("dossier_id"),
                CONSTRAINT "ck_dossier_ratings_scale" CHECK (
                    "access" BETWEEN 1 AND 5
                    AND "procedure" BETWEEN 1 AND 5
                    AND "officer" BETWEEN 1 AND 5
                    AND "result" BETWEEN 1 AND 5
                    AND "feedback" BETWEEN 1 AND 5
                ),
                CONSTRAINT "PK_4246571d32ec5372d920b64216a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_dossier_ratings_dossier" ON "dossier_ratings" ("dossier_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossier_ratings_created" ON "dossier_ratings" ("created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_ratings"
            ADD CONSTRAINT "fk_dossier_ratings_dossier" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "dossier_ratings" DROP CONSTRAINT "fk_dossier_ratings_dossier"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossier_ratings_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_dossier_ratings_dossier"
        `);
    await queryRunner.query(`
            DROP TABLE "dossier_ratings"
        `);
  }
}

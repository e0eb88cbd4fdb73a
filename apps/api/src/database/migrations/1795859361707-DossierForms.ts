import { MigrationInterface, QueryRunner } from 'typeorm';

export class DossierForms1795859361707 implements MigrationInterface {
  name = 'DossierForms1795859361707';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "dossier_forms" (
                "id" BIGSERIAL NOT NULL,
                "dossier_id" uuid NOT NULL,
                "form" character varying(2) NOT NULL,
                "sha256" character(64) NOT NULL,
                "generated_by" uuid,
                "generated_by_name" character varying(255),
                "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_88819b5da5af68651674cbef665" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossier_forms_dossier" ON "dossier_forms" ("dossier_id", "generated_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_forms"
            ADD CONSTRAINT "fk_dossier_forms_dossier" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "dossier_forms" DROP CONSTRAINT "fk_dossier_forms_dossier"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossier_forms_dossier"
        `);
    await queryRunner.query(`
            DROP TABLE "dossier_forms"
        `);
  }
}

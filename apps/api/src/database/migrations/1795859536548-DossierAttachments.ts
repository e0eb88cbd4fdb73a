import { MigrationInterface, QueryRunner } from 'typeorm';

export class DossierAttachments1795859536548 implements MigrationInterface {
  name = 'DossierAttachments1795859536548';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "dossier_attachments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "dossier_id" uuid NOT NULL,
                "kind" character varying(8) NOT NULL,
                "filename" character varying(255) NOT NULL,
                "content_type" character varying(64) NOT NULL,
                "size" integer NOT NULL,
                "sha256" character(64) NOT NULL,
                "storage_key" character varying(255) NOT NULL,
                "uploaded_by" uuid,
                "uploaded_by_name" character varying(255),
                "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_110c94a91ece181cd940d2ba5f2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossier_attachments_dossier" ON "dossier_attachments" ("dossier_id", "uploaded_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_attachments"
            ADD CONSTRAINT "fk_dossier_attachments_dossier" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "dossier_attachments" DROP CONSTRAINT "fk_dossier_attachments_dossier"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossier_attachments_dossier"
        `);
    await queryRunner.query(`
            DROP TABLE "dossier_attachments"
        `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class DossierCreatedAtMillis1795860363669 implements MigrationInterface {
  name = 'DossierCreatedAtMillis1795860363669';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_competent_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_receiving_created"
        `);
    await queryRunner.query(`
            ALTER TABLE "dossiers"
            ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
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
            ALTER TABLE "dossiers"
            ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_receiving_created" ON "dossiers" USING btree ("receiving_agency_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_competent_created" ON "dossiers" USING btree ("competent_agency_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_created" ON "dossiers" USING btree ("id", "created_at")
        `);
  }
}

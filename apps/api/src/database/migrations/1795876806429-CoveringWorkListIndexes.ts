import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes over open dossiers (hand-written: TypeORM cannot express INCLUDE). The work list
 * reads a page's ids with the caller's scope (receiving/competent agency) and the timeliness
 * columns from the index alone, instead of one heap page per candidate row.
 * `ix_dossiers_open_due` gains the columns and replaces `ix_dossiers_open_due_soon`.
 */
export class CoveringWorkListIndexes1795876806429 implements MigrationInterface {
  name = 'CoveringWorkListIndexes1795876806429';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_dossiers_open_due_soon"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dossiers_open_due"`);
    await queryRunner.query(
      `CREATE INDEX "ix_dossiers_open_due" ON "dossiers" ("due_at", "id")
         INCLUDE ("status", "due_soon_at", "created_at", "receiving_agency_id", "competent_agency_id")
         WHERE "finished_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_dossiers_open_status_due" ON "dossiers" ("status", "due_at")
         INCLUDE ("due_soon_at", "created_at", "receiving_agency_id", "competent_agency_id", "id")
         WHERE "finished_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_dossiers_open_status_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dossiers_open_due"`);
    await queryRunner.query(`CREATE INDEX "ix_dossiers_open_due" ON "dossiers" ("due_at", "id") WHERE "finished_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "ix_dossiers_open_due_soon" ON "dossiers" ("due_at", "due_soon_at") WHERE "finished_at" IS NULL`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the work list at a million dossiers (bench/results/worklist-1m.md). */
export class WorkListIndexes1795867744667 implements MigrationInterface {
  name = 'WorkListIndexes1795867744667';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_status"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_status_created" ON "dossiers" ("status", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_open_created" ON "dossiers" ("created_at", "id")
            WHERE "finished_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_open_due_soon" ON "dossiers" ("due_at", "due_soon_at")
            WHERE "finished_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_open_due" ON "dossiers" ("due_at", "id")
            WHERE "finished_at" IS NULL
        `);
    // Hand-written (TypeORM cannot express it): "contains" search over code and applicant name.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "ix_dossiers_search_trgm" ON "dossiers" USING gin ("search_text" gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_dossiers_search_trgm"`);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_open_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_open_due_soon"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_open_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossiers_status_created"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossiers_status" ON "dossiers" USING btree ("status")
        `);
  }
}

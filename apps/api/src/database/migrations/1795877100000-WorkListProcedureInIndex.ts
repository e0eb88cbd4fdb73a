import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationQuery } from '../long-query';

/**
 * The open-dossier covering indexes also carry `procedure_id`: the work list's scope test asks
 * whether a dossier's procedure routes through one of the caller's agencies before it probes the
 * dossier's steps, and reads that from the index (see SCOPE_SQL in dossiers.repository.ts).
 */
export class WorkListProcedureInIndex1795877100000 implements MigrationInterface {
  name = 'WorkListProcedureInIndex1795877100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.rebuild(queryRunner, ', "procedure_id"');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.rebuild(queryRunner, '');
  }

  private async rebuild(queryRunner: QueryRunner, extra: string): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_dossiers_open_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dossiers_open_status_due"`);
    await migrationQuery(
      queryRunner,
      `CREATE INDEX "ix_dossiers_open_due" ON "dossiers" ("due_at", "id")
         INCLUDE ("status", "due_soon_at", "created_at", "receiving_agency_id", "competent_agency_id"${extra})
         WHERE "finished_at" IS NULL`,
    );
    await migrationQuery(
      queryRunner,
      `CREATE INDEX "ix_dossiers_open_status_due" ON "dossiers" ("status", "due_at")
         INCLUDE ("due_soon_at", "created_at", "receiving_agency_id", "competent_agency_id", "id"${extra})
         WHERE "finished_at" IS NULL`,
    );
  }
}

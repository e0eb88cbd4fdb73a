import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaFlags1795859625053 implements MigrationInterface {
  name = 'SlaFlags1795859625053';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "dossiers"
            ADD "sla_flag" character varying(8)
        `);
    await queryRunner.query(`
            ALTER TABLE "dossiers"
            ADD "sla_flagged_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "dossiers" DROP COLUMN "sla_flagged_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "dossiers" DROP COLUMN "sla_flag"
        `);
  }
}

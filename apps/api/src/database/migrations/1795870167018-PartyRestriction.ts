import { MigrationInterface, QueryRunner } from 'typeorm';

export class PartyRestriction1795870167018 implements MigrationInterface {
  name = 'PartyRestriction1795870167018';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "parties"
            ADD "restricted_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "parties"
            ADD "restriction_reason" text
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "parties" DROP COLUMN "restriction_reason"
        `);
    await queryRunner.query(`
            ALTER TABLE "parties" DROP COLUMN "restricted_at"
        `);
  }
}

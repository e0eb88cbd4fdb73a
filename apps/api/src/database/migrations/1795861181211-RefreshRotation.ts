import { MigrationInterface, QueryRunner } from 'typeorm';

export class RefreshRotation1795861181211 implements MigrationInterface {
  name = 'RefreshRotation1795861181211';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD "rotated_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP COLUMN "rotated_at"
        `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class Calendar1795858280047 implements MigrationInterface {
  name = 'Calendar1795858280047';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "calendar_days" (
                "date" date NOT NULL,
                "kind" character varying(16) NOT NULL,
                "name" character varying(255) NOT NULL,
                "document" character varying(255),
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1c04d56e8833eb6827f104f17e0" PRIMARY KEY ("date")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "calendar_settings" (
                "id" smallint NOT NULL DEFAULT '1',
                "working_weekdays" smallint array NOT NULL,
                "periods" jsonb NOT NULL,
                "revision" bigint NOT NULL DEFAULT '1',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5276e0ff0747427b978b6aea654" PRIMARY KEY ("id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "calendar_settings"
        `);
    await queryRunner.query(`
            DROP TABLE "calendar_days"
        `);
  }
}

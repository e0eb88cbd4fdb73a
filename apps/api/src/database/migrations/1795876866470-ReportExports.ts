import { MigrationInterface, QueryRunner } from 'typeorm';

/** Background report exports: the job rows and their files' bytes in chunks (deleted with the export). */
export class ReportExports1795876866470 implements MigrationInterface {
  name = 'ReportExports1795876866470';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "report_exports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "report" character varying(16) NOT NULL,
                "format" character varying(8) NOT NULL,
                "status" character varying(8) NOT NULL DEFAULT 'QUEUED',
                "progress" smallint NOT NULL DEFAULT '0',
                "filters" jsonb NOT NULL,
                "scope_path" text NOT NULL,
                "requested_by_id" uuid NOT NULL,
                "requested_by" jsonb NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "row_count" integer,
                "filename" character varying(160),
                "content_type" character varying(100),
                "size_bytes" integer,
                "sha256" character(64),
                "error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "heartbeat_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_831f34e4d6c47ec2bb42a614465" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_report_exports_expires" ON "report_exports" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_report_exports_requester" ON "report_exports" ("requested_by_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "report_export_chunks" (
                "export_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "data" bytea NOT NULL,
                CONSTRAINT "PK_6046d11069733e39165cd796c6d" PRIMARY KEY ("export_id", "seq")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "report_export_chunks"
            ADD CONSTRAINT "fk_report_export_chunks_export" FOREIGN KEY ("export_id") REFERENCES "report_exports"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "report_export_chunks" DROP CONSTRAINT "fk_report_export_chunks_export"
        `);
    await queryRunner.query(`
            DROP TABLE "report_export_chunks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_report_exports_requester"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_report_exports_expires"
        `);
    await queryRunner.query(`
            DROP TABLE "report_exports"
        `);
  }
}

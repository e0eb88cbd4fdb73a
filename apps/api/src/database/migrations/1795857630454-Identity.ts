import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795857630454 implements MigrationInterface {
  name = 'Identity1795857630454';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor_type" character varying(16) NOT NULL,
                "actor_id" uuid,
                "actor_name" character varying(255),
                "roles" text array NOT NULL DEFAULT '{}',
                "agency_id" uuid,
                "action" character varying(64) NOT NULL,
                "target_type" character varying(64),
                "target_id" character varying(128),
                "before" jsonb,
                "after" jsonb,
                "request_id" character varying(128),
                "ip" character varying(64),
                "prev_hash" character(64) NOT NULL,
                "hash" character(64) NOT NULL,
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_at" ON "audit_events" ("at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_action" ON "audit_events" ("action")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_target" ON "audit_events" ("target_type", "target_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "agencies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(32) NOT NULL,
                "name" character varying(255) NOT NULL,
                "short_name" character varying(100),
                "level" character varying(16) NOT NULL,
                "parent_id" uuid,
                "path" text NOT NULL,
                "is_reception_point" boolean NOT NULL DEFAULT false,
                "address" character varying(500),
                "phone" character varying(32),
                "valid_from" date,
                "valid_to" date,
                "successor_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_8ab1f1f53f56c8255b0d7e68b28" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_agencies_code" ON "agencies" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_agencies_parent" ON "agencies" ("parent_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "api_clients" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(255) NOT NULL,
                "agency_id" uuid NOT NULL,
                "scopes" text array NOT NULL,
                "key_prefix" character varying(16) NOT NULL,
                "key_hash" character(64) NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "key_rotated_at" TIMESTAMP WITH TIME ZONE,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ef2d5ef0eb5e9a6ddc67cfa310e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_api_clients_agency" ON "api_clients" ("agency_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_api_clients_key_prefix" ON "api_clients" ("key_prefix")
        `);
    await queryRunner.query(`
            CREATE TABLE "login_attempts" (
                "id" BIGSERIAL NOT NULL,
                "username" character varying(64) NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "success" boolean NOT NULL,
                "ip" character varying(64),
                CONSTRAINT "PK_070e613c8f768b1a70742705c5b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_login_attempts_username_at" ON "login_attempts" ("username", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "username" character varying(64) NOT NULL,
                "full_name" character varying(255) NOT NULL,
                "email" character varying(255),
                "phone" character varying(32),
                "agency_id" uuid NOT NULL,
                "roles" text array NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "password_hash" character varying(255) NOT NULL,
                "token_version" integer NOT NULL DEFAULT '0',
                "password_changed_at" TIMESTAMP WITH TIME ZONE,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_username" ON "users" ("username")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_agency" ON "users" ("agency_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_refresh_tokens_user" ON "refresh_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_refresh_tokens_hash" ON "refresh_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            ALTER TABLE "agencies"
            ADD CONSTRAINT "fk_agencies_parent" FOREIGN KEY ("parent_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "api_clients"
            ADD CONSTRAINT "fk_api_clients_agency" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "fk_users_agency" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "fk_refresh_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "fk_refresh_tokens_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "fk_users_agency"
        `);
    await queryRunner.query(`
            ALTER TABLE "api_clients" DROP CONSTRAINT "fk_api_clients_agency"
        `);
    await queryRunner.query(`
            ALTER TABLE "agencies" DROP CONSTRAINT "fk_agencies_parent"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_refresh_tokens_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_tokens_user"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_users_agency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_users_username"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_login_attempts_username_at"
        `);
    await queryRunner.query(`
            DROP TABLE "login_attempts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_api_clients_key_prefix"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_api_clients_agency"
        `);
    await queryRunner.query(`
            DROP TABLE "api_clients"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_agencies_parent"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_agencies_code"
        `);
    await queryRunner.query(`
            DROP TABLE "agencies"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_target"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_action"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_at"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
  }
}

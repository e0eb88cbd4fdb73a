import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizen registry (DOMAIN §7), generated from the entities, plus what TypeORM cannot express:
 * the pg_trgm GIN index for "contains" search over folded names (`synchronize: false` on the
 * entity) and the append-only rule of the personal-data access log.
 */
export class Parties1795866696882 implements MigrationInterface {
  name = 'Parties1795866696882';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Trusted extension (PostgreSQL 13+): the database owner may create it.
    await queryRunner.query(`
            CREATE EXTENSION IF NOT EXISTS pg_trgm
        `);
    await queryRunner.query(`
            CREATE TABLE "parties" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "type" character varying(16) NOT NULL,
                "full_name" character varying(255) NOT NULL,
                "name_folded" character varying(255) COLLATE "C" NOT NULL,
                "date_of_birth" date,
                "sex" character varying(8),
                "permanent_area_code" character varying(16),
                "permanent_address" character varying(500),
                "status" character varying(16) NOT NULL DEFAULT 'ACTIVE',
                "merged_into_id" uuid,
                "created_by_agency_id" uuid,
                "pseudonymised_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_da698299dca60d55f0050dde935" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_parties_merged_into" ON "parties" ("merged_into_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_parties_active_name_birth" ON "parties" ("name_folded", "date_of_birth")
            WHERE "status" = 'ACTIVE'
                AND "date_of_birth" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_parties_active_name" ON "parties" ("name_folded", "id")
            WHERE "status" = 'ACTIVE'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_parties_name_trgm" ON "parties" USING gin ("name_folded" gin_trgm_ops)
            WHERE "status" = 'ACTIVE'
        `);
    await queryRunner.query(`
            CREATE TABLE "dossier_parties" (
                "dossier_id" uuid NOT NULL,
                "role" character varying(16) NOT NULL,
                "party_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7ea3934a70962c7d09998e02102" PRIMARY KEY ("dossier_id", "role", "party_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_dossier_parties_party" ON "dossier_parties" ("party_id", "role")
        `);
    await queryRunner.query(`
            CREATE TABLE "party_access_log" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_type" character varying(16) NOT NULL,
                "user_id" uuid,
                "username" character varying(255),
                "roles" text array NOT NULL DEFAULT '{}',
                "agency_id" uuid,
                "party_id" uuid NOT NULL,
                "fields" text array NOT NULL DEFAULT '{}',
                "action" character varying(16) NOT NULL,
                "purpose" character varying(500),
                "ip" character varying(64),
                "request_id" character varying(128),
                CONSTRAINT "PK_c7ce7b0fe2562b09e1cce035ef6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_party_access_log_at" ON "party_access_log" ("at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_party_access_log_user" ON "party_access_log" ("user_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_party_access_log_party" ON "party_access_log" ("party_id", "id")
        `);
    await queryRunner.query(`
            CREATE FUNCTION party_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'party_access_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER party_access_log_no_update_delete BEFORE UPDATE OR DELETE ON party_access_log
            FOR EACH ROW EXECUTE FUNCTION party_access_log_append_only()
        `);
    await queryRunner.query(`
            CREATE TRIGGER party_access_log_no_truncate BEFORE TRUNCATE ON party_access_log
            FOR EACH STATEMENT EXECUTE FUNCTION party_access_log_append_only()
        `);
    await queryRunner.query(`
            CREATE TABLE "party_adoption_state" (
                "id" smallint NOT NULL,
                "last_created_at" TIMESTAMP(3) WITH TIME ZONE,
                "last_dossier_id" uuid,
                "adopted" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_21ee59b13409dbd5e287a27dde4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "party_consents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "party_id" uuid NOT NULL,
                "channel" character varying(8) NOT NULL,
                "purpose" character varying(8) NOT NULL,
                "given_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "recorded_by_id" uuid,
                CONSTRAINT "PK_46f87489c6f598639ea9d5ac38a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_party_consents_party" ON "party_consents" ("party_id", "purpose")
        `);
    await queryRunner.query(`
            CREATE TABLE "party_contacts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "party_id" uuid NOT NULL,
                "kind" character varying(8) NOT NULL,
                "value_encrypted" bytea NOT NULL,
                "key_id" character varying(32) NOT NULL,
                "lookup_hash" bytea NOT NULL,
                "masked" character varying(32),
                "area_code" character varying(16),
                "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "valid_to" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_fdfcdfdbce28e610e1cfe7ed878" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_party_contacts_party" ON "party_contacts" ("party_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_party_contacts_lookup" ON "party_contacts" ("kind", "lookup_hash")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_party_contacts_current" ON "party_contacts" ("party_id", "kind")
            WHERE "valid_to" IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "party_identifiers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "party_id" uuid NOT NULL,
                "type" character varying(16) NOT NULL,
                "value_encrypted" bytea NOT NULL,
                "key_id" character varying(32) NOT NULL,
                "lookup_hash" bytea NOT NULL,
                "masked" character varying(32) NOT NULL,
                "valid_from" date,
                "valid_to" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_df7ff16eb771fe561b7600e72c3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_party_identifiers_party" ON "party_identifiers" ("party_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_party_identifiers_type_hash" ON "party_identifiers" ("type", "lookup_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "party_merges" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "survivor_id" uuid NOT NULL,
                "merged_id" uuid NOT NULL,
                "reason" character varying(1000) NOT NULL,
                "merged_by_id" uuid,
                "merged_by_name" character varying(255),
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "moved" jsonb NOT NULL,
                CONSTRAINT "PK_747c7116445fb11eeb9b923d79c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_party_merges_survivor" ON "party_merges" ("survivor_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_party_merges_merged" ON "party_merges" ("merged_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "party_representatives" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "representative_id" uuid NOT NULL,
                "role" character varying(32) NOT NULL,
                "valid_from" date,
                "valid_to" date,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2362793a987f8f33d2b50ca507a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_party_representatives_organization" ON "party_representatives" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_party_representatives_representative" ON "party_representatives" ("representative_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "parties"
            ADD CONSTRAINT "fk_parties_merged_into" FOREIGN KEY ("merged_into_id") REFERENCES "parties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "parties"
            ADD CONSTRAINT "fk_parties_created_by_agency" FOREIGN KEY ("created_by_agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_parties"
            ADD CONSTRAINT "fk_dossier_parties_dossier" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_parties"
            ADD CONSTRAINT "fk_dossier_parties_party" FOREIGN KEY ("party_id") REFERENCES "parties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "party_consents"
            ADD CONSTRAINT "fk_party_consents_party" FOREIGN KEY ("party_id") REFERENCES "parties"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "party_contacts"
            ADD CONSTRAINT "fk_party_contacts_party" FOREIGN KEY ("party_id") REFERENCES "parties"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "party_identifiers"
            ADD CONSTRAINT "fk_party_identifiers_party" FOREIGN KEY ("party_id") REFERENCES "parties"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "party_merges"
            ADD CONSTRAINT "fk_party_merges_survivor" FOREIGN KEY ("survivor_id") REFERENCES "parties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "party_merges"
            ADD CONSTRAINT "fk_party_merges_merged" FOREIGN KEY ("merged_id") REFERENCES "parties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "party_representatives"
            ADD CONSTRAINT "fk_party_representatives_organization" FOREIGN KEY ("organization_id") REFERENCES "parties"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "party_representatives"
            ADD CONSTRAINT "fk_party_representatives_representative" FOREIGN KEY ("representative_id") REFERENCES "parties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "party_representatives" DROP CONSTRAINT "fk_party_representatives_representative"
        `);
    await queryRunner.query(`
            ALTER TABLE "party_representatives" DROP CONSTRAINT "fk_party_representatives_organization"
        `);
    await queryRunner.query(`
            ALTER TABLE "party_merges" DROP CONSTRAINT "fk_party_merges_merged"
        `);
    await queryRunner.query(`
            ALTER TABLE "party_merges" DROP CONSTRAINT "fk_party_merges_survivor"
        `);
    await queryRunner.query(`
            ALTER TABLE "party_identifiers" DROP CONSTRAINT "fk_party_identifiers_party"
        `);
    await queryRunner.query(`
            ALTER TABLE "party_contacts" DROP CONSTRAINT "fk_party_contacts_party"
        `);
    await queryRunner.query(`
            ALTER TABLE "party_consents" DROP CONSTRAINT "fk_party_consents_party"
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_parties" DROP CONSTRAINT "fk_dossier_parties_party"
        `);
    await queryRunner.query(`
            ALTER TABLE "dossier_parties" DROP CONSTRAINT "fk_dossier_parties_dossier"
        `);
    await queryRunner.query(`
            ALTER TABLE "parties" DROP CONSTRAINT "fk_parties_created_by_agency"
        `);
    await queryRunner.query(`
            ALTER TABLE "parties" DROP CONSTRAINT "fk_parties_merged_into"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_party_representatives_representative"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_party_representatives_organization"
        `);
    await queryRunner.query(`
            DROP TABLE "party_representatives"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_party_merges_merged"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_party_merges_survivor"
        `);
    await queryRunner.query(`
            DROP TABLE "party_merges"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_party_identifiers_type_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_party_identifiers_party"
        `);
    await queryRunner.query(`
            DROP TABLE "party_identifiers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_party_contacts_current"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_party_contacts_lookup"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_party_contacts_party"
        `);
    await queryRunner.query(`
            DROP TABLE "party_contacts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_party_consents_party"
        `);
    await queryRunner.query(`
            DROP TABLE "party_consents"
        `);
    await queryRunner.query(`
            DROP TABLE "party_adoption_state"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_party_access_log_party"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_party_access_log_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_party_access_log_at"
        `);
    await queryRunner.query(`
            DROP TRIGGER party_access_log_no_truncate ON party_access_log
        `);
    await queryRunner.query(`
            DROP TRIGGER party_access_log_no_update_delete ON party_access_log
        `);
    await queryRunner.query(`
            DROP TABLE "party_access_log"
        `);
    await queryRunner.query(`
            DROP FUNCTION party_access_log_append_only()
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_dossier_parties_party"
        `);
    await queryRunner.query(`
            DROP TABLE "dossier_parties"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_parties_name_trgm"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_parties_active_name"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_parties_active_name_birth"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_parties_merged_into"
        `);
    await queryRunner.query(`
            DROP TABLE "parties"
        `);
    // pg_trgm stays: other objects may use it.
  }
}

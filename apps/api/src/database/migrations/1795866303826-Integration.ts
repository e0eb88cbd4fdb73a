import { MigrationInterface, QueryRunner } from 'typeorm';

/** Portal integration: the transactional outbox, webhook subscriptions, deliveries and their attempts. */
export class Integration1795866303826 implements MigrationInterface {
  name = 'Integration1795866303826';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "outbox_events" (
                "id" BIGSERIAL NOT NULL,
                "event_id" uuid NOT NULL,
                "type" character varying(64) NOT NULL,
                "dossier_id" uuid NOT NULL,
                "dossier_code" character varying(48) NOT NULL,
                "receiving_agency_id" uuid NOT NULL,
                "competent_agency_id" uuid NOT NULL,
                "agency_ids" uuid array NOT NULL DEFAULT '{}',
                "data" jsonb NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "txid" bigint NOT NULL DEFAULT txid_current(),
                CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_outbox_events_event_id" ON "outbox_events" ("event_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_events_occurred" ON "outbox_events" ("occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_outbox_events_commit_order" ON "outbox_events" ("txid", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "webhook_subscriptions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "owner_type" character varying(8) NOT NULL,
                "owner_id" uuid NOT NULL,
                "owner_name" character varying(255) NOT NULL,
                "agency_id" uuid NOT NULL,
                "url" character varying(2048) NOT NULL,
                "events" text array NOT NULL,
                "secret" character varying(256) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_bf631ae77d39849d599817fb6f4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_webhook_subscriptions_owner" ON "webhook_subscriptions" ("owner_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_webhook_subscriptions_agency" ON "webhook_subscriptions" ("agency_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "webhook_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "subscription_id" uuid NOT NULL,
                "outbox_id" bigint NOT NULL,
                "status" character varying(12) NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "claimed_until" TIMESTAMP WITH TIME ZONE,
                "last_status" integer,
                "last_error" character varying(500),
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                "dead_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_webhook_deliveries_status" ON "webhook_deliveries" ("status", "outbox_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_webhook_deliveries_due" ON "webhook_deliveries" ("next_attempt_at")
            WHERE status = 'PENDING'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_webhook_deliveries_subscription_event" ON "webhook_deliveries" ("subscription_id", "outbox_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "webhook_attempts" (
                "id" BIGSERIAL NOT NULL,
                "delivery_id" uuid NOT NULL,
                "attempt" integer NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "duration_ms" integer NOT NULL,
                "status_code" integer,
                "error" character varying(500),
                CONSTRAINT "PK_2de7e7887ad97de459adab62638" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_webhook_attempts_delivery" ON "webhook_attempts" ("delivery_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "webhook_fanout_cursor" (
                "id" smallint NOT NULL,
                "txid" bigint NOT NULL,
                "outbox_id" bigint NOT NULL,
                CONSTRAINT "PK_99463fa719e8ccb439364446e65" PRIMARY KEY ("id")
            )
        `);
    // Hand-written: the fan-out cursor's one row, at the start of the (empty) outbox.
    await queryRunner.query(`
            INSERT INTO "webhook_fanout_cursor" ("id", "txid", "outbox_id") VALUES (1, 0, 0)
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries"
            ADD CONSTRAINT "fk_webhook_deliveries_subscription" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries"
            ADD CONSTRAINT "fk_webhook_deliveries_outbox" FOREIGN KEY ("outbox_id") REFERENCES "outbox_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_attempts"
            ADD CONSTRAINT "fk_webhook_attempts_delivery" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "webhook_attempts" DROP CONSTRAINT "fk_webhook_attempts_delivery"
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "fk_webhook_deliveries_outbox"
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "fk_webhook_deliveries_subscription"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_fanout_cursor"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_webhook_attempts_delivery"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_attempts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_webhook_deliveries_subscription_event"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_webhook_deliveries_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_webhook_deliveries_status"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_webhook_subscriptions_agency"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_webhook_subscriptions_owner"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_subscriptions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_events_commit_order"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_events_occurred"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_outbox_events_event_id"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_events"
        `);
  }
}

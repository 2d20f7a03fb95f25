import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventsAndWebhooks1795828372046 implements MigrationInterface {
  name = 'CreateEventsAndWebhooks1795828372046';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The writing transaction's id as a number (events are ordered by it); a function, so the
    // column default reads the same in the entity and in the database.
    await queryRunner.query(
      `CREATE FUNCTION current_transaction_number() RETURNS bigint LANGUAGE sql VOLATILE AS $$ SELECT pg_current_xact_id()::text::bigint $$`,
    );
    await queryRunner.query(
      `CREATE TABLE "events" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "type" text NOT NULL, "scope" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "transaction_id" bigint NOT NULL DEFAULT current_transaction_number(), "sequence" bigint, "data" jsonb NOT NULL, CONSTRAINT "events_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(`CREATE INDEX "events_occurred_at_idx" ON "events" ("occurred_at") `);
    await queryRunner.query(
      `CREATE INDEX "events_unsequenced_idx" ON "events" ("transaction_id", "id") WHERE "sequence" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "events_company_id_sequence_key" ON "events" ("company_id", "sequence") `,
    );
    await queryRunner.query(
      `CREATE TABLE "event_streams" ("company_id" uuid NOT NULL, "last_sequence" bigint NOT NULL, CONSTRAINT "event_streams_pkey" PRIMARY KEY ("company_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_subscriptions" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "url" text NOT NULL, "description" text, "event_types" text array NOT NULL DEFAULT '{}', "readable_scopes" text array NOT NULL, "is_enabled" boolean NOT NULL DEFAULT true, "disabled_reason" text, "disabled_at" TIMESTAMP WITH TIME ZONE, "secret" text NOT NULL, "previous_secret" text, "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "failing_since" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "webhook_subscriptions_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "subscription_id" uuid NOT NULL, "event_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'pending', "is_manual" boolean NOT NULL DEFAULT false, "attempt_count" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE, "last_attempt_at" TIMESTAMP(3) WITH TIME ZONE, "last_outcome" text, "last_status_code" integer, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "webhook_deliveries_status_check" CHECK ("status" IN ('pending', 'succeeded', 'failed')), CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_event_idx" ON "webhook_deliveries" ("company_id", "event_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_subscription_idx" ON "webhook_deliveries" ("company_id", "subscription_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_delivery_attempts" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "delivery_id" uuid NOT NULL, "attempt_number" integer NOT NULL, "attempted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "duration_ms" integer NOT NULL, "outcome" text NOT NULL, "status_code" integer, "response_excerpt" text, "error" text, CONSTRAINT "webhook_delivery_attempts_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_delivery_attempts_delivery_idx" ON "webhook_delivery_attempts" ("company_id", "delivery_id", "attempt_number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "worker_processes" ("id" uuid NOT NULL, "queue_worker_ids" text array NOT NULL DEFAULT '{}', "hostname" text NOT NULL, "pid" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "worker_processes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_company_id_subscription_id_fkey" FOREIGN KEY ("company_id", "subscription_id") REFERENCES "webhook_subscriptions"("company_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery_attempts" ADD CONSTRAINT "webhook_delivery_attempts_company_id_delivery_id_fkey" FOREIGN KEY ("company_id", "delivery_id") REFERENCES "webhook_deliveries"("company_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery_attempts" DROP CONSTRAINT "webhook_delivery_attempts_company_id_delivery_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_company_id_subscription_id_fkey"`,
    );
    await queryRunner.query(`DROP TABLE "worker_processes"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_delivery_attempts_delivery_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_deliveries_subscription_idx"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_deliveries_event_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_subscriptions"`);
    await queryRunner.query(`DROP TABLE "event_streams"`);
    await queryRunner.query(`DROP INDEX "public"."events_company_id_sequence_key"`);
    await queryRunner.query(`DROP INDEX "public"."events_unsequenced_idx"`);
    await queryRunner.query(`DROP INDEX "public"."events_occurred_at_idx"`);
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP FUNCTION current_transaction_number()`);
  }
}

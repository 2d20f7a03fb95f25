import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdempotencyKeys1795807909454 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1795807909454';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("company_id" uuid NOT NULL, "principal" text NOT NULL, "key_digest" text NOT NULL, "fingerprint" text NOT NULL, "claim_id" uuid NOT NULL, "request_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "locked_until" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "response" bytea, CONSTRAINT "idempotency_keys_state_check" CHECK (("response" IS NULL) = ("locked_until" IS NOT NULL)), CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("company_id", "principal", "key_digest"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}

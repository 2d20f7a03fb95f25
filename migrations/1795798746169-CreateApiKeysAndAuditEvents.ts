import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiKeysAndAuditEvents1795798746169 implements MigrationInterface {
  name = 'CreateApiKeysAndAuditEvents1795798746169';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "name" text NOT NULL, "environment" text NOT NULL, "scopes" text array NOT NULL, "secret_hash" text NOT NULL, "created_by_kind" text NOT NULL, "created_by_user_id" uuid, "created_by_client_id" text, "created_by_api_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "api_keys_created_by_kind_check" CHECK ("created_by_kind" IN ('user', 'client', 'api_key')), CONSTRAINT "api_keys_environment_check" CHECK ("environment" IN ('live', 'test')), CONSTRAINT "api_keys_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(`CREATE INDEX "api_keys_id_idx" ON "api_keys" ("id") `);
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actor_kind" text NOT NULL, "actor_user_id" uuid, "actor_client_id" text, "actor_api_key_id" uuid, "action" text NOT NULL, "resource_type" text NOT NULL, "resource_id" text NOT NULL, "request_id" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "audit_events_actor_kind_check" CHECK ("actor_kind" IN ('user', 'client', 'api_key', 'system')), CONSTRAINT "audit_events_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_events_company_id_resource_idx" ON "audit_events" ("company_id", "resource_type", "resource_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_events_company_id_occurred_at_id_idx" ON "audit_events" ("company_id", "occurred_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_company_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_company_id_occurred_at_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_company_id_resource_idx"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP INDEX "public"."api_keys_id_idx"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
  }
}

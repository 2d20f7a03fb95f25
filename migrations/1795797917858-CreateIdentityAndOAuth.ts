import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentityAndOAuth1795797917858 implements MigrationInterface {
  name = 'CreateIdentityAndOAuth1795797917858';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "companies" ("id" uuid NOT NULL, "organization_number" character(9) NOT NULL, "name" text NOT NULL, "base_currency" character(3) NOT NULL DEFAULT 'NOK', "fiscal_year_start_month" smallint NOT NULL DEFAULT '1', "environment" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "companies_environment_check" CHECK ("environment" IN ('live', 'test')), CONSTRAINT "companies_fiscal_year_start_month_check" CHECK ("fiscal_year_start_month" BETWEEN 1 AND 12), CONSTRAINT "companies_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "companies_live_organization_number_key" ON "companies" ("organization_number") WHERE "environment" = 'live'`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL, "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "failed_sign_ins" integer NOT NULL DEFAULT '0', "sign_in_blocked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "memberships" ("company_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "memberships_role_check" CHECK ("role" IN ('owner', 'accountant', 'approver', 'employee', 'viewer')), CONSTRAINT "memberships_pkey" PRIMARY KEY ("company_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "oauth_clients" ("company_id" uuid NOT NULL, "id" uuid NOT NULL, "client_id" text NOT NULL, "name" text NOT NULL, "type" text NOT NULL, "secret_hash" text, "redirect_uris" text array NOT NULL DEFAULT '{}', "scopes" text array NOT NULL, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "oauth_clients_secret_check" CHECK (("type" = 'public') = ("secret_hash" IS NULL)), CONSTRAINT "oauth_clients_type_check" CHECK ("type" IN ('confidential', 'public')), CONSTRAINT "oauth_clients_pkey" PRIMARY KEY ("company_id", "id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "oauth_clients_client_id_key" ON "oauth_clients" ("client_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "oauth_signing_keys" ("kid" text NOT NULL, "algorithm" text NOT NULL, "public_jwk" jsonb NOT NULL, "private_jwk" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "oauth_signing_keys_pkey" PRIMARY KEY ("kid"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "oauth_authorization_codes" ("code_hash" text NOT NULL, "client_id" text NOT NULL, "user_id" uuid NOT NULL, "company_ids" uuid array NOT NULL, "scopes" text array NOT NULL, "redirect_uri" text NOT NULL, "code_challenge" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consumed_at" TIMESTAMP WITH TIME ZONE, "family_id" uuid, CONSTRAINT "oauth_authorization_codes_pkey" PRIMARY KEY ("code_hash"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "oauth_refresh_tokens" ("id" uuid NOT NULL, "token_hash" text NOT NULL, "family_id" uuid NOT NULL, "client_id" text NOT NULL, "user_id" uuid NOT NULL, "company_ids" uuid array NOT NULL, "scopes" text array NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "rotated_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "oauth_refresh_tokens_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "oauth_refresh_tokens_family_id_idx" ON "oauth_refresh_tokens" ("family_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "oauth_refresh_tokens_token_hash_key" ON "oauth_refresh_tokens" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "oauth_revoked_access_tokens" ("jti" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "oauth_revoked_access_tokens_pkey" PRIMARY KEY ("jti"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "oauth_revoked_access_tokens_expires_at_idx" ON "oauth_revoked_access_tokens" ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "oauth_sign_in_sessions" ("id_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "oauth_sign_in_sessions_pkey" PRIMARY KEY ("id_hash"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "memberships_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "oauth_clients" ADD CONSTRAINT "oauth_clients_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "oauth_clients" DROP CONSTRAINT "oauth_clients_company_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "memberships_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "memberships_company_id_fkey"`);
    await queryRunner.query(`DROP TABLE "oauth_sign_in_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."oauth_revoked_access_tokens_expires_at_idx"`);
    await queryRunner.query(`DROP TABLE "oauth_revoked_access_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."oauth_refresh_tokens_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."oauth_refresh_tokens_family_id_idx"`);
    await queryRunner.query(`DROP TABLE "oauth_refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "oauth_authorization_codes"`);
    await queryRunner.query(`DROP TABLE "oauth_signing_keys"`);
    await queryRunner.query(`DROP INDEX "public"."oauth_clients_client_id_key"`);
    await queryRunner.query(`DROP TABLE "oauth_clients"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."companies_live_organization_number_key"`);
    await queryRunner.query(`DROP TABLE "companies"`);
  }
}

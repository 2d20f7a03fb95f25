import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security on every tenant table, enabled and forced, so that a query that forgets
 * its company filter still returns nothing. A transaction names its tenant with SET LOCAL
 * settings (see src/database/database.service.ts); each policy also admits the one narrow
 * lookup that must cross companies: a person's own memberships, an OAuth client by client_id.
 */
export class EnableTenantRowLevelSecurity1795797918858 implements MigrationInterface {
  name = 'EnableTenantRowLevelSecurity1795797918858';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-written: TypeORM cannot describe an expression index.
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users" (lower("email"))`);

    for (const setting of ['company_id', 'user_id']) {
      await queryRunner.query(`
        CREATE FUNCTION app_${setting}() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT NULLIF(current_setting('app.${setting}', true), '')::uuid $$`);
    }
    await queryRunner.query(`
      CREATE FUNCTION app_client_id() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT NULLIF(current_setting('app.client_id', true), '') $$`);

    await this.protect(queryRunner, 'companies', {
      using: `id = app_company_id() OR id IN (SELECT company_id FROM memberships WHERE user_id = app_user_id())`,
      check: `id = app_company_id()`,
    });
    await this.protect(queryRunner, 'memberships', {
      using: `company_id = app_company_id() OR user_id = app_user_id()`,
      check: `company_id = app_company_id()`,
    });
    await this.protect(queryRunner, 'oauth_clients', {
      using: `company_id = app_company_id() OR client_id = app_client_id()`,
      check: `company_id = app_company_id()`,
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['oauth_clients', 'memberships', 'companies']) {
      await queryRunner.query(`DROP POLICY "${table}_tenant_isolation" ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`DROP FUNCTION app_client_id()`);
    await queryRunner.query(`DROP FUNCTION app_user_id()`);
    await queryRunner.query(`DROP FUNCTION app_company_id()`);
    await queryRunner.query(`DROP INDEX "users_email_key"`);
  }

  private async protect(queryRunner: QueryRunner, table: string, policy: { using: string; check: string }) {
    await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY "${table}_tenant_isolation" ON "${table}" USING (${policy.using}) WITH CHECK (${policy.check})`,
    );
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security on the API key and audit tables, enabled and forced like every tenant
 * table. Authentication must find an API key by its id before it knows the company, the way
 * OAuth clients are found by client_id: the transaction names the key in `app.api_key_id`.
 * The audit log is append-only for the application role: it may insert and read, never
 * update, delete or truncate, whatever our code does.
 */
export class ProtectApiKeysAndAuditEvents1795798747169 implements MigrationInterface {
  name = 'ProtectApiKeysAndAuditEvents1795798747169';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION app_api_key_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT NULLIF(current_setting('app.api_key_id', true), '')::uuid $$`);

    await this.protect(queryRunner, 'api_keys', {
      using: `company_id = app_company_id() OR id = app_api_key_id()`,
      check: `company_id = app_company_id()`,
    });
    await this.protect(queryRunner, 'audit_events', {
      using: `company_id = app_company_id()`,
      check: `company_id = app_company_id()`,
    });
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events" FROM hovedbok_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT UPDATE, DELETE ON "audit_events" TO hovedbok_app`);
    for (const table of ['audit_events', 'api_keys']) {
      await queryRunner.query(`DROP POLICY "${table}_tenant_isolation" ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query(`DROP FUNCTION app_api_key_id()`);
  }

  private async protect(queryRunner: QueryRunner, table: string, policy: { using: string; check: string }) {
    await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY "${table}_tenant_isolation" ON "${table}" USING (${policy.using}) WITH CHECK (${policy.check})`,
    );
  }
}

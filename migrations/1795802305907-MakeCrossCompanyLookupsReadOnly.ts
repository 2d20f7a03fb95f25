import type { MigrationInterface, QueryRunner } from 'typeorm';

// The narrow lookups that cross companies (a person's own memberships and companies, an OAuth
// client or an API key by id) were part of each table's one policy, which also governs DELETE:
// a transaction naming only a person could have deleted their memberships elsewhere. Each
// lookup becomes a SELECT-only policy; every write needs the company setting again.
const LOOKUPS: Array<{ table: string; tenant: string; lookup: string }> = [
  {
    table: 'companies',
    tenant: 'id = app_company_id()',
    lookup:
      'id IN (SELECT company_access.company_id FROM company_access WHERE company_access.user_id = app_user_id())',
  },
  { table: 'memberships', tenant: 'company_id = app_company_id()', lookup: 'user_id = app_user_id()' },
  { table: 'oauth_clients', tenant: 'company_id = app_company_id()', lookup: 'client_id = app_client_id()' },
  { table: 'api_keys', tenant: 'company_id = app_company_id()', lookup: 'id = app_api_key_id()' },
];

export class MakeCrossCompanyLookupsReadOnly1795802305907 implements MigrationInterface {
  name = 'MakeCrossCompanyLookupsReadOnly1795802305907';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, tenant, lookup } of LOOKUPS) {
      await queryRunner.query(`DROP POLICY "${table}_tenant_isolation" ON "${table}"`);
      await queryRunner.query(
        `CREATE POLICY "${table}_tenant_isolation" ON "${table}" USING (${tenant}) WITH CHECK (${tenant})`,
      );
      await queryRunner.query(`CREATE POLICY "${table}_lookup" ON "${table}" FOR SELECT USING (${lookup})`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, tenant, lookup } of LOOKUPS) {
      await queryRunner.query(`DROP POLICY "${table}_lookup" ON "${table}"`);
      await queryRunner.query(`DROP POLICY "${table}_tenant_isolation" ON "${table}"`);
      await queryRunner.query(
        `CREATE POLICY "${table}_tenant_isolation" ON "${table}" USING ((${tenant}) OR (${lookup})) WITH CHECK (${tenant})`,
      );
    }
  }
}

import pg from 'pg';
import { signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// Every table holding a company's rows: those with a company_id column, and companies itself.
const TENANT_TABLES_SQL = `
  SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
         CASE WHEN c.relname = 'companies' THEN 'id' ELSE 'company_id' END AS tenant_column
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind = 'r'
     AND (c.relname = 'companies' OR EXISTS (
           SELECT 1 FROM information_schema.columns col
            WHERE col.table_schema = 'public' AND col.table_name = c.relname AND col.column_name = 'company_id'))
   ORDER BY c.relname`;

describe('row-level security on tenant tables', () => {
  let t: TestApp;
  let client: pg.Client;
  let a: SignedUpCompany;
  let tables: Array<{ table: string; enabled: boolean; forced: boolean; tenant_column: string }>;

  beforeAll(async () => {
    t = await createTestApp();
    a = await signUpCompany(t.http);
    await signUpCompany(t.http);
    client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    tables = (await client.query(TENANT_TABLES_SQL)).rows;
  });
  afterAll(async () => {
    await client.end();
    await t.close();
  });

  async function asApplicationRole<T>(settings: Record<string, string>, work: () => Promise<T>): Promise<T> {
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL ROLE hovedbok_app`);
      for (const [name, value] of Object.entries(settings)) {
        await client.query('SELECT set_config($1, $2, true)', [name, value]);
      }
      return await work();
    } finally {
      await client.query('ROLLBACK');
    }
  }

  it('is enabled and forced on every tenant table', () => {
    expect(tables.map((row) => row.table)).toEqual(
      expect.arrayContaining(['companies', 'memberships', 'oauth_clients']),
    );
    expect(tables.filter((row) => !row.enabled || !row.forced)).toEqual([]);
  });

  it('shows the application role no rows at all without a company setting', async () => {
    const populated: string[] = [];
    for (const { table } of tables) {
      const { rows: stored } = await client.query(`SELECT 1 FROM "${table}" LIMIT 1`);
      if (stored.length > 0) populated.push(table);
      const visible = await asApplicationRole(
        {},
        async () => (await client.query(`SELECT * FROM "${table}"`)).rowCount,
      );
      expect({ table, visible }).toEqual({ table, visible: 0 });
    }
    // The check means something only where rows exist: sign-up fills at least these.
    expect(populated).toEqual(expect.arrayContaining(['companies', 'memberships', 'oauth_clients']));
  });

  it("shows only the named company's rows, even to a query that forgets to filter", async () => {
    for (const { table, tenant_column } of tables) {
      const seen = await asApplicationRole({ 'app.company_id': a.companyId }, async () =>
        (await client.query(`SELECT DISTINCT "${tenant_column}"::text AS company FROM "${table}"`)).rows.map(
          (row: { company: string }) => row.company,
        ),
      );
      expect(seen.filter((company) => company !== a.companyId)).toEqual([]);
    }
  });

  it('lets the cross-company lookups read, but never change or delete', async () => {
    const lookups: Array<[Record<string, string>, string, string]> = [
      [{ 'app.user_id': a.userId }, 'memberships', `user_id = '${a.userId}'`],
      [{ 'app.user_id': a.userId }, 'companies', `id = '${a.companyId}'`],
      [{ 'app.client_id': a.clientId }, 'oauth_clients', `client_id = '${a.clientId}'`],
    ];
    for (const [settings, table, where] of lookups) {
      const outcome = await asApplicationRole(settings, async () => ({
        table,
        read: (await client.query(`SELECT 1 FROM "${table}" WHERE ${where}`)).rowCount,
        updated: (await client.query(`UPDATE "${table}" SET created_at = created_at WHERE ${where}`))
          .rowCount,
        deleted: (await client.query(`DELETE FROM "${table}" WHERE ${where}`)).rowCount,
      }));
      expect(outcome).toEqual({ table, read: 1, updated: 0, deleted: 0 });
    }
  });

  it('refuses to write a row into another company', async () => {
    await expect(
      asApplicationRole({ 'app.company_id': a.companyId }, () =>
        client.query(
          `INSERT INTO companies (id, organization_number, name, environment) VALUES (gen_random_uuid(), '974760673', 'X', 'test')`,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

import type { MigrationInterface, QueryRunner } from 'typeorm';

// Who may work in which company, with which role: direct memberships, and the owners and
// accountants of every accounting firm a company engaged (as accountants), unless they have a
// direct membership there, which wins. security_invoker: read with the caller's row-level
// security, so it shows no more than the tables it reads.
const COMPANY_ACCESS_VIEW = `
  CREATE VIEW company_access WITH (security_invoker = true) AS
    SELECT m.company_id, m.user_id, m.role, 'direct'::text AS via
      FROM memberships m
    UNION ALL
    SELECT DISTINCT e.company_id, f.user_id, 'accountant'::text AS role, 'firm'::text AS via
      FROM accounting_firm_engagements e
      JOIN memberships f ON f.company_id = e.firm_company_id AND f.role IN ('owner', 'accountant')
     WHERE NOT EXISTS (
       SELECT 1 FROM memberships d WHERE d.company_id = e.company_id AND d.user_id = f.user_id)`;

/**
 * Row-level security on engagements: the client company sees and writes its own; a person
 * only sees the engagements of the firms they belong to, so their access to the clients can
 * be worked out.
 * Companies become visible to whoever has access to them, directly or through a firm. A client
 * looks a firm up by organisation number through one definer function that answers only the
 * firm's id, name and number, never the rest of another tenant's company row.
 */
export class ShareCompaniesWithAccountingFirms1795802304907 implements MigrationInterface {
  name = 'ShareCompaniesWithAccountingFirms1795802304907';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounting_firm_engagements" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "accounting_firm_engagements" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`
      CREATE POLICY "accounting_firm_engagements_tenant_isolation" ON "accounting_firm_engagements"
        USING (company_id = app_company_id()) WITH CHECK (company_id = app_company_id())`);
    // Reading only: a firm's people may see their clients' engagements, never change or end them.
    await queryRunner.query(`
      CREATE POLICY "accounting_firm_engagements_firm_read" ON "accounting_firm_engagements" FOR SELECT
        USING (firm_company_id IN (SELECT company_id FROM memberships WHERE user_id = app_user_id()))`);
    await queryRunner.query(COMPANY_ACCESS_VIEW);
    await queryRunner.query(`GRANT SELECT ON company_access TO hovedbok_app`);
    await queryRunner.query(`DROP POLICY "companies_tenant_isolation" ON "companies"`);
    await queryRunner.query(`
      CREATE POLICY "companies_tenant_isolation" ON "companies"
        USING (id = app_company_id() OR id IN (SELECT company_id FROM company_access WHERE user_id = app_user_id()))
        WITH CHECK (id = app_company_id())`);
    await queryRunner.query(`
      CREATE FUNCTION live_company_by_organization_number(number text)
        RETURNS TABLE (id uuid, organization_number text, name text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
      AS $$ SELECT c.id, c.organization_number::text, c.name FROM companies c
             WHERE c.organization_number = number AND c.environment = 'live' $$`);
    await queryRunner.query(
      `REVOKE EXECUTE ON FUNCTION live_company_by_organization_number(text) FROM PUBLIC`,
    );
    await queryRunner.query(
      `GRANT EXECUTE ON FUNCTION live_company_by_organization_number(text) TO hovedbok_app`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION live_company_by_organization_number(text)`);
    await queryRunner.query(`DROP POLICY "companies_tenant_isolation" ON "companies"`);
    await queryRunner.query(`
      CREATE POLICY "companies_tenant_isolation" ON "companies"
        USING (id = app_company_id() OR id IN (SELECT company_id FROM memberships WHERE user_id = app_user_id()))
        WITH CHECK (id = app_company_id())`);
    await queryRunner.query(`DROP VIEW company_access`);
    for (const policy of ['firm_read', 'tenant_isolation']) {
      await queryRunner.query(
        `DROP POLICY "accounting_firm_engagements_${policy}" ON "accounting_firm_engagements"`,
      );
    }
    await queryRunner.query(`ALTER TABLE "accounting_firm_engagements" NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "accounting_firm_engagements" DISABLE ROW LEVEL SECURITY`);
  }
}

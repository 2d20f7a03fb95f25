import pg from 'pg';
import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { addMember, organizationNumberOf } from '../../support/people.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// The company_access view and the engagement policy, read as the application role: what a
// person sees depends only on the settings the transaction names.
describe('company_access and accounting firm engagements under row-level security', () => {
  let t: TestApp;
  let db: pg.Client;
  let clientCompany: SignedUpCompany;
  let firm: SignedUpCompany;
  let firmViewer: SignedUpCompany;
  let stranger: SignedUpCompany;

  beforeAll(async () => {
    t = await createTestApp();
    db = new pg.Client({ connectionString: t.database.url });
    await db.connect();
    [clientCompany, firm, firmViewer, stranger] = [
      await signUpCompany(t.http),
      await signUpCompany(t.http, { environment: 'live' }),
      await signUpCompany(t.http),
      await signUpCompany(t.http),
    ];
    await addMember(t, firm, firmViewer, 'viewer');
    const token = await clientToken(t.http, clientCompany, ['company:write']);
    const res = await request(t.http)
      .post('/v1/accounting-firms')
      .auth(token, { type: 'bearer' })
      .send({ organizationNumber: await organizationNumberOf(t, firm) });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function asApplicationRole<T>(settings: Record<string, string>, work: () => Promise<T>): Promise<T> {
    await db.query('BEGIN');
    try {
      await db.query(`SET LOCAL ROLE hovedbok_app`);
      for (const [name, value] of Object.entries(settings)) {
        await db.query('SELECT set_config($1, $2, true)', [name, value]);
      }
      return await work();
    } finally {
      await db.query('ROLLBACK');
    }
  }
  const accessOf = (userId: string) =>
    asApplicationRole({ 'app.user_id': userId }, async () =>
      (
        await db.query(`SELECT company_id, role, via FROM company_access WHERE user_id = $1 ORDER BY via`, [
          userId,
        ])
      ).rows.map((row: { company_id: string; role: string; via: string }) => ({ ...row })),
    );

  it("shows the firm's owner their own company directly and the client as accountant through the firm", async () => {
    expect(await accessOf(firm.userId)).toEqual([
      { company_id: firm.companyId, role: 'owner', via: 'direct' },
      { company_id: clientCompany.companyId, role: 'accountant', via: 'firm' },
    ]);
  });

  it("gives the firm's viewers nothing in the client", async () => {
    expect(await accessOf(firmViewer.userId)).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ company_id: clientCompany.companyId })]),
    );
  });

  it('shows the engagement to neither a stranger nor another company, and the client company row only to the firm', async () => {
    const strangers: Array<Record<string, string>> = [
      { 'app.user_id': stranger.userId },
      { 'app.company_id': stranger.companyId },
    ];
    for (const settings of strangers) {
      const seen = await asApplicationRole(settings, async () => ({
        engagements: (await db.query('SELECT 1 FROM accounting_firm_engagements')).rowCount,
        clientRow: (await db.query('SELECT 1 FROM companies WHERE id = $1', [clientCompany.companyId]))
          .rowCount,
      }));
      expect(seen).toEqual({ engagements: 0, clientRow: 0 });
    }
    const byFirm = await asApplicationRole(
      { 'app.user_id': firm.userId },
      async () =>
        (await db.query('SELECT name FROM companies WHERE id = $1', [clientCompany.companyId])).rowCount,
    );
    expect(byFirm).toBe(1);
  });

  it('lets a firm member neither add nor end an engagement of the client', async () => {
    await expect(
      asApplicationRole({ 'app.user_id': firm.userId, 'app.company_id': firm.companyId }, () =>
        db.query(
          `INSERT INTO accounting_firm_engagements (company_id, firm_company_id, firm_organization_number, firm_name, created_by)
           VALUES ($1, $2, '974760673', 'X', 'test')`,
          [stranger.companyId, firm.companyId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const deleted = await asApplicationRole(
      { 'app.user_id': firm.userId },
      async () =>
        (
          await db.query('DELETE FROM accounting_firm_engagements WHERE company_id = $1', [
            clientCompany.companyId,
          ])
        ).rowCount,
    );
    expect(deleted).toBe(0);
  });
});

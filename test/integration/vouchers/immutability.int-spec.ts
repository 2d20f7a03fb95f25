import pg from 'pg';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { bookVoucher, salesVoucher, transferVoucher, type VoucherBody } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import request from 'supertest';

/**
 * DOMAIN.md rule 3 held by the database, whatever the application does: the application role
 * cannot change or remove a booked voucher or a posting, and not even the owner can (triggers).
 */
describe('booked vouchers and postings are immutable in the database', () => {
  let t: TestApp;
  let client: pg.Client;
  let company: SignedUpCompany;
  let booked: VoucherBody;
  let draftId: string;

  beforeAll(async () => {
    t = await createTestApp();
    company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company);
    booked = await bookVoucher(t.http, token, salesVoucher('1000.00', '1250.00'));
    const draft = await request(t.http)
      .post('/v1/vouchers')
      .set({ Authorization: `Bearer ${token}` })
      .send({ ...transferVoucher('5.00'), status: 'draft' });
    draftId = draft.body.id;
    client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await t.close();
  });

  /** Runs `sql` in a rolled-back transaction, as the application role for the company or as the owner. */
  async function attempt(sql: string, params: unknown[], asApplication = true): Promise<string> {
    await client.query('BEGIN');
    try {
      if (asApplication) {
        await client.query('SET LOCAL ROLE hovedbok_app');
        await client.query(`SELECT set_config('app.company_id', $1, true)`, [company.companyId]);
      }
      const result = await client.query(sql, params);
      return `ok ${result.rowCount}`;
    } catch (error) {
      return (error as Error).message;
    } finally {
      await client.query('ROLLBACK');
    }
  }

  const postingStatements: [string, string][] = [
    ['update an amount', `UPDATE postings SET amount = amount + 1 WHERE company_id = $1 AND voucher_id = $2`],
    ['delete a posting', `DELETE FROM postings WHERE company_id = $1 AND voucher_id = $2`],
  ];

  it.each(postingStatements)('refuses the application role to %s', async (_, sql) => {
    expect(await attempt(sql, [company.companyId, booked.id])).toMatch(/permission denied/);
  });

  it.each(postingStatements)('refuses even the table owner to %s', async (_, sql) => {
    expect(await attempt(sql, [company.companyId, booked.id], false)).toMatch(/never changed or deleted/);
  });

  it('refuses to truncate postings', async () => {
    expect(await attempt('TRUNCATE postings CASCADE', [], false)).toMatch(/never changed or deleted/);
    expect(await attempt('TRUNCATE postings CASCADE', [])).toMatch(/permission denied/);
  });

  it.each([
    [
      'change its date',
      `UPDATE vouchers SET voucher_date = voucher_date + 1 WHERE company_id = $1 AND id = $2`,
    ],
    ['renumber it', `UPDATE vouchers SET number = number + 100 WHERE company_id = $1 AND id = $2`],
    ['turn it back into a draft', `UPDATE vouchers SET status = 'draft' WHERE company_id = $1 AND id = $2`],
    ['delete it', `DELETE FROM vouchers WHERE company_id = $1 AND id = $2`],
  ])('refuses anyone to %s once booked', async (_, sql) => {
    expect(await attempt(sql, [company.companyId, booked.id])).toMatch(/is booked/);
    expect(await attempt(sql, [company.companyId, booked.id], false)).toMatch(/is booked/);
  });

  it('lets a draft change, as drafts may', async () => {
    expect(
      await attempt(`UPDATE vouchers SET description = 'x' WHERE company_id = $1 AND id = $2`, [
        company.companyId,
        draftId,
      ]),
    ).toBe('ok 1');
  });

  it('refuses postings added to a booked voucher later, even balanced ones', async () => {
    const [line] = booked.postings;
    const sql = `INSERT INTO postings (company_id, id, voucher_id, line_number, kind, posting_date, period_id, account_id,
                   amount, currency_amount)
                 SELECT company_id, gen_random_uuid(), voucher_id, 90 + n, 'entry', posting_date, period_id, account_id,
                   CASE n WHEN 1 THEN 1 ELSE -1 END, CASE n WHEN 1 THEN 1 ELSE -1 END
                   FROM postings, generate_series(1, 2) n WHERE company_id = $1 AND id = $2`;
    expect(await attempt(sql, [company.companyId, line.id])).toMatch(/written once/);
  });

  it('refuses unbalanced postings whoever inserts them', async () => {
    const sql = `INSERT INTO postings (company_id, id, voucher_id, line_number, kind, posting_date, period_id, account_id,
                   amount, currency_amount)
                 SELECT company_id, gen_random_uuid(), $3, 1, 'entry', posting_date, period_id, account_id, 10, 10
                   FROM postings WHERE company_id = $1 AND id = $2`;
    expect(await attempt(sql, [company.companyId, booked.postings[0].id, draftId], false)).toMatch(
      /sum to 10/,
    );
  });

  it('gives the application role no way to write balances directly', async () => {
    const sql = `UPDATE ledger_balances SET debit = debit + 1 WHERE company_id = $1`;
    expect(await attempt(sql, [company.companyId])).toMatch(/permission denied/);
  });
});

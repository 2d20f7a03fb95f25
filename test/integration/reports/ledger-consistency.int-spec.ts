import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import request from 'supertest';
import { LEDGER_DRIFT_SQL, NUMBER_GAPS_SQL, UNBALANCED_VOUCHERS_SQL } from '../../../src/reports/index.js';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { bearer, bookingDate, bookVoucher, salesVoucher, transferVoucher } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, '../../../dist/scripts/check-ledger.js');

describe('the ledger consistency check (npm run ledger:check)', () => {
  let t: TestApp;
  let client: pg.Client;
  let company: SignedUpCompany;

  beforeAll(async () => {
    t = await createTestApp();
    company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company);
    const dimensions = await request(t.http).get('/v1/dimensions').set(bearer(token));
    const [department, project] = (dimensions.body as { data: { id: string }[] }).data;
    const value = async (dimensionId: string, code: string) =>
      (
        await request(t.http)
          .post(`/v1/dimensions/${dimensionId}/values`)
          .set(bearer(token))
          .send({ code, name: code })
      ).body.id as string;
    const sales = await value(department.id, 'SALES');
    const site = await value(project.id, 'SITE-1');
    const free = await request(t.http).post('/v1/dimensions').set(bearer(token)).send({ name: 'Region' });
    const north = await value(free.body.id as string, 'NORTH');
    await bookVoucher(t.http, token, {
      date: bookingDate(),
      postings: [
        {
          accountNumber: '6300',
          amount: '700.00',
          departmentId: sales,
          projectId: site,
          dimensionValueIds: [north],
        },
        { accountNumber: '1920', amount: '-700.00', departmentId: sales },
      ],
    });
    const sale = await bookVoucher(t.http, token, salesVoucher('100.00', '125.00'));
    await request(t.http).post(`/v1/vouchers/${sale.id}/reverse`).set(bearer(token)).send({});
    await bookVoucher(t.http, token, transferVoucher('10.00'));
    client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await t.close();
  });

  async function check(): Promise<{ code: number; output: string }> {
    try {
      const { stdout } = await run(process.execPath, [SCRIPT, company.companyId], {
        env: { ...process.env, DATABASE_URL: t.database.url },
      });
      return { code: 0, output: stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, output: failed.stdout };
    }
  }

  it('finds balances equal to fresh sums, balanced vouchers and gapless numbers', async () => {
    for (const sql of [LEDGER_DRIFT_SQL, UNBALANCED_VOUCHERS_SQL, NUMBER_GAPS_SQL]) {
      expect((await client.query(sql, [company.companyId])).rows).toEqual([]);
    }
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM ledger_balances WHERE company_id = $1`,
      [company.companyId],
    );
    // Total rows plus rows per department, project and free dimension value: all were kept.
    expect(rows[0].n).toBeGreaterThan(10);
    expect(await check()).toMatchObject({ code: 0 });
  });

  it('reports drift when a balance no longer matches its postings', async () => {
    await client.query('BEGIN');
    try {
      await client.query(
        `UPDATE ledger_balances SET debit = debit + 0.01
          WHERE company_id = $1 AND grain = 'M' AND dimension_value_id <> '00000000-0000-0000-0000-000000000000'
            AND ctid = (SELECT ctid FROM ledger_balances WHERE company_id = $1 AND grain = 'M'
                         AND dimension_value_id <> '00000000-0000-0000-0000-000000000000' LIMIT 1)`,
        [company.companyId],
      );
      const { rows } = await client.query(LEDGER_DRIFT_SQL, [company.companyId]);
      expect(rows).toHaveLength(1);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('makes the script exit 1 with the difference when the books are off', async () => {
    await client.query(
      `UPDATE ledger_balances SET credit = credit + 5 WHERE company_id = $1 AND grain = 'D'
          AND ctid = (SELECT ctid FROM ledger_balances WHERE company_id = $1 AND grain = 'D' LIMIT 1)`,
      [company.companyId],
    );
    const result = await check();
    expect(result).toEqual({ code: 1, output: expect.stringContaining('FAIL balances') });
    expect(result.output).toContain('FAIL balances that differ from a fresh sum of the postings: 1');
  });
});

import pg from 'pg';
import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { bearer, bookingDate, bookVoucher, transferVoucher } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const CLIENTS = 16;
const REQUESTS_PER_CLIENT = 12;

describe('booking into one series from many clients at once', () => {
  let t: TestApp;
  let company: SignedUpCompany;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { DATABASE_POOL_SIZE: '20' } });
    company = await signUpCompany(t.http);
    token = await clientToken(t.http, company);
  });
  afterAll(() => t.close());

  async function manualNumbers(): Promise<number[]> {
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT v.number FROM vouchers v JOIN voucher_series s ON s.company_id = v.company_id AND s.id = v.series_id
          WHERE v.company_id = $1 AND s.code = 'MAN' AND v.status = 'booked' ORDER BY v.number`,
        [company.companyId],
      );
      return rows.map((row) => row.number as number);
    } finally {
      await client.end();
    }
  }

  it('numbers 1..N without gaps or duplicates while some requests fail, with no 500', async () => {
    // Every fifth request breaks a ledger rule that only the booking transaction finds.
    const body = (client: number, index: number) =>
      (client + index) % 5 === 0
        ? {
            date: bookingDate(),
            postings: [
              { accountNumber: '1920', amount: '10.00' },
              { accountNumber: '2050', amount: '-9.99' },
            ],
          }
        : transferVoucher(`${client + 1}.${String(index).padStart(2, '0')}`);
    const statuses = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const seen: number[] = [];
        for (let index = 0; index < REQUESTS_PER_CLIENT; index++) {
          const res = await request(t.http).post('/v1/vouchers').set(bearer(token)).send(body(client, index));
          seen.push(res.status);
        }
        return seen;
      }),
    );
    const all = statuses.flat();
    expect(all.filter((status) => status !== 201 && status !== 422)).toEqual([]);
    const booked = all.filter((status) => status === 201).length;
    expect(booked).toBeGreaterThan(CLIENTS * REQUESTS_PER_CLIENT * 0.7);
    expect(await manualNumbers()).toEqual(Array.from({ length: booked }, (_, i) => i + 1));
    const trial = await request(t.http)
      .get('/v1/reports/trial-balance')
      .query({ from: bookingDate(), to: bookingDate() })
      .set(bearer(token));
    expect(trial.body.totals.closing).toBe('0.00');
  }, 120_000);

  it('gives a number back when the booking transaction fails after taking it', async () => {
    const admin = new pg.Client({ connectionString: t.database.url });
    await admin.connect();
    try {
      // A fault after the number is taken: the postings insert fails for this one description.
      await admin.query(`
        CREATE FUNCTION test_fail_booking() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM new_rows WHERE description = 'fail after numbering') THEN
            RAISE EXCEPTION 'injected failure';
          END IF;
          RETURN NULL;
        END $$`);
      await admin.query(`CREATE TRIGGER test_fail_booking AFTER INSERT ON postings REFERENCING NEW TABLE AS new_rows
                         FOR EACH STATEMENT EXECUTE FUNCTION test_fail_booking()`);
      const before = await manualNumbers();
      const failing = transferVoucher('1.00');
      failing.postings[0] = { ...failing.postings[0], description: 'fail after numbering' } as never;
      const res = await request(t.http).post('/v1/vouchers').set(bearer(token)).send(failing);
      expect(res.status).toBe(500);
      const next = await bookVoucher(t.http, token, transferVoucher('1.00'));
      expect(next.number).toBe(before.length + 1);
    } finally {
      await admin.query('DROP TRIGGER IF EXISTS test_fail_booking ON postings');
      await admin.query('DROP FUNCTION IF EXISTS test_fail_booking()');
      await admin.end();
    }
  });
});

import request from 'supertest';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { bearer, bookingDate, salesVoucher, transferVoucher } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('POST /v1/vouchers/batch', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await clientToken(t.http, await signUpCompany(t.http));
  });
  afterAll(() => t.close());

  async function bookedCount(): Promise<number> {
    const res = await request(t.http)
      .get('/v1/vouchers')
      .query({ limit: 1000, status: 'booked' })
      .set(bearer(token));
    return (res.body as { data: unknown[] }).data.length;
  }

  it('books every voucher, numbered in request order within each series, with one result per item', async () => {
    const res = await request(t.http)
      .post('/v1/vouchers/batch')
      .set(bearer(token))
      .send({
        vouchers: [transferVoucher('1.00'), salesVoucher('100.00', '125.00'), transferVoucher('2.00')],
      });
    expect(res.status).toBe(201);
    const items = (res.body as { data: { index: number; series: string; number: number; id: string }[] })
      .data;
    expect(items.map((item) => [item.index, item.series, item.number])).toEqual([
      [0, 'MAN', 1],
      [1, 'SAL', 1],
      [2, 'MAN', 2],
    ]);
    // Each voucher has its audit entry, written in the same statement, naming its number.
    const audit = await request(t.http).get('/v1/audit-events').query({ limit: 100 }).set(bearer(token));
    const booked = (
      audit.body as { data: { action: string; resourceId: string; details: { number: number } }[] }
    ).data.filter((event) => event.action === 'voucher.booked');
    expect(items.map((item) => booked.find((event) => event.resourceId === item.id)?.details.number)).toEqual(
      [1, 1, 2],
    );
    const sale = await request(t.http).get(`/v1/vouchers/${items[1].id}`).set(bearer(token));
    expect((sale.body as { postings: { amount: string }[] }).postings.map((p) => p.amount)).toEqual([
      '125.00',
      '-100.00',
      '-25.00',
    ]);
  });

  it('books nothing when one voucher breaks a rule, and points at every problem', async () => {
    const before = await bookedCount();
    const unbalanced = {
      date: bookingDate(),
      postings: [
        { accountNumber: '1920', amount: '5.00' },
        { accountNumber: '2050', amount: '-4.00' },
      ],
    };
    const unknownAccount = transferVoucher('3.00', '8998');
    const res = await request(t.http)
      .post('/v1/vouchers/batch')
      .set(bearer(token))
      .send({ vouchers: [transferVoucher('1.00'), unknownAccount, unbalanced, transferVoucher('1.00')] });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VOUCHER_BATCH_REJECTED');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ pointer: '/vouchers/1/postings/0/accountNumber', rule: 'accountExists' }),
      expect.objectContaining({ pointer: '/vouchers/2/postings', rule: 'VOUCHER_UNBALANCED' }),
    ]);
    expect(await bookedCount()).toBe(before);
  });

  it('refuses a voucher dated where no fiscal year is, pointing at its date', async () => {
    const res = await request(t.http)
      .post('/v1/vouchers/batch')
      .set(bearer(token))
      .send({ vouchers: [transferVoucher('1.00'), transferVoucher('1.00', '1920', '2050', '1990-01-31')] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ pointer: '/vouchers/1/date', rule: 'NO_FISCAL_YEAR' }),
    ]);
  });

  it('refuses more than 1,000 vouchers and an empty batch with 400', async () => {
    const tooMany = Array.from({ length: 1001 }, () => transferVoucher('1.00'));
    const big = await request(t.http)
      .post('/v1/vouchers/batch')
      .set(bearer(token))
      .send({ vouchers: tooMany });
    expect(big.status).toBe(400);
    expect(big.body.errors).toContainEqual(
      expect.objectContaining({ pointer: '/vouchers', rule: 'arrayMaxSize' }),
    );
    const empty = await request(t.http).post('/v1/vouchers/batch').set(bearer(token)).send({ vouchers: [] });
    expect(empty.status).toBe(400);
  });

  it('books a full batch of 1,000 vouchers', async () => {
    const before = await bookedCount();
    const res = await request(t.http)
      .post('/v1/vouchers/batch')
      .set(bearer(token))
      .send({ vouchers: Array.from({ length: 1000 }, (_, i) => transferVoucher(`${i + 1}.00`)) });
    expect(res.status).toBe(201);
    const numbers = (res.body as { data: { number: number }[] }).data.map((item) => item.number);
    expect(numbers).toEqual(Array.from({ length: 1000 }, (_, i) => numbers[0] + i));
    expect(await bookedCount()).toBe(Math.min(before + 1000, 1000));
  }, 60_000);
});

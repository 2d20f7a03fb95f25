import request from 'supertest';
import { clientToken, signUpCompany } from '../../support/factories.js';
import {
  bearer,
  bookingDate,
  bookVoucher,
  partyId,
  periodFor,
  salesVoucher,
  transferVoucher,
  type PostingBody,
} from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('POST /v1/vouchers', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await clientToken(t.http, await signUpCompany(t.http));
  });
  afterAll(() => t.close());

  async function countVouchers(): Promise<number> {
    const res = await request(t.http).get('/v1/vouchers').query({ limit: 1000 }).set(bearer(token));
    return res.body.data.length;
  }

  it('books a sales voucher with its generated VAT line and the next number of its series', async () => {
    const first = await bookVoucher(t.http, token, salesVoucher('1000.00', '1250.00'));
    const second = await bookVoucher(t.http, token, salesVoucher('80.00', '100.00'));
    expect(first).toMatchObject({ status: 'booked', type: 'sales', series: 'SAL', date: bookingDate() });
    expect(second.number).toBe(first.number + 1);
    expect(first.postings.map((p: PostingBody) => [p.kind, p.accountNumber, p.amount, p.vatCode])).toEqual([
      ['entry', '1500', '1250.00', null],
      ['entry', '3000', '-1000.00', '3'],
      ['vat', '2700', '-250.00', '3'],
    ]);
    const read = await request(t.http).get(`/v1/vouchers/${first.id}`).set(bearer(token));
    expect(read.status).toBe(200);
    expect(read.body).toEqual(first);
    const audit = await request(t.http).get('/v1/audit-events').query({ limit: 100 }).set(bearer(token));
    expect(
      (audit.body as { data: { action: string; resourceId: string; details: object }[] }).data.find(
        (event) => event.resourceId === second.id,
      ),
    ).toMatchObject({ action: 'voucher.booked', details: { series: 'SAL', number: second.number } });
  });

  it('answers a dry run with the computed postings and number, and stores nothing', async () => {
    const before = await countVouchers();
    const res = await request(t.http)
      .post('/v1/vouchers')
      .query({ dryRun: 'true' })
      .set(bearer(token))
      .send({ ...salesVoucher('99.99', '99.99'), amountsIncludeVat: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dryRun: true,
      series: 'SAL',
      debit: '99.99',
      credit: '99.99',
      rounding: '0.00',
    });
    expect(res.body.postings.map((p: PostingBody) => p.amount)).toEqual(['99.99', '-79.99', '-20.00']);
    expect(await countVouchers()).toBe(before);
    const booked = await bookVoucher(t.http, token, {
      ...salesVoucher('99.99', '99.99'),
      amountsIncludeVat: true,
    });
    expect(booked.number).toBe(res.body.number);
  });

  it('refuses an unbalanced voucher with 422 and the sums, storing nothing', async () => {
    const before = await countVouchers();
    const res = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send({
        date: bookingDate(),
        postings: [
          { accountNumber: '1920', amount: '100.00' },
          { accountNumber: '2050', amount: '-90.00' },
        ],
      });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('VOUCHER_UNBALANCED');
    expect(res.body.detail).toContain('differ by 10.00');
    expect(await countVouchers()).toBe(before);
  });

  it('points at each line that breaks a ledger rule', async () => {
    const res = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send({
        date: bookingDate(),
        postings: [
          { accountNumber: '1500', amount: '100.00' },
          { accountNumber: '8998', amount: '-100.00' },
        ],
      });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('POSTING_RULES_BROKEN');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ pointer: '/postings/0/customerId', rule: 'customerRequired' }),
      expect.objectContaining({ pointer: '/postings/1/accountNumber', rule: 'accountExists' }),
    ]);
  });

  it.each([
    ['a JSON number', 1250.5, 'isAmount'],
    ['three decimals', '1.005', 'isAmount'],
    ['NaN', 'NaN', 'isAmount'],
    ['Infinity', 'Infinity', 'isAmount'],
    ['1e309', '1e309', 'isAmount'],
    ['negative zero', '-0', 'isAmount'],
    ['beyond numeric(19,4)', '1234567890123456.00', 'isAmount'],
  ])('refuses %s as an amount with 400 and a pointer', async (_, amount, rule) => {
    const before = await countVouchers();
    const res = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send({
        date: bookingDate(),
        postings: [
          { accountNumber: '1920', amount },
          { accountNumber: '2050', amount: '-1.00' },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer: '/postings/0/amount', rule }));
    expect(await countVouchers()).toBe(before);
  });

  it.each([
    ['30 February', '2026-02-30'],
    ['year 0', '0000-01-01'],
    ['a timestamp', '2026-11-27T10:00:00Z'],
    ['month 13', '2026-13-01'],
  ])('refuses %s as a date with 400 and a pointer', async (_, date) => {
    const res = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send(transferVoucher('1.00', '1920', '2050', date));
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({ pointer: '/date', rule: 'isCalendarDate' }),
    );
  });

  it('refuses a date no fiscal year covers', async () => {
    const res = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send(transferVoucher('1.00', '1920', '2050', '1999-06-30'));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('NO_FISCAL_YEAR');
  });

  it('refuses postings into a closed period and takes them again once reopened', async () => {
    const date = `${Number(bookingDate().slice(0, 4)) + 1}-03-15`;
    const period = await periodFor(t.http, token, date);
    const closed = await request(t.http).post(`/v1/periods/${period.id}/close`).set(bearer(token));
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const refused = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send(transferVoucher('5.00', '1920', '2050', date));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PERIOD_CLOSED');
    expect((await request(t.http).post(`/v1/periods/${period.id}/reopen`).set(bearer(token))).status).toBe(
      200,
    );
    await bookVoucher(t.http, token, transferVoucher('5.00', '1920', '2050', date));
  });

  it('keeps a draft editable until it is booked, then refuses changes', async () => {
    const draft = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send({ ...transferVoucher('10.00'), status: 'draft' });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', number: null, postings: [] });
    const changed = await request(t.http)
      .put(`/v1/vouchers/${draft.body.id}`)
      .set(bearer(token))
      .send(transferVoucher('12.00'));
    expect(changed.status).toBe(200);
    expect(changed.body.draftPostings[0].amount).toBe('12.00');
    const booked = await request(t.http).post(`/v1/vouchers/${draft.body.id}/book`).set(bearer(token));
    expect(booked.status).toBe(200);
    expect(booked.body).toMatchObject({ status: 'booked', draftPostings: null });
    expect(booked.body.postings.map((p: PostingBody) => p.amount)).toEqual(['12.00', '-12.00']);
    // The answer is built from what the booking wrote; it must be what a read gives.
    const read = await request(t.http).get(`/v1/vouchers/${draft.body.id}`).set(bearer(token));
    expect(read.body).toEqual(booked.body);
    const refused = await request(t.http)
      .put(`/v1/vouchers/${draft.body.id}`)
      .set(bearer(token))
      .send(transferVoucher('1.00'));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('VOUCHER_BOOKED');
    const deleted = await request(t.http).delete(`/v1/vouchers/${draft.body.id}`).set(bearer(token));
    expect(deleted.status).toBe(409);
  });

  it('reverses a booked voucher once, with opposite postings linked both ways', async () => {
    const original = await bookVoucher(t.http, token, salesVoucher('400.00', '500.00'));
    const res = await request(t.http).post(`/v1/vouchers/${original.id}/reverse`).set(bearer(token)).send({});
    expect(res.status).toBe(201);
    expect(res.body.reversesVoucherId).toBe(original.id);
    expect(res.body.postings.map((p: PostingBody) => [p.accountNumber, p.amount])).toEqual(
      original.postings.map((p: PostingBody) => [
        p.accountNumber,
        p.amount.startsWith('-') ? p.amount.slice(1) : `-${p.amount}`,
      ]),
    );
    const reread = await request(t.http).get(`/v1/vouchers/${original.id}`).set(bearer(token));
    expect(reread.body.reversedByVoucherId).toBe(res.body.id);
    const reversal = await request(t.http).get(`/v1/vouchers/${res.body.id}`).set(bearer(token));
    expect(reversal.body).toEqual(res.body);
    const again = await request(t.http)
      .post(`/v1/vouchers/${original.id}/reverse`)
      .set(bearer(token))
      .send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('VOUCHER_ALREADY_REVERSED');
  });

  it('needs the vouchers:write scope', async () => {
    const company = await signUpCompany(t.http);
    const readOnly = await clientToken(t.http, company, ['vouchers:read']);
    const res = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(readOnly))
      .send(transferVoucher('1.00'));
    expect(res.status).toBe(403);
    expect((await request(t.http).post('/v1/vouchers').send(transferVoucher('1.00'))).status).toBe(401);
  });

  it("answers 404 for another company's voucher", async () => {
    const mine = await bookVoucher(t.http, token, transferVoucher('3.00'));
    const other = await clientToken(t.http, await signUpCompany(t.http));
    expect((await request(t.http).get(`/v1/vouchers/${mine.id}`).set(bearer(other))).status).toBe(404);
    expect(
      (await request(t.http).post(`/v1/vouchers/${mine.id}/reverse`).set(bearer(other)).send({})).status,
    ).toBe(404);
  });

  it('requires a supplier on the payables control account', async () => {
    const res = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send({
        date: bookingDate(),
        postings: [
          { accountNumber: '4300', amount: '800.00', vatCode: '1' },
          { accountNumber: '2400', amount: '-1000.00', supplierId: partyId() },
        ],
      });
    expect(res.status).toBe(201);
    expect(res.body.postings.map((p: PostingBody) => [p.accountNumber, p.amount])).toEqual([
      ['4300', '800.00'],
      ['2710', '200.00'],
      ['2400', '-1000.00'],
    ]);
  });
});

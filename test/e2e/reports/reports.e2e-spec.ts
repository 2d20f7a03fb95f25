import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { addDays, MoneyDecimal } from '../../../src/common/index.js';
import { clientToken, signUpCompany } from '../../support/factories.js';
import {
  bearer,
  bookingDate,
  bookVoucher,
  partyId,
  salesVoucher,
  transferVoucher,
} from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

interface Line {
  accountNumber: string;
  opening: string;
  debit: string;
  credit: string;
  closing: string;
}

describe('real-time reports', () => {
  let t: TestApp;
  let token: string;
  const today = bookingDate();
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const yearEnd = `${today.slice(0, 4)}-12-31`;
  const lastYear = `${Number(today.slice(0, 4)) - 1}-06-30`;

  beforeAll(async () => {
    t = await createTestApp();
    token = await clientToken(t.http, await signUpCompany(t.http));
    await bookVoucher(t.http, token, transferVoucher('50000.00', '1920', '2000', lastYear));
    await bookVoucher(t.http, token, salesVoucher('1000.00', '1250.00'));
    await bookVoucher(t.http, token, salesVoucher('200.00', '250.00'));
    await bookVoucher(t.http, token, {
      date: today,
      postings: [
        { accountNumber: '6300', amount: '800.00' },
        { accountNumber: '1920', amount: '-800.00' },
      ],
    });
    await bookVoucher(t.http, token, {
      date: today,
      postings: [
        { accountNumber: '4300', amount: '400.00', vatCode: '1' },
        { accountNumber: '2400', amount: '-500.00', supplierId: partyId() },
      ],
    });
  });
  afterAll(() => t.close());

  const get = (path: string, query: Record<string, string>) =>
    request(t.http).get(path).query(query).set(bearer(token));

  it('gives a trial balance with opening, movement and closing that sums to zero', async () => {
    const res = await get('/v1/reports/trial-balance', { from: yearStart, to: yearEnd });
    expect(res.status).toBe(200);
    const lines = Object.fromEntries((res.body.lines as Line[]).map((line) => [line.accountNumber, line]));
    expect(lines['1920']).toMatchObject({ opening: '50000.00', credit: '800.00', closing: '49200.00' });
    expect(lines['3000']).toMatchObject({ opening: '0.00', credit: '1200.00', closing: '-1200.00' });
    expect(lines['2700']).toMatchObject({ closing: '-300.00' });
    expect(lines['2710']).toMatchObject({ closing: '100.00' });
    expect(res.body.totals).toMatchObject({
      opening: '0.00',
      closing: '0.00',
      debit: res.body.totals.credit,
    });
    expect(res.body.lines[0].postingsUrl).toContain(`/v1/postings?accountId=`);
  });

  it('gives a profit and loss with sections, subtotals and a comparison period', async () => {
    const res = await get('/v1/reports/profit-and-loss', {
      from: yearStart,
      to: yearEnd,
      compareFrom: `${Number(today.slice(0, 4)) - 1}-01-01`,
      compareTo: `${Number(today.slice(0, 4)) - 1}-12-31`,
    });
    expect(res.status).toBe(200);
    const section = (key: string) => res.body.sections.find((s: { key: string }) => s.key === key);
    const subtotal = (key: string) => res.body.subtotals.find((s: { key: string }) => s.key === key);
    expect(section('salesRevenue')).toMatchObject({ amount: '1200.00', compareAmount: '0.00' });
    expect(section('costOfGoodsSold')).toMatchObject({ amount: '-400.00' });
    expect(section('otherOperatingExpenses')).toMatchObject({ amount: '-800.00' });
    expect(subtotal('operatingResult')).toMatchObject({ amount: '0.00' });
    expect(subtotal('annualResult')).toMatchObject({ amount: '0.00', compareAmount: '0.00' });
  });

  it('refuses half a comparison period with a 400 naming the missing parameter', async () => {
    const res = await get('/v1/reports/profit-and-loss', {
      from: yearStart,
      to: yearEnd,
      compareFrom: yearStart,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ parameter: 'compareTo', rule: 'required' })]);
  });

  it('gives a balance sheet that balances, with the result not yet closed shown in equity', async () => {
    const res = await get('/v1/reports/balance-sheet', { at: yearEnd, compareAt: lastYear });
    expect(res.status).toBe(200);
    const subtotal = (key: string) => res.body.subtotals.find((s: { key: string }) => s.key === key);
    expect(subtotal('totalAssets').amount).toBe(subtotal('totalEquityAndLiabilities').amount);
    expect(subtotal('totalAssets').compareAmount).toBe('50000.00');
    // 1920 49,200 + 1500 1,500; input VAT 2710 is a negative liability, not an asset.
    expect(subtotal('totalAssets').amount).toBe('50700.00');
  });

  it('pages a general ledger with an exact running balance on every page', async () => {
    const account = (await get('/v1/accounts', { numberFrom: '1920', numberTo: '1920' })).body.data[0];
    const seen: { amount: string; balance: string }[] = [];
    let cursor: string | null = null;
    let opening: string | undefined;
    do {
      const query: Record<string, string> = {
        accountId: account.id,
        from: addDays(lastYear, -1),
        to: yearEnd,
        limit: '1',
      };
      if (cursor) query.cursor = cursor;
      const res = await get('/v1/reports/general-ledger', query);
      expect(res.status).toBe(200);
      opening = res.body.opening;
      expect(res.body.closing).toBe('49200.00');
      seen.push(...res.body.data);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(opening).toBe('0.00');
    expect(seen.map((line) => line.balance)).toEqual(['50000.00', '49200.00']);
  });

  it('gives every balance at a date', async () => {
    const res = await get('/v1/reports/balances', { at: lastYear });
    expect(res.status).toBe(200);
    expect(
      res.body.data.map((line: { accountNumber: string; balance: string }) => [
        line.accountNumber,
        line.balance,
      ]),
    ).toEqual([
      ['1920', '50000.00'],
      ['2000', '-50000.00'],
    ]);
  });

  it('queries postings by account range and date, page by page, each linked to its voucher', async () => {
    const first = await get('/v1/postings', {
      accountNumberFrom: '2700',
      accountNumberTo: '2710',
      limit: '2',
    });
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    const second = await get('/v1/postings', {
      accountNumberFrom: '2700',
      accountNumberTo: '2710',
      limit: '2',
      cursor: first.body.nextCursor,
    });
    const all = [...first.body.data, ...second.body.data];
    expect(all.map((p: { accountNumber: string }) => p.accountNumber).sort()).toEqual([
      '2700',
      '2700',
      '2710',
    ]);
    expect(second.body.nextCursor).toBeNull();
    const voucher = await request(t.http).get(all[0].voucherUrl).set(bearer(token));
    expect(voucher.status).toBe(200);
  });

  it('exports postings as CSV', async () => {
    const res = await request(t.http)
      .get('/v1/postings/export.csv')
      .query({ from: yearStart })
      .set(bearer(token));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows: Record<string, string>[] = parse(res.text, { columns: true });
    expect(Object.keys(rows[0]).slice(0, 8)).toEqual([
      'date',
      'voucher',
      'voucher_id',
      'line',
      'kind',
      'account',
      'account_name',
      'amount',
    ]);
    expect(rows).toHaveLength(11);
    const total = rows.reduce((sum, row) => sum.plus(row.amount), new MoneyDecimal(0));
    expect(total.isZero()).toBe(true);
    // The same postings, in the same order and with the same figures, as the JSON query.
    const json = await request(t.http)
      .get('/v1/postings')
      .query({ from: yearStart, limit: 100 })
      .set(bearer(token));
    expect(
      rows.map((row) => [row.date, row.voucher, row.account, row.amount, row.vat_code, row.posting_id]),
    ).toEqual(
      json.body.data.map((p: Record<string, string | null>) => [
        p.date,
        p.voucher,
        p.accountNumber,
        p.amount,
        p.vatCode ?? '',
        p.id,
      ]),
    );
  });
});

describe('reports as CSV', () => {
  let t: TestApp;
  let token: string;
  const today = bookingDate();
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const yearEnd = `${today.slice(0, 4)}-12-31`;

  beforeAll(async () => {
    t = await createTestApp();
    token = await clientToken(t.http, await signUpCompany(t.http));
    await bookVoucher(t.http, token, salesVoucher('1000.00', '1250.00'));
    await bookVoucher(t.http, token, transferVoucher('300.00', '1920', '2050'));
    // A text that needs quoting in CSV: a comma, quotes and a line break.
    await bookVoucher(t.http, token, {
      date: today,
      description: 'x',
      postings: [
        { accountNumber: '6300', amount: '800.00', description: 'Leie, "kontor"\nnovember' },
        { accountNumber: '1920', amount: '-800.00' },
      ],
    });
  });
  afterAll(() => t.close());

  const get = (path: string, query: Record<string, string>) =>
    request(t.http).get(path).query(query).set(bearer(token));
  const rowsOf = (text: string): Record<string, string>[] => parse(text, { columns: true });

  it('gives the trial balance as CSV with the same figures as its JSON, and a total row', async () => {
    const query = { from: yearStart, to: yearEnd };
    const json = (await get('/v1/reports/trial-balance', query)).body;
    const res = await get('/v1/reports/trial-balance.csv', query);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="trial-balance-${yearStart}-${yearEnd}.csv"`,
    );
    expect(res.text.startsWith('line,account,account_name,')).toBe(true);
    const rows = rowsOf(res.text);
    const accounts = rows.filter((row) => row.line === 'account');
    expect(accounts.map((row) => [row.account, row.opening, row.debit, row.credit, row.closing])).toEqual(
      json.lines.map((line: Line) => [
        line.accountNumber,
        line.opening,
        line.debit,
        line.credit,
        line.closing,
      ]),
    );
    expect(rows.at(-1)).toMatchObject({
      line: 'total',
      debit: json.totals.debit,
      credit: json.totals.credit,
      closing: '0.00',
    });
  });

  it('gives profit and loss and the balance sheet as CSV: accounts, section sums, subtotals', async () => {
    const pl = rowsOf((await get('/v1/reports/profit-and-loss.csv', { from: yearStart, to: yearEnd })).text);
    expect(pl.find((row) => row.line === 'account' && row.account === '3000')).toMatchObject({
      key: 'salesRevenue',
      amount: '1000.00',
      compare_amount: '',
    });
    expect(pl.find((row) => row.line === 'section' && row.key === 'salesRevenue')?.amount).toBe('1000.00');
    expect(pl.find((row) => row.line === 'subtotal' && row.key === 'annualResult')?.amount).toBe('200.00');

    const bs = rowsOf((await get('/v1/reports/balance-sheet.csv', { at: yearEnd })).text);
    const subtotal = (key: string) => bs.find((row) => row.line === 'subtotal' && row.key === key)?.amount;
    expect(subtotal('totalAssets')).toBe(subtotal('totalEquityAndLiabilities'));
    // 1500 1,250 + 1920 300 - 800.
    expect(subtotal('totalAssets')).toBe('750.00');
  });

  it('streams a general ledger as CSV: opening, each posting with its running balance, closing', async () => {
    const account = (await get('/v1/accounts', { numberFrom: '1920', numberTo: '1920' })).body.data[0];
    const res = await get('/v1/reports/general-ledger.csv', {
      accountId: account.id,
      from: yearStart,
      to: yearEnd,
    });
    expect(res.status).toBe(200);
    expect(rowsOf(res.text).map((row) => [row.line, row.amount, row.balance])).toEqual([
      ['opening', '', '0.00'],
      ['posting', '300.00', '300.00'],
      ['posting', '-800.00', '-500.00'],
      ['closing', '', '-500.00'],
    ]);
    const expense = (await get('/v1/accounts', { numberFrom: '6300', numberTo: '6300' })).body.data[0];
    const quoted = rowsOf(
      (await get('/v1/reports/general-ledger.csv', { accountId: expense.id, from: yearStart, to: yearEnd }))
        .text,
    );
    expect(quoted[1].description).toBe('Leie, "kontor"\nnovember');
  });

  it("answers problems, not files, for bad input and another company's account", async () => {
    const bad = await get('/v1/reports/trial-balance.csv', { from: yearStart, to: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors).toEqual([expect.objectContaining({ parameter: 'to' })]);
    const other = await clientToken(t.http, await signUpCompany(t.http));
    const account = (await get('/v1/accounts', { numberFrom: '1920', numberTo: '1920' })).body.data[0];
    const foreign = await request(t.http)
      .get('/v1/reports/general-ledger.csv')
      .query({ accountId: account.id, from: yearStart, to: yearEnd })
      .set(bearer(other));
    expect(foreign.status).toBe(404);
    expect(foreign.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

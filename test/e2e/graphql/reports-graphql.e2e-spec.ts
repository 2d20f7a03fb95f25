import request from 'supertest';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { graphql } from '../../support/graphql.js';
import {
  bearer,
  bookingDate,
  bookVoucher,
  partyId,
  salesVoucher,
  transferVoucher,
} from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('GraphQL reports and postings', () => {
  let t: TestApp;
  let token: string;
  const today = bookingDate();
  const yearStart = `${today.slice(0, 4)}-01-01`;

  beforeAll(async () => {
    t = await createTestApp();
    token = await clientToken(t.http, await signUpCompany(t.http));
    await bookVoucher(t.http, token, salesVoucher('1000.00', '1250.00'));
    const payment = transferVoucher('300.10', '1920', '1500');
    await bookVoucher(t.http, token, {
      ...payment,
      postings: [payment.postings[0], { ...payment.postings[1], customerId: partyId() }],
    });
  });
  afterAll(() => t.close());

  const rest = async (path: string, query: Record<string, string>) =>
    (await request(t.http).get(path).query(query).set(bearer(token))).body;

  it('gives the same trial balance as REST, amounts as decimal strings', async () => {
    const res = await graphql(
      t.http,
      token,
      `
        query ($from: String!, $to: String!) {
          trialBalance(from: $from, to: $to) {
            from
            to
            dimensionValueId
            lines {
              accountId
              accountNumber
              accountName
              accountClass
              opening
              debit
              credit
              closing
              postingCount
              postingsUrl
            }
            totals {
              opening
              debit
              credit
              closing
            }
          }
        }
      `,
      { from: yearStart, to: today },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.trialBalance).toEqual(
      await rest('/v1/reports/trial-balance', { from: yearStart, to: today }),
    );
    expect(res.data?.trialBalance.totals.debit).toBe('1550.10');
  });

  it('gives the profit and loss and the balance sheet', async () => {
    const res = await graphql(
      t.http,
      token,
      `
        query ($from: String!, $to: String!) {
          profitAndLoss(from: $from, to: $to) {
            report
            subtotals {
              key
              amount
              compareAmount
            }
          }
          balanceSheet(at: $to, compareAt: $from) {
            report
            compareTo
            sections {
              key
              amount
              accounts {
                accountNumber
                amount
              }
            }
          }
        }
      `,
      { from: yearStart, to: today },
    );
    expect(res.errors).toBeUndefined();
    const restPnl = await rest('/v1/reports/profit-and-loss', { from: yearStart, to: today });
    expect(res.data?.profitAndLoss.subtotals).toEqual(
      restPnl.subtotals.map((s: { key: string; amount: string; compareAmount: string | null }) => ({
        key: s.key,
        amount: s.amount,
        compareAmount: s.compareAmount,
      })),
    );
    expect(res.data?.balanceSheet).toMatchObject({ report: 'balanceSheet', compareTo: yearStart });
  });

  it('refuses a comparison period with one end only, naming the other', async () => {
    const res = await graphql(
      t.http,
      token,
      `
        query ($from: String!) {
          profitAndLoss(from: $from, to: $from, compareFrom: $from) {
            report
          }
        }
      `,
      { from: yearStart },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(res.errors?.[0].extensions.errors[0].parameter).toBe('compareTo');
  });

  it("gives an account's general ledger and every account's balance", async () => {
    const bank = await graphql(
      t.http,
      token,
      `
        {
          accounts(numberFrom: "1920", numberTo: "1920") {
            data {
              id
            }
          }
        }
      `,
    );
    const accountId = bank.data?.accounts.data[0].id;
    const res = await graphql(
      t.http,
      token,
      `
        query ($id: ID!, $from: String!, $to: String!) {
          generalLedger(accountId: $id, from: $from, to: $to) {
            accountNumber
            opening
            closing
            data {
              amount
              balance
              voucher
            }
            nextCursor
          }
          accountBalances(at: $to) {
            at
            data {
              accountNumber
              balance
            }
          }
        }
      `,
      { id: accountId, from: yearStart, to: today },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.generalLedger).toMatchObject({
      accountNumber: '1920',
      closing: '300.10',
      data: [{ amount: '300.10', balance: '300.10' }],
    });
    expect(res.data?.accountBalances.data).toContainEqual({ accountNumber: '1500', balance: '949.90' });
  });

  it('pages the postings with a filter', async () => {
    const query = `query ($cursor: String) { postings(limit: 2, cursor: $cursor, filter: { accountNumberFrom: "1500", accountNumberTo: "2999" }) {
      data { accountNumber amount voucher } nextCursor } }`;
    const first = await graphql(t.http, token, query);
    expect(first.errors).toBeUndefined();
    expect(first.data?.postings.data).toHaveLength(2);
    const second = await graphql(t.http, token, query, { cursor: first.data?.postings.nextCursor });
    const numbers = [...first.data.postings.data, ...second.data.postings.data].map(
      (p: { accountNumber: string; amount: string }) => `${p.accountNumber} ${p.amount}`,
    );
    expect(numbers.sort()).toEqual(['1500 -300.10', '1500 1250.00', '1920 300.10', '2700 -250.00']);
  });

  it('refuses reports without ledger:read', async () => {
    const company = await signUpCompany(t.http);
    const vouchersOnly = await clientToken(t.http, company, ['vouchers:read']);
    const res = await graphql(
      t.http,
      vouchersOnly,
      `
        {
          accountBalances(at: "2026-01-01") {
            at
          }
        }
      `,
    );
    expect(res.errors?.[0].extensions.code).toBe('INSUFFICIENT_SCOPE');
  });
});

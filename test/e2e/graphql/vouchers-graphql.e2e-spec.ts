import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { countQueries, graphql } from '../../support/graphql.js';
import { bearer, salesVoucher, transferVoucher } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const DEBIT_ACCOUNTS = ['1000', '1070', '1080', '1100', '1150', '1200', '1230', '1250', '1280', '1289'];

const VOUCHERS_WITH_ACCOUNTS = `query ($limit: Int!) {
  vouchers(limit: $limit) { data { number postings { amount account { number name } } } nextCursor }
}`;

const VOUCHER_FIELDS = `id status number version date
  postings { lineNumber kind amount vatCode vatRate accountNumber account { number } }`;

describe('GraphQL vouchers', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await clientToken(t.http, await signUpCompany(t.http));
  });
  afterAll(() => t.close());

  async function bookBatch(authToken: string, count: number): Promise<void> {
    const vouchers = Array.from({ length: count }, (_, i) =>
      transferVoucher(`${i + 1}.25`, DEBIT_ACCOUNTS[i % DEBIT_ACCOUNTS.length]),
    );
    const res = await request(t.http).post('/v1/vouchers/batch').set(bearer(authToken)).send({ vouchers });
    if (res.status !== 201) throw new Error(`batch failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  it('lists 5 and 50 vouchers with postings and accounts in the same number of SQL statements', async () => {
    const company = await clientToken(t.http, await signUpCompany(t.http));
    await bookBatch(company, 50);

    let five: Awaited<ReturnType<typeof graphql>> | undefined;
    let fifty: Awaited<ReturnType<typeof graphql>> | undefined;
    const small = await countQueries(async () => {
      five = await graphql(t.http, company, VOUCHERS_WITH_ACCOUNTS, { limit: 5 });
    });
    const large = await countQueries(async () => {
      fifty = await graphql(t.http, company, VOUCHERS_WITH_ACCOUNTS, { limit: 50 });
    });

    expect(five?.errors).toBeUndefined();
    expect(fifty?.errors).toBeUndefined();
    expect(five?.data?.vouchers.data).toHaveLength(5);
    const vouchers = fifty?.data?.vouchers.data as { postings: { account: { number: string } }[] }[];
    expect(vouchers).toHaveLength(50);
    const accounts = new Set(vouchers.flatMap((v) => v.postings.map((p) => p.account.number)));
    expect(accounts.size).toBe(DEBIT_ACCOUNTS.length + 1);
    expect(small.count).toBeGreaterThan(0);
    expect(large.count).toBe(small.count);
    console.log(
      `GraphQL vouchers with postings and accounts: ${small.count} SQL statements for 5, ${large.count} for 50`,
    );
  });

  it('takes an Idempotency-Key per mutation field: a retry is answered the first result, once written', async () => {
    const company = await clientToken(t.http, await signUpCompany(t.http));
    const send = (key: string, query: string, variables: object) =>
      request(t.http)
        .post('/graphql')
        .set(bearer(company))
        .set('Idempotency-Key', key)
        .send({ query, variables });
    const create = `mutation ($input: VoucherInput!) {
      createVoucher(input: $input) { id number postings { amount account { number } } }
    }`;
    const key = randomUUID();
    const input = salesVoucher('80.00', '100.00');
    const first = await send(key, create, { input });
    expect(first.body.errors).toBeUndefined();
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await send(key, create, { input });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const other = await send(key, create, { input: salesVoucher('1.00', '1.25') });
    expect(other.body.errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // Two fields under one key are two writes, each replayed as itself.
    const both = `mutation ($a: VoucherInput!, $b: VoucherInput!) {
      a: createVoucher(input: $a) { id } b: createVoucher(input: $b) { id }
    }`;
    const pair = { a: transferVoucher('1.00'), b: transferVoucher('2.00') };
    const twoKey = randomUUID();
    const two = await send(twoKey, both, pair);
    expect(two.body.data.a.id).not.toBe(two.body.data.b.id);
    expect((await send(twoKey, both, pair)).body).toEqual(two.body);

    const listed = await graphql(t.http, company, '{ vouchers(limit: 100) { data { id } } }');
    expect(listed.data.vouchers.data).toHaveLength(3);
  });

  it('books a voucher with decimal strings and reads it back with its postings and accounts', async () => {
    const created = await graphql(
      t.http,
      token,
      `mutation ($input: VoucherInput!) { createVoucher(input: $input) { ${VOUCHER_FIELDS} } }`,
      { input: salesVoucher('1000.00', '1250.00') },
    );
    expect(created.errors).toBeUndefined();
    const voucher = created.data?.createVoucher;
    expect(voucher.status).toBe('booked');
    expect(voucher.postings.map((p: { amount: string }) => p.amount)).toEqual([
      '1250.00',
      '-1000.00',
      '-250.00',
    ]);
    expect(voucher.postings[2]).toMatchObject({
      kind: 'vat',
      vatRate: '25.0000',
      account: { number: '2700' },
    });

    const read = await graphql(t.http, token, `query ($id: ID!) { voucher(id: $id) { ${VOUCHER_FIELDS} } }`, {
      id: voucher.id,
    });
    expect(read.data?.voucher).toEqual(voucher);
  });

  it('previews a voucher without storing it', async () => {
    const preview = await graphql(
      t.http,
      token,
      `
        mutation ($input: VoucherInput!) {
          previewVoucher(input: $input) {
            number
            debit
            credit
            rounding
            postings {
              amount
            }
          }
        }
      `,
      { input: salesVoucher('100.00', '125.00') },
    );
    expect(preview.errors).toBeUndefined();
    expect(preview.data?.previewVoucher).toMatchObject({
      debit: '125.00',
      credit: '125.00',
      rounding: '0.00',
    });
    const again = await graphql(
      t.http,
      token,
      `
        mutation ($input: VoucherInput!) {
          previewVoucher(input: $input) {
            number
          }
        }
      `,
      { input: salesVoucher('100.00', '125.00') },
    );
    expect(again.data?.previewVoucher.number).toBe(preview.data?.previewVoucher.number);
  });

  it('refuses an amount with three decimals with VALIDATION_FAILED, naming the field', async () => {
    const res = await graphql(
      t.http,
      token,
      `
        mutation ($input: VoucherInput!) {
          createVoucher(input: $input) {
            id
          }
        }
      `,
      { input: transferVoucher('10.005') },
    );
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(res.errors?.[0].extensions.errors).toEqual([
      expect.objectContaining({ pointer: '/input/postings/0/amount', rule: 'isAmount' }),
      expect.objectContaining({ pointer: '/input/postings/1/amount', rule: 'isAmount' }),
    ]);
  });

  it('refuses a date that is not a calendar date with VALIDATION_FAILED', async () => {
    const res = await graphql(
      t.http,
      token,
      `
        {
          vouchers(from: "2026-02-30") {
            data {
              id
            }
          }
        }
      `,
    );
    expect(res.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
  });

  it("answers NOT_FOUND for another company's voucher", async () => {
    const other = await clientToken(t.http, await signUpCompany(t.http));
    const created = await graphql(
      t.http,
      other,
      `
        mutation ($input: VoucherInput!) {
          createVoucher(input: $input) {
            id
          }
        }
      `,
      { input: transferVoucher('3.00') },
    );
    const res = await graphql(
      t.http,
      token,
      `
        query ($id: ID!) {
          voucher(id: $id) {
            id
          }
        }
      `,
      {
        id: created.data?.createVoucher.id,
      },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('refuses a token without the scope with INSUFFICIENT_SCOPE, on root and nested fields', async () => {
    const company = await signUpCompany(t.http);
    const accountsOnly = await clientToken(t.http, company, ['accounts:read']);
    const root = await graphql(
      t.http,
      accountsOnly,
      `
        {
          vouchers {
            data {
              id
            }
          }
        }
      `,
    );
    expect(root.errors?.[0].extensions).toMatchObject({ code: 'INSUFFICIENT_SCOPE', status: 403 });

    const vouchersOnly = await clientToken(t.http, company, ['vouchers:read', 'vouchers:write']);
    await graphql(
      t.http,
      vouchersOnly,
      `
        mutation ($input: VoucherInput!) {
          createVoucher(input: $input) {
            id
          }
        }
      `,
      {
        input: transferVoucher('2.00'),
      },
    );
    const nested = await graphql(
      t.http,
      vouchersOnly,
      `
        {
          vouchers {
            data {
              postings {
                accountNumber
                account {
                  name
                }
              }
            }
          }
        }
      `,
    );
    expect(nested.errors?.[0].extensions.code).toBe('INSUFFICIENT_SCOPE');
    expect(nested.errors?.[0].path).toEqual(['vouchers', 'data', 0, 'postings', 0, 'account']);
  });

  it('refuses an anonymous call with UNAUTHENTICATED', async () => {
    const res = await graphql(
      t.http,
      null,
      `
        {
          vouchers {
            data {
              id
            }
          }
        }
      `,
    );
    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

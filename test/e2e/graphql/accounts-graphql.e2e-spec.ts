import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { graphql } from '../../support/graphql.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('GraphQL accounts and VAT codes', () => {
  let t: TestApp;
  let company: SignedUpCompany;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    company = await signUpCompany(t.http);
    token = await clientToken(t.http, company);
  });
  afterAll(() => t.close());

  it('pages the chart of accounts by number with a cursor', async () => {
    const query = `query ($cursor: String) {
      accounts(limit: 2, numberFrom: "1900", numberTo: "1999", cursor: $cursor) { data { number isActive } nextCursor } }`;
    const first = await graphql(t.http, token, query);
    expect(first.errors).toBeUndefined();
    expect(first.data?.accounts.data).toHaveLength(2);
    const second = await graphql(t.http, token, query, { cursor: first.data?.accounts.nextCursor });
    expect(second.data?.accounts.data[0].number > first.data?.accounts.data[1].number).toBe(true);
  });

  it('creates, changes with a version check, reads and deletes an account', async () => {
    const created = await graphql(
      t.http,
      token,
      `
        mutation ($input: CreateAccountInput!) {
          createAccount(input: $input) {
            id
            number
            accountClass
            version
          }
        }
      `,
      {
        input: {
          number: '1921',
          name: 'Bank, tax deductions',
          standardAccountId: '1920',
          groupingCategory: 'RF-1167',
          groupingCode: '1920',
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const { id, version } = created.data.createAccount;
    expect(created.data?.createAccount).toMatchObject({ number: '1921', accountClass: 'asset' });

    const update = `mutation ($id: ID!, $v: Int) {
      updateAccount(id: $id, expectedVersion: $v, input: { name: "Renamed" }) { name version } }`;
    const changed = await graphql(t.http, token, update, { id, v: version });
    expect(changed.data?.updateAccount).toEqual({ name: 'Renamed', version: version + 1 });
    const stale = await graphql(t.http, token, update, { id, v: version });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'PRECONDITION_FAILED', status: 412 });

    const read = await graphql(
      t.http,
      token,
      `
        query ($id: ID!) {
          account(id: $id) {
            name
          }
        }
      `,
      { id },
    );
    expect(read.data?.account.name).toBe('Renamed');
    const deleted = await graphql(
      t.http,
      token,
      `
        mutation ($id: ID!) {
          deleteAccount(id: $id)
        }
      `,
      { id },
    );
    expect(deleted.data).toEqual({ deleteAccount: true });
  });

  it('refuses an account number outside NS 4102 with VALIDATION_FAILED pointing at it', async () => {
    const res = await graphql(
      t.http,
      token,
      `
        mutation {
          createAccount(
            input: {
              number: "9999"
              name: "X"
              standardAccountId: "19"
              groupingCategory: "RF-1167"
              groupingCode: "19"
            }
          ) {
            id
          }
        }
      `,
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(res.errors?.[0].extensions.errors).toEqual([
      expect.objectContaining({ pointer: '/input/number' }),
    ]);
  });

  it('refuses an id that is not a UUID with VALIDATION_FAILED, not a database error', async () => {
    const res = await graphql(
      t.http,
      token,
      `
        {
          account(id: "42") {
            id
          }
        }
      `,
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
  });

  it("answers NOT_FOUND for another company's account", async () => {
    const other = await clientToken(t.http, await signUpCompany(t.http));
    const theirs = await graphql(
      t.http,
      other,
      `
        {
          accounts(limit: 1) {
            data {
              id
            }
          }
        }
      `,
    );
    const res = await graphql(
      t.http,
      token,
      `
        query ($id: ID!) {
          account(id: $id) {
            id
          }
        }
      `,
      {
        id: theirs.data?.accounts.data[0].id,
      },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('lists the VAT codes with rates as decimal strings', async () => {
    const res = await graphql(
      t.http,
      token,
      `
        {
          vatCodes {
            code
            vatAccountNumber
            rates {
              rate
              validTo
            }
          }
        }
      `,
    );
    const code3 = res.data?.vatCodes.find((code: { code: string }) => code.code === '3');
    expect(code3.vatAccountNumber).toBe('2700');
    expect(code3.rates).toContainEqual({ rate: '25.00', validTo: null });
  });
});

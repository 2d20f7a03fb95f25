import { clientToken, signUpCompany } from '../../support/factories.js';
import { graphql } from '../../support/graphql.js';
import { bookingDate, salesVoucher, transferVoucher } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('GraphQL voucher mutations', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await clientToken(t.http, await signUpCompany(t.http));
  });
  afterAll(() => t.close());

  it('keeps booked vouchers immutable: updating one fails with VOUCHER_BOOKED', async () => {
    const created = await graphql(
      t.http,
      token,
      `
        mutation ($input: VoucherInput!) {
          createVoucher(input: $input) {
            id
            version
          }
        }
      `,
      { input: transferVoucher('5.00') },
    );
    const { id, version } = created.data.createVoucher;
    const res = await graphql(
      t.http,
      token,
      `
        mutation ($id: ID!, $v: Int, $input: VoucherInput!) {
          updateDraftVoucher(id: $id, expectedVersion: $v, input: $input) {
            id
          }
        }
      `,
      { id, v: version, input: transferVoucher('6.00') },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'VOUCHER_BOOKED', status: 409 });
  });

  it('saves a draft, changes it, books it and reverses it, linking both ways', async () => {
    const draft = await graphql(
      t.http,
      token,
      `
        mutation ($input: VoucherInput!) {
          createVoucher(input: $input, status: draft) {
            id
            status
            number
            version
            draftPostings {
              accountNumber
              amount
            }
            postings {
              id
            }
          }
        }
      `,
      { input: transferVoucher('7.00') },
    );
    expect(draft.data?.createVoucher).toMatchObject({ status: 'draft', number: null, postings: [] });
    const { id, version } = draft.data.createVoucher;

    const stale = await graphql(
      t.http,
      token,
      `
        mutation ($id: ID!, $v: Int) {
          bookVoucher(id: $id, expectedVersion: $v) {
            id
          }
        }
      `,
      { id, v: version + 1 },
    );
    expect(stale.errors?.[0].extensions.code).toBe('PRECONDITION_FAILED');

    const updated = await graphql(
      t.http,
      token,
      `
        mutation ($id: ID!, $v: Int, $input: VoucherInput!) {
          updateDraftVoucher(id: $id, expectedVersion: $v, input: $input) {
            version
            draftPostings {
              amount
            }
          }
        }
      `,
      { id, v: version, input: transferVoucher('8.50') },
    );
    expect(updated.data?.updateDraftVoucher.draftPostings.map((l: { amount: string }) => l.amount)).toEqual([
      '8.50',
      '-8.50',
    ]);

    const booked = await graphql(
      t.http,
      token,
      `
        mutation ($id: ID!, $v: Int) {
          bookVoucher(id: $id, expectedVersion: $v) {
            status
            postings {
              amount
            }
          }
        }
      `,
      { id, v: updated.data?.updateDraftVoucher.version },
    );
    expect(booked.data?.bookVoucher).toEqual({
      status: 'booked',
      postings: [{ amount: '8.50' }, { amount: '-8.50' }],
    });

    const reversal = await graphql(
      t.http,
      token,
      `
        mutation ($id: ID!, $date: String) {
          reverseVoucher(id: $id, date: $date, description: "Wrong") {
            id
            description
            postings {
              amount
            }
            reverses {
              id
              reversedBy {
                id
              }
            }
          }
        }
      `,
      { id, date: bookingDate() },
    );
    expect(reversal.errors).toBeUndefined();
    const reverse = reversal.data?.reverseVoucher;
    expect(reverse.postings).toEqual([{ amount: '-8.50' }, { amount: '8.50' }]);
    expect(reverse.reverses).toEqual({ id, reversedBy: { id: reverse.id } });
  });

  it('deletes a draft', async () => {
    const draft = await graphql(
      t.http,
      token,
      `
        mutation ($input: VoucherInput!) {
          createVoucher(input: $input, status: draft) {
            id
          }
        }
      `,
      { input: transferVoucher('1.00') },
    );
    const id = draft.data?.createVoucher.id;
    const res = await graphql(
      t.http,
      token,
      `
        mutation ($id: ID!) {
          deleteDraftVoucher(id: $id)
        }
      `,
      { id },
    );
    expect(res.data).toEqual({ deleteDraftVoucher: true });
    const read = await graphql(
      t.http,
      token,
      `
        query ($id: ID!) {
          voucher(id: $id) {
            id
          }
        }
      `,
      { id },
    );
    expect(read.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('books a batch all or nothing', async () => {
    const res = await graphql(
      t.http,
      token,
      `
        mutation ($input: BookVoucherBatchInput!) {
          bookVoucherBatch(input: $input) {
            index
            series
            number
          }
        }
      `,
      { input: { vouchers: [transferVoucher('1.00'), salesVoucher('10.00', '12.50')] } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.bookVoucherBatch.map((item: { index: number }) => item.index)).toEqual([0, 1]);
  });
});

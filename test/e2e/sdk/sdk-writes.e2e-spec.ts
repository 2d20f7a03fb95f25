import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApiError, createClient, type HovedbokClient } from '@hovedbok/sdk';
import { todayInNorway } from '../../../src/common/index.js';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('safe retries and conditional changes through the SDK', () => {
  let t: TestApp;
  let hovedbok: HovedbokClient;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const token = await clientToken(t.http, await signUpCompany(t.http));
    hovedbok = createClient({ baseUrl: `http://127.0.0.1:${port}`, accessToken: token });
  });
  afterAll(() => t.close());

  it('sends an idempotency key, so a retry gets the first result instead of a second write', async () => {
    const idempotencyKey = randomUUID();
    const body = { name: 'Kasse 1', scopes: ['company:read' as const] };
    const first = await hovedbok.createApiKey(body, { idempotencyKey });
    const retry = await hovedbok.createApiKey(body, { idempotencyKey });
    expect(retry).toEqual(first);
    expect((await hovedbok.listApiKeys()).data.map((key) => key.id)).toEqual([first.id]);
    const reused = await hovedbok
      .createApiKey({ ...body, name: 'Kasse 2' }, { idempotencyKey })
      .catch((error: unknown) => error);
    expect(reused).toBeInstanceOf(ApiError);
    expect(reused).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('books a voucher once whatever the retries, and reads the trial balance as JSON and as CSV', async () => {
    const idempotencyKey = randomUUID();
    const date = todayInNorway();
    const voucher = {
      date,
      description: 'Kontantsalg',
      amountsIncludeVat: true,
      postings: [
        { accountNumber: '1920', amount: '125.00' },
        { accountNumber: '3000', amount: '-125.00', vatCode: '3' },
      ],
    };
    const booked = await hovedbok.createVoucher(voucher, { idempotencyKey });
    expect(await hovedbok.createVoucher(voucher, { idempotencyKey })).toEqual(booked);
    expect(booked.postings.map((posting) => posting.amount)).toEqual(['125.00', '-100.00', '-25.00']);

    const range = { from: date, to: date };
    const json = await hovedbok.getTrialBalance(range.from, range.to);
    expect(json.lines.find((line) => line.accountNumber === '1920')?.closing).toBe('125.00');
    const csv = await hovedbok.getTrialBalanceCsv(range.from, range.to);
    expect(csv.split('\n')[0]).toBe(
      'line,account,account_name,account_class,opening,debit,credit,closing,posting_count',
    );
    expect(csv).toContain(',125.00,0.00,125.00,1\n');
  });

  it('changes the company only from its current version', async () => {
    const company = await hovedbok.getCompany();
    const changed = await hovedbok.updateCompany(
      { name: 'Fjordkaffe AS' },
      { ifMatch: `"${company.version}"` },
    );
    expect(changed.version).toBe(company.version + 1);
    const stale = await hovedbok
      .updateCompany({ name: 'Stale AS' }, { ifMatch: `"${company.version}"` })
      .catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(ApiError);
    expect(stale).toMatchObject({ status: 412, code: 'PRECONDITION_FAILED' });
    expect((await hovedbok.getCompany()).name).toBe('Fjordkaffe AS');
  });
});

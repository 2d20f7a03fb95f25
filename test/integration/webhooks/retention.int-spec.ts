import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { RetentionSweep } from '../../../src/webhooks/index.js';
import { relayEvents } from '../../support/events.js';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { bearer, transferVoucher } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// Events older than the retention leave the feed (with their deliveries); numbering goes on
// from where it was, so a consumer's cursor stays valid.
describe('retention', () => {
  let t: TestApp;
  let owner: pg.Client;

  beforeAll(async () => {
    t = await createTestApp({ env: { EVENT_RETENTION_DAYS: '90' } });
    owner = new pg.Client({ connectionString: t.database.url });
    await owner.connect();
  });
  afterAll(async () => {
    await owner.end();
    await t.close();
  });

  it('deletes events older than the retention, keeps the rest, and numbers new events after the last', async () => {
    const company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company);
    await request(t.http).post('/v1/vouchers').set(bearer(token)).send(transferVoucher('1.00'));
    await relayEvents(t.app);
    const feed = async () =>
      (await request(t.http).get('/v1/events').query({ limit: 1000 }).set(bearer(token))).body.data as Array<{
        id: string;
        sequence: number;
      }>;
    const [recent] = await feed();
    // Two events from long ago, as the relay would have numbered them (the owner may insert them).
    await owner.query(
      `INSERT INTO events (company_id, id, type, scope, occurred_at, sequence, data)
       VALUES ($1, $2, 'account.updated', 'accounts:read', now() - interval '91 days', 100, '{}'),
              ($1, $3, 'account.updated', 'accounts:read', now() - interval '89 days', 101, '{}')`,
      [company.companyId, randomUUID(), randomUUID()],
    );
    await owner.query(`UPDATE event_streams SET last_sequence = 101 WHERE company_id = $1`, [
      company.companyId,
    ]);

    const deleted = await t.app.get(RetentionSweep).sweep();
    expect(deleted).toBe(1);
    expect((await feed()).map((event) => event.sequence)).toEqual([recent.sequence, 101]);

    await request(t.http).post('/v1/vouchers').set(bearer(token)).send(transferVoucher('2.00'));
    await relayEvents(t.app);
    expect((await feed()).map((event) => event.sequence)).toEqual([recent.sequence, 101, 102]);
  });

  it('deletes expired Idempotency-Key records of every company, and only those', async () => {
    const [a, b] = [await signUpCompany(t.http), await signUpCompany(t.http)];
    for (const company of [a, b]) {
      const token = await clientToken(t.http, company);
      await request(t.http)
        .post('/v1/vouchers')
        .set(bearer(token))
        .set('Idempotency-Key', randomUUID())
        .send(transferVoucher('3.00'));
    }
    await owner.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 minute' WHERE company_id = $1`,
      [a.companyId],
    );
    await t.app.get(RetentionSweep).sweep();
    const { rows } = await owner.query<{ company_id: string }>(
      `SELECT company_id FROM idempotency_keys WHERE company_id = ANY($1::uuid[])`,
      [[a.companyId, b.companyId]],
    );
    expect(rows.map((row) => row.company_id)).toEqual([b.companyId]);
  });
});

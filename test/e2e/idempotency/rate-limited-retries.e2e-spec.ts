import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { keyDigest } from '../../../src/idempotency/sealed-response.js';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const QUOTA = 3;

describe('Idempotency-Key behind the rate limiter', () => {
  let t: TestApp;
  let db: pg.Client;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: String(QUOTA) } });
    db = new pg.Client({ connectionString: t.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('counts a retry against the quota and never keeps or replays a 429', async () => {
    const company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company);
    const create = (key: string) =>
      request(t.http)
        .post('/v1/api-keys')
        .auth(token, { type: 'bearer' })
        .set('Idempotency-Key', key)
        .send({ name: 'Kasse 1', scopes: ['company:read'] });
    const kept = randomUUID();
    expect((await create(kept)).status).toBe(201);
    for (let i = 1; i < QUOTA; i++) {
      expect((await request(t.http).get('/v1/company').auth(token, { type: 'bearer' })).status).toBe(200);
    }

    // The limiter runs first: even a retry that has a kept response is refused, not replayed.
    const retry = await create(kept);
    expect(retry.status).toBe(429);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    const fresh = randomUUID();
    expect((await create(fresh)).status).toBe(429);
    const { rows } = await db.query<{ key_digest: string }>(
      'SELECT key_digest FROM idempotency_keys WHERE company_id = $1',
      [company.companyId],
    );
    expect(rows.map((row) => row.key_digest)).toEqual([keyDigest(kept)]);
  });
});

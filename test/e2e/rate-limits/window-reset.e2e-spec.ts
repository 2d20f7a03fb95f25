import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { companyWithToken, quotaLeft } from './rate-limit-fields.js';

// A two-second window stands in for the minute, so the test waits seconds, not minutes. The
// requests of one test take far less than a second, so they can never see the counts fade.
const WINDOW = 2;

describe('the rate-limit window', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '2', RATE_LIMIT_WINDOW_SECONDS: String(WINDOW) },
    });
  });
  afterAll(() => t.close());

  it('accepts requests again once Retry-After has passed', async () => {
    const { token } = await companyWithToken(t.http);
    const get = () => request(t.http).get('/v1/company').auth(token, { type: 'bearer' });
    expect((await get()).status).toBe(200);
    expect((await get()).status).toBe(200);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.headers['ratelimit-policy']).toBe(`"default";q=2;w=${WINDOW}`);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2 * WINDOW);

    await sleep(retryAfter * 1000);
    const again = await get();
    expect(again.status).toBe(200);
    expect(quotaLeft(again.headers['ratelimit']).policy).toBe('default');
  });

  it('gives the whole quota back after two quiet windows', async () => {
    const { token } = await companyWithToken(t.http);
    const get = () => request(t.http).get('/v1/company').auth(token, { type: 'bearer' });
    await get();
    await get();
    await sleep(2 * WINDOW * 1000);
    expect(quotaLeft((await get()).headers['ratelimit']).r).toBe(1);
  });
});

describe('old rate-limit windows', () => {
  let t: TestApp;
  let db: pg.Client;
  beforeAll(async () => {
    t = await createTestApp();
    db = new pg.Client({ connectionString: t.database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('are deleted by the API as it goes, while the current ones stay', async () => {
    await db.query(
      `INSERT INTO rate_limit_buckets (key, window_start, count)
       VALUES ('client:old:company:x', now() - interval '1 hour', 7),
              ('client:recent:company:x', now() - interval '1 minute', 7)`,
    );
    // The first counted request of a process sweeps; later ones at most once a minute.
    await companyWithToken(t.http);
    let keys: string[] = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      keys = (await db.query<{ key: string }>('SELECT key FROM rate_limit_buckets ORDER BY key')).rows.map(
        (row) => row.key,
      );
      if (!keys.includes('client:old:company:x')) break;
      await sleep(50);
    }
    expect(keys).not.toContain('client:old:company:x');
    expect(keys).toContain('client:recent:company:x');
  });
});

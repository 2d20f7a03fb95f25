import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { companyWithToken, quotaLeft } from './rate-limit-fields.js';

const QUOTA = 5;

// Two application instances on one database stand for two API processes behind a load balancer.
describe('rate limits across several API processes', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const env = { RATE_LIMIT_PER_MINUTE: String(QUOTA) };
    first = await createTestApp({ env });
    second = await createTestApp({ env, database: first.database, keepDatabase: true });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('shares one quota between two processes on one database', async () => {
    const { token } = await companyWithToken(first.http);
    const statuses: number[] = [];
    const remaining: number[] = [];
    for (let i = 0; i < QUOTA + 2; i++) {
      const app = i % 2 === 0 ? first : second;
      const res = await request(app.http).get('/v1/company').auth(token, { type: 'bearer' });
      statuses.push(res.status);
      remaining.push(quotaLeft(res.headers['ratelimit']).r);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(remaining).toEqual([4, 3, 2, 1, 0, 0, 0]);
  });

  it('lets exactly the quota through when many requests arrive at once on both processes', async () => {
    const { token } = await companyWithToken(second.http);
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        request((i % 2 === 0 ? first : second).http)
          .get('/v1/company')
          .auth(token, { type: 'bearer' }),
      ),
    );
    const statuses = responses.map((res) => res.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(QUOTA);
    expect(statuses.filter((status) => status === 429)).toHaveLength(24 - QUOTA);
  });
});

import type { AddressInfo } from 'node:net';
import { ApiError, createClient } from '@hovedbok/sdk';
import pg from 'pg';
import request from 'supertest';
import { clientToken } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { companyWithToken, quotaLeft } from './rate-limit-fields.js';

const QUOTA = 3;

async function withDatabase<T>(t: TestApp, work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: t.database.url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

describe('over the rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: String(QUOTA) } });
  });
  afterAll(() => t.close());

  const getCompany = (token: string) => request(t.http).get('/v1/company').auth(token, { type: 'bearer' });

  async function useUp(token: string): Promise<void> {
    for (let i = 0; i < QUOTA; i++) expect((await getCompany(token)).status).toBe(200);
  }

  it('answers 429 RATE_LIMITED with Retry-After once the quota is used', async () => {
    const { token } = await companyWithToken(t.http);
    await useUp(token);
    const res = await getCompany(token);
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      type: expect.stringMatching(/\/v1\/problems\/rate-limited$/),
      detail: expect.stringContaining(`${QUOTA} requests per 60 s`),
    });
    const retryAfter = Number(res.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 120).toBe(true);
    expect(res.headers['ratelimit-policy']).toBe(`"default";q=${QUOTA};w=60`);
    expect(quotaLeft(res.headers['ratelimit'])).toEqual({ policy: 'default', r: 0, t: retryAfter });
  });

  it('keeps refusing while the quota is used up, without counting the refusals', async () => {
    const { token, clientId, companyId } = await companyWithToken(t.http);
    await useUp(token);
    for (let i = 0; i < 3; i++) expect((await getCompany(token)).status).toBe(429);
    // Counting refusals would push a persistent client's recovery ever further out.
    const counted = await withDatabase(t, (db) =>
      db.query('SELECT sum(count)::int AS total FROM rate_limit_buckets WHERE key = $1', [
        `client:${clientId}:company:${companyId}`,
      ]),
    );
    expect(counted.rows).toEqual([{ total: QUOTA }]);
  });

  it('runs nothing over the limit, and gives each client of a company its own quota', async () => {
    const { token, companyId } = await companyWithToken(t.http);
    const second = await request(t.http)
      .post('/v1/api-clients')
      .auth(token, { type: 'bearer' })
      .send({ name: 'Second app', type: 'confidential', redirectUris: [], scopes: ['company:read'] });
    expect(second.status).toBe(201);
    await getCompany(token);
    await getCompany(token);
    const refused = await request(t.http)
      .patch('/v1/company')
      .auth(token, { type: 'bearer' })
      .send({ name: 'Renamed while limited AS' });
    expect(refused.status).toBe(429);

    const otherToken = await clientToken(t.http, second.body);
    const seen = await getCompany(otherToken);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: companyId, name: 'Test AS' });
    expect(quotaLeft(seen.headers['ratelimit']).r).toBe(QUOTA - 1);
  });

  it('gives an API key its own quota, apart from the client that created it', async () => {
    const { token } = await companyWithToken(t.http);
    const created = await request(t.http)
      .post('/v1/api-keys')
      .auth(token, { type: 'bearer' })
      .send({ name: 'Kasse 1', scopes: ['company:read'] });
    expect(created.status).toBe(201);
    await useUp(created.body.key);
    expect((await getCompany(created.body.key)).status).toBe(429);
    const byClient = await getCompany(token);
    expect(byClient.status).toBe(200);
    expect(quotaLeft(byClient.headers['ratelimit']).r).toBe(QUOTA - 2);
  });

  it('keeps a separate quota for each company', async () => {
    const a = await companyWithToken(t.http);
    const b = await companyWithToken(t.http);
    await useUp(a.token);
    expect((await getCompany(a.token)).status).toBe(429);
    const res = await getCompany(b.token);
    expect(res.status).toBe(200);
    expect(quotaLeft(res.headers['ratelimit']).r).toBe(QUOTA - 1);
  });

  it('answers a GraphQL request over the limit with RATE_LIMITED and no data', async () => {
    const { token } = await companyWithToken(t.http);
    await useUp(token);
    const res = await request(t.http)
      .post('/graphql')
      .auth(token, { type: 'bearer' })
      .send({ query: '{ company { id name } }' });
    expect(res.body.data).toBeNull();
    expect(res.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', status: 429 }) }),
    ]);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('surfaces a 429 in the SDK as an ApiError carrying retryAfter', async () => {
    const { token } = await companyWithToken(t.http);
    await useUp(token);
    const server = t.app.getHttpServer();
    if (!server.listening) await t.app.listen(0, '127.0.0.1');
    const { port } = server.address() as AddressInfo;
    const sdk = createClient({ baseUrl: `http://127.0.0.1:${port}`, accessToken: token });
    const error = (await sdk.getCompany().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(error.retryAfter).toBe(Number(error.headers.get('retry-after')));
    expect(error.retryAfter).toBeGreaterThanOrEqual(1);
  });
});

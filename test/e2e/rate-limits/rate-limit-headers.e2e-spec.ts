import request from 'supertest';
import { createApiKey, withWrongSecret } from '../../support/api-keys.js';
import { clientToken } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { companyWithToken, quotaLeft } from './rate-limit-fields.js';

const COMPANY = 'Hovedbok-Company';

describe('rate-limit headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('publishes the default policy and counts the remaining requests down on every authenticated call', async () => {
    const { token } = await companyWithToken(t.http);
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const res = await request(t.http).get('/v1/company').auth(token, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit-policy']).toBe('"default";q=1200;w=60');
      seen.push(quotaLeft(res.headers['ratelimit']));
    }
    expect(seen.map((quota) => quota.r)).toEqual([1199, 1198, 1197]);
    for (const quota of seen) {
      expect(quota.policy).toBe('default');
      expect(quota.t).toBeGreaterThanOrEqual(1);
    }
    expect(seen.every((quota) => quota.t <= 120)).toBe(true);
  });

  it('counts a request that fails validation after authentication', async () => {
    const { token } = await companyWithToken(t.http);
    const res = await request(t.http).patch('/v1/company').auth(token, { type: 'bearer' }).send({ name: '' });
    expect(res.status).toBe(400);
    expect(quotaLeft(res.headers['ratelimit']).r).toBe(1199);
  });

  it('neither counts nor labels a request refused before authentication', async () => {
    const res = await request(t.http).get('/v1/company');
    expect(res.status).toBe(401);
    expect(res.headers['ratelimit']).toBeUndefined();
  });

  it('neither counts nor labels requests the guard refuses after reading the credentials', async () => {
    const { token, companyId } = await companyWithToken(t.http);
    const other = await companyWithToken(t.http);
    const key = await createApiKey(t.http, token, ['company:read']);
    const get = (bearer: string, company?: string) => {
      const req = request(t.http).get('/v1/company').auth(bearer, { type: 'bearer' });
      return company ? req.set(COMPANY, company) : req;
    };
    const refused = [
      await request(t.http).patch('/v1/company').auth(key.key, { type: 'bearer' }).send({ name: 'X' }),
      await get(key.key, other.companyId),
      await get(key.key, companyId.toUpperCase()),
      await get(withWrongSecret(key.key)),
      await get(token, other.companyId),
    ];
    expect(refused.map((res) => res.status)).toEqual([403, 404, 404, 401, 404]);
    expect(refused.map((res) => res.headers['ratelimit'])).toEqual(refused.map(() => undefined));
    expect(quotaLeft((await get(key.key)).headers['ratelimit']).r).toBe(1199);
    // The token's client made the key, its one counted request so far.
    expect(quotaLeft((await get(token)).headers['ratelimit']).r).toBe(1198);

    const readOnly = await clientToken(t.http, other, ['company:read']);
    const forbidden = await request(t.http).patch('/v1/company').auth(readOnly, { type: 'bearer' }).send({});
    expect(forbidden.status).toBe(403);
    await request(t.http)
      .post('/oauth/revoke')
      .auth(other.clientId, other.clientSecret)
      .type('form')
      .send({ token: readOnly });
    expect((await get(readOnly)).status).toBe(401);
    // The same client's other token shares the bucket: neither refusal was counted in it.
    expect(quotaLeft((await get(other.token)).headers['ratelimit']).r).toBe(1199);
  });

  it.each(['/health/live', '/health/ready', '/docs', '/openapi.json', '/graphiql', '/v1/problems'])(
    'never limits %s',
    async (path) => {
      const res = await request(t.http).get(path);
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit']).toBeUndefined();
      expect(res.headers['ratelimit-policy']).toBeUndefined();
    },
  );

  it('counts a GraphQL request once, however many fields it asks for', async () => {
    const { token } = await companyWithToken(t.http);
    const query = '{ company { id } again: company { name } }';
    const first = await request(t.http).post('/graphql').auth(token, { type: 'bearer' }).send({ query });
    const second = await request(t.http).post('/graphql').auth(token, { type: 'bearer' }).send({ query });
    expect(first.body.errors).toBeUndefined();
    expect(quotaLeft(first.headers['ratelimit']).r).toBe(1199);
    expect(quotaLeft(second.headers['ratelimit']).r).toBe(1198);
  });

  it('documents 429 and the headers on authenticated and public limited operations only', async () => {
    const { body: spec } = await request(t.http).get('/openapi.json');
    const getCompany = spec.paths['/v1/company'].get;
    expect(getCompany.responses['429']).toMatchObject({
      headers: { 'Retry-After': { $ref: '#/components/headers/Retry-After' } },
      content: { 'application/problem+json': expect.any(Object) },
    });
    // ETag is there too: the company is a versioned resource.
    expect(Object.keys(getCompany.responses['200'].headers)).toEqual([
      'RateLimit',
      'RateLimit-Policy',
      'ETag',
    ]);
    expect(spec.paths['/v1/sign-up'].post.responses['429']).toBeDefined();
    expect(spec.paths['/oauth/token'].post.responses['429']).toBeDefined();
    expect(spec.paths['/health/live'].get.responses['429']).toBeUndefined();
    expect(spec.components.headers.RateLimit.schema.example).toBe('"default";r=1187;t=1');
  });
});

describe('rate limits turned off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  });
  afterAll(() => t.close());

  it('neither limits nor labels authenticated requests when RATE_LIMIT_PER_MINUTE is 0', async () => {
    const { token } = await companyWithToken(t.http);
    const res = await request(t.http).get('/v1/company').auth(token, { type: 'bearer' });
    expect(res.status).toBe(200);
    expect(res.headers['ratelimit']).toBeUndefined();
  });
});

import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { organizationNumber, signUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { quotaLeft } from './rate-limit-fields.js';

const QUOTA = 2;

const signUpBody = () => ({
  email: `kari-${randomUUID()}@example.no`,
  password: 'correct horse battery staple',
  name: 'Kari Nordmann',
  company: { organizationNumber: organizationNumber(), name: 'Fjordkaffe AS' },
});

describe('rate limits of the public endpoints, behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: String(QUOTA), TRUST_PROXY: 'loopback' },
    });
  });
  afterAll(() => t.close());

  const signUpFrom = (address: string) =>
    request(t.http).post('/v1/sign-up').set('X-Forwarded-For', address).send(signUpBody());

  it('limits sign-up per client address and publishes the public policy', async () => {
    const first = await signUpFrom('203.0.113.10');
    expect(first.status).toBe(201);
    expect(first.headers['ratelimit-policy']).toBe(`"public";q=${QUOTA};w=60`);
    expect(quotaLeft(first.headers['ratelimit']).r).toBe(QUOTA - 1);
    expect((await signUpFrom('203.0.113.10')).status).toBe(201);
    const refused = await signUpFrom('203.0.113.10');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await signUpFrom('203.0.113.11')).status).toBe(201);
  });

  it('puts the addresses of one IPv6 /64 network in one bucket', async () => {
    expect((await signUpFrom('2001:db8:0:7::1')).status).toBe(201);
    expect((await signUpFrom('2001:db8:0:7::2')).status).toBe(201);
    expect((await signUpFrom('2001:db8:0:7::3')).status).toBe(429);
    expect((await signUpFrom('2001:db8:0:8::1')).status).toBe(201);
  });

  it('slows down guessing at the token endpoint, with its own quota apart from sign-up', async () => {
    const company = await signUpFrom('203.0.113.20').then((res) => res.body.apiClient);
    const guess = () =>
      request(t.http)
        .post('/oauth/token')
        .set('X-Forwarded-For', '203.0.113.20')
        .auth(company.clientId, 'hbcs_wrong-guess')
        .type('form')
        .send({ grant_type: 'client_credentials' });
    expect((await guess()).status).toBe(401);
    expect((await guess()).status).toBe(401);
    const refused = await guess();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  });

  it('does not limit the other public endpoints', async () => {
    for (let i = 0; i <= QUOTA; i++) {
      const res = await request(t.http).get('/oauth/jwks').set('X-Forwarded-For', '203.0.113.30');
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit']).toBeUndefined();
    }
  });
});

describe('rate limits of the public endpoints, without a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: String(QUOTA) } });
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For, so a client cannot pick a fresh address per request', async () => {
    for (let i = 0; i < QUOTA; i++) await signUpCompany(t.http);
    const res = await request(t.http)
      .post('/v1/sign-up')
      .set('X-Forwarded-For', '198.51.100.1')
      .send(signUpBody());
    expect(res.status).toBe(429);
  });
});

import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createApiKey, withWrongSecret, type CreatedTestApiKey } from '../../support/api-keys.js';

describe('authenticating with an API key (Authorization: Bearer hb_...)', () => {
  let t: TestApp;
  let a: SignedUpCompany;
  let b: SignedUpCompany;
  let readKey: CreatedTestApiKey;
  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = [await signUpCompany(t.http), await signUpCompany(t.http)];
    readKey = await createApiKey(t.http, await clientToken(t.http, a), ['company:read']);
  });
  afterAll(() => t.close());

  const withKey = (key: string) => ({
    get: (path: string) => request(t.http).get(path).auth(key, { type: 'bearer' }),
    patch: (path: string, body: object) =>
      request(t.http).patch(path).auth(key, { type: 'bearer' }).send(body),
  });

  it('acts on the key’s company with the key’s scopes: company:read can read the company', async () => {
    const res = await withKey(readKey.key).get('/v1/company');
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(a.companyId);
  });

  it('answers 403 INSUFFICIENT_SCOPE with WWW-Authenticate to a write the key has no scope for', async () => {
    const res = await withKey(readKey.key).patch('/v1/company', { name: 'Renamed by a read key' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: 'INSUFFICIENT_SCOPE',
      detail: expect.stringContaining('company:write'),
    });
    expect(res.headers['www-authenticate']).toBe(
      'Bearer realm="hovedbok", error="insufficient_scope", scope="company:write"',
    );
    expect((await withKey(readKey.key).get('/v1/company')).body.name).not.toBe('Renamed by a read key');
  });

  it('works on GraphQL too', async () => {
    const res = await request(t.http)
      .post('/graphql')
      .auth(readKey.key, { type: 'bearer' })
      .send({ query: '{ company { id } }' });
    expect(res.body.data).toEqual({ company: { id: a.companyId } });
  });

  it.each([
    ['a wrong secret with a right id', () => withWrongSecret(readKey.key)],
    ['an unknown key id', () => `hb_test_${'0'.repeat(32)}_${readKey.key.slice(-43)}`],
    ['the right key with the wrong environment prefix', () => readKey.key.replace(/^hb_test_/, 'hb_live_')],
    ['a malformed key', () => 'hb_test_short'],
  ])('refuses %s with 401 INVALID_TOKEN and WWW-Authenticate', async (_case, key) => {
    const res = await withKey(key()).get('/v1/company');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_TOKEN');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="hovedbok", error="invalid_token"/);
  });

  it('answers 404 when the Hovedbok-Company header names another company', async () => {
    const res = await withKey(readKey.key).get('/v1/company').set('Hovedbok-Company', b.companyId);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('accepts the Hovedbok-Company header naming the key’s own company', async () => {
    const res = await withKey(readKey.key).get('/v1/company').set('Hovedbok-Company', a.companyId);
    expect(res.status).toBe(200);
  });
});

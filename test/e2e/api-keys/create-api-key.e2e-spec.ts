import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createApiKey } from '../../support/api-keys.js';

describe('POST /v1/api-keys', () => {
  let t: TestApp;
  let company: SignedUpCompany;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    company = await signUpCompany(t.http, { environment: 'test' });
    token = await clientToken(t.http, company);
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>, bearer = token) =>
    request(t.http).post('/v1/api-keys').auth(bearer, { type: 'bearer' }).send(body);
  const listedKeys = async () =>
    (await request(t.http).get('/v1/api-keys').auth(token, { type: 'bearer' })).body.data as Array<{
      name: string;
    }>;

  it('creates a key with the chosen scopes and shows it once, uncached', async () => {
    const res = await create({ name: 'Kasse 1', scopes: ['company:read', 'vouchers:write'] });
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      id: expect.any(String),
      name: 'Kasse 1',
      environment: 'test',
      scopes: ['company:read', 'vouchers:write'],
      createdBy: { kind: 'client', clientId: company.clientId, userId: null, apiKeyId: null },
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(res.body.key).toMatch(/^hb_test_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(res.body.key.startsWith(res.body.prefix)).toBe(true);
    expect(res.body.prefix).toBe(`hb_test_${(res.body.id as string).replaceAll('-', '')}_`);
  });

  it('gives a live company hb_live_ keys', async () => {
    const live = await signUpCompany(t.http, { environment: 'live' });
    const key = await createApiKey(t.http, await clientToken(t.http, live), ['company:read']);
    expect(key.key).toMatch(/^hb_live_/);
    const company = await request(t.http).get('/v1/company').auth(key.key, { type: 'bearer' });
    expect(company.body).toMatchObject({ id: live.companyId, environment: 'live' });
  });

  it('refuses a scope the creating token lacks with 403 naming it, and stores nothing', async () => {
    const narrow = await clientToken(t.http, company, ['api_keys:write', 'api_keys:read', 'company:read']);
    const res = await create({ name: 'Too strong', scopes: ['company:read', 'audit:read'] }, narrow);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: 'INSUFFICIENT_SCOPE',
      detail: expect.stringContaining('audit:read'),
    });
    expect(res.headers['www-authenticate']).toContain('error="insufficient_scope", scope="audit:read"');
    expect((await listedKeys()).map((key) => key.name)).not.toContain('Too strong');
  });

  it('lets a key create keys only within its own scopes', async () => {
    const parent = await createApiKey(t.http, token, ['api_keys:write', 'company:read']);
    const child = await create({ name: 'Child', scopes: ['company:read'] }, parent.key);
    expect(child.status).toBe(201);
    expect(child.body.createdBy).toEqual({
      kind: 'api_key',
      apiKeyId: parent.id,
      userId: null,
      clientId: null,
    });
    const stronger = await create({ name: 'Stronger child', scopes: ['company:write'] }, parent.key);
    expect(stronger.status).toBe(403);
    expect(stronger.body.code).toBe('INSUFFICIENT_SCOPE');
  });

  it.each([
    ['companyId', { companyId: '0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b' }, '/companyId', 'whitelistValidation'],
    ['environment', { environment: 'live' }, '/environment', 'whitelistValidation'],
    ['secretHash', { secretHash: 'abc' }, '/secretHash', 'whitelistValidation'],
    ['an unknown scope', { scopes: ['company:read', 'everything:write'] }, '/scopes', 'isIn'],
  ])('rejects mass assignment of %s with 400 and stores nothing', async (_case, extra, pointer, rule) => {
    const name = `Mass assignment ${pointer}`;
    const res = await create({ name, scopes: ['company:read'], ...extra });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer, rule })]);
    expect((await listedKeys()).map((key) => key.name)).not.toContain(name);
  });

  it('rejects a key without a name or without scopes', async () => {
    const res = await create({ name: '', scopes: [] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/name', rule: 'isLength' }),
        expect.objectContaining({ pointer: '/scopes', rule: 'arrayMinSize' }),
      ]),
    );
  });

  it('answers 401 without credentials and 403 without api_keys:write', async () => {
    const anonymous = await request(t.http)
      .post('/v1/api-keys')
      .send({ name: 'x', scopes: ['company:read'] });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    const readOnly = await clientToken(t.http, company, ['api_keys:read', 'company:read']);
    const res = await create({ name: 'x', scopes: ['company:read'] }, readOnly);
    expect(res.status).toBe(403);
    expect(res.headers['www-authenticate']).toContain('scope="api_keys:write"');
  });
});

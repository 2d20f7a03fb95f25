import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createApiKey } from '../../support/api-keys.js';

interface AuditEventBody {
  action: string;
  resourceType: string;
  resourceId: string;
  requestId: string | null;
  actor: { kind: string; userId: string | null; clientId: string | null; apiKeyId: string | null };
  details: Record<string, unknown>;
}

describe('the audit trail of writes', () => {
  let t: TestApp;
  let company: SignedUpCompany;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    company = await signUpCompany(t.http);
    token = await clientToken(t.http, company);
  });
  afterAll(() => t.close());

  const events = async (query: Record<string, string> = {}): Promise<AuditEventBody[]> => {
    const res = await request(t.http).get('/v1/audit-events').query(query).auth(token, { type: 'bearer' });
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const byResource = (resourceId: string) => events({ resourceId });

  it('records the sign-up as company.created and api_client.registered by the new person', async () => {
    const all = await events();
    const created = all.find((event) => event.action === 'company.created');
    expect(created).toMatchObject({
      resourceType: 'company',
      resourceId: company.companyId,
      actor: { kind: 'user', userId: company.userId, clientId: null, apiKeyId: null },
      requestId: expect.stringMatching(/^req_/),
      details: { name: 'Test AS', environment: 'test' },
    });
    const registered = all.find((event) => event.action === 'api_client.registered');
    expect(registered).toMatchObject({ actor: { kind: 'user', userId: company.userId } });
    expect(registered?.details).toMatchObject({ clientId: company.clientId });
    expect(JSON.stringify(all)).not.toContain(company.clientSecret);
  });

  it('records an API key creation with the request id and the calling client, never the key', async () => {
    const res = await request(t.http)
      .post('/v1/api-keys')
      .set('X-Request-Id', 'audit-test-create-key')
      .auth(token, { type: 'bearer' })
      .send({ name: 'POS', scopes: ['company:read'] });
    const [event] = await byResource(res.body.id);
    expect(event).toMatchObject({
      action: 'api_key.created',
      resourceType: 'api_key',
      requestId: 'audit-test-create-key',
      actor: { kind: 'client', clientId: company.clientId, userId: null, apiKeyId: null },
      details: { name: 'POS', scopes: ['company:read'], environment: 'test' },
    });
    expect(JSON.stringify(event)).not.toContain(res.body.key);
  });

  it('records an API key revocation once, however often it is revoked', async () => {
    const key = await createApiKey(t.http, token, ['company:read']);
    for (let i = 0; i < 2; i++) {
      await request(t.http).post(`/v1/api-keys/${key.id}/revoke`).auth(token, { type: 'bearer' });
    }
    const actions = (await byResource(key.id)).map((event) => event.action);
    expect(actions).toEqual(['api_key.revoked', 'api_key.created']);
  });

  it('records a company update made with an API key, naming the key as actor', async () => {
    const key = await createApiKey(t.http, token, ['company:write']);
    await request(t.http)
      .patch('/v1/company')
      .set('X-Request-Id', 'audit-test-update-company')
      .auth(key.key, { type: 'bearer' })
      .send({ fiscalYearStartMonth: 7 });
    const [event] = await events({ action: 'company.updated', resourceId: company.companyId });
    expect(event).toMatchObject({
      requestId: 'audit-test-update-company',
      actor: { kind: 'api_key', apiKeyId: key.id, userId: null, clientId: null },
      details: { changes: { fiscalYearStartMonth: 7 } },
    });
  });

  it('records API client registration and revocation without the client secret', async () => {
    const registered = await request(t.http)
      .post('/v1/api-clients')
      .auth(token, { type: 'bearer' })
      .send({ name: 'Audited app', type: 'confidential', redirectUris: [], scopes: ['company:read'] });
    await request(t.http)
      .post(`/v1/api-clients/${registered.body.id}/revoke`)
      .auth(token, { type: 'bearer' });
    const trail = await byResource(registered.body.id);
    expect(trail.map((event) => event.action)).toEqual(['api_client.revoked', 'api_client.registered']);
    expect(trail[1].details).toMatchObject({ name: 'Audited app', type: 'confidential' });
    expect(JSON.stringify(trail)).not.toContain(registered.body.clientSecret);
  });

  it('records nothing for writes that fail', async () => {
    const before = await events({ limit: '500' });
    const narrow = await clientToken(t.http, company, ['api_keys:write']);
    const refused = [
      await request(t.http)
        .post('/v1/api-keys')
        .auth(narrow, { type: 'bearer' })
        .send({ name: 'Beyond', scopes: ['audit:read'] }),
      await request(t.http)
        .post('/v1/api-keys')
        .auth(token, { type: 'bearer' })
        .send({ name: 'Mass', scopes: ['company:read'], companyId: company.companyId }),
      await request(t.http)
        .post('/v1/api-keys/0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b/revoke')
        .auth(token, { type: 'bearer' }),
      await request(t.http)
        .patch('/v1/company')
        .auth(token, { type: 'bearer' })
        .send({ fiscalYearStartMonth: 13 }),
    ];
    expect(refused.map((res) => res.status)).toEqual([403, 400, 404, 400]);
    expect(await events({ limit: '500' })).toEqual(before);
  });
});

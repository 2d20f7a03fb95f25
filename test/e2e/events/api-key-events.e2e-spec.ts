import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { eventsOfType, expectEnvelope, onlyEventOfType } from '../../support/event-feed.js';
import { bearer } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('API key events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function newCompany(): Promise<{ company: SignedUpCompany; token: string }> {
    const company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company, [
      'events:read',
      'api_keys:read',
      'api_keys:write',
      'company:read',
    ]);
    return { company, token };
  }
  const create = (token: string, scopes: string[] = ['company:read']) =>
    request(t.http).post('/v1/api-keys').set(bearer(token)).send({ name: 'Kasse 1', scopes });
  const getKey = async (token: string, id: string) =>
    (await request(t.http).get(`/v1/api-keys/${id}`).set(bearer(token))).body;

  it('publishes api_key.created carrying the key as GET returns it, never the key itself', async () => {
    const { company, token } = await newCompany();
    const created = await create(token);
    expect(created.status).toBe(201);
    const event = await onlyEventOfType(t, token, 'api_key.created');
    expectEnvelope(event, 'api_key.created', company.companyId);
    expect(event.data).toEqual(await getKey(token, created.body.id));
    expect(event.data).not.toHaveProperty('key');
    expect(event.data).not.toHaveProperty('secretHash');
    expect(JSON.stringify(event)).not.toContain(created.body.key);
  });

  it('publishes api_key.revoked once, carrying the revoked key', async () => {
    const { company, token } = await newCompany();
    const created = await create(token);
    const revoke = () => request(t.http).post(`/v1/api-keys/${created.body.id}/revoke`).set(bearer(token));
    const revoked = await revoke();
    expect(revoked.status).toBe(200);
    expect((await revoke()).status).toBe(200);
    const event = await onlyEventOfType(t, token, 'api_key.revoked');
    expectEnvelope(event, 'api_key.revoked', company.companyId);
    expect(event.data).toEqual(await getKey(token, created.body.id));
    expect(event.data).toEqual(revoked.body);
    expect(event.data.revokedAt).toEqual(expect.any(String));
  });

  it('publishes nothing for a key refused for scopes beyond its creator', async () => {
    const { token } = await newCompany();
    const res = await create(token, ['company:read', 'audit:read']);
    expect(res.status).toBe(403);
    expect(await eventsOfType(t, token, 'api_key.created')).toEqual([]);
  });
});

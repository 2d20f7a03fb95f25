import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { eventsOfType, expectEnvelope, onlyEventOfType } from '../../support/event-feed.js';
import { bearer } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('API client events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function newCompany(): Promise<{ company: SignedUpCompany; token: string }> {
    const company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company, [
      'events:read',
      'api_clients:read',
      'api_clients:write',
    ]);
    return { company, token };
  }
  const register = (token: string) =>
    request(t.http)
      .post('/v1/api-clients')
      .set(bearer(token))
      .send({ name: 'Webshop', type: 'confidential', redirectUris: [], scopes: ['company:read'] });
  const getClient = async (token: string, id: string) =>
    (await request(t.http).get(`/v1/api-clients/${id}`).set(bearer(token))).body;

  it('publishes api_client.created carrying the client as GET returns it, never its secret', async () => {
    const { company, token } = await newCompany();
    const registered = await register(token);
    expect(registered.status).toBe(201);
    expect(registered.body.clientSecret).toMatch(/^hbcs_/);
    const event = await onlyEventOfType(t, token, 'api_client.created');
    expectEnvelope(event, 'api_client.created', company.companyId);
    expect(event.data).toEqual(await getClient(token, registered.body.id));
    expect(event.data).not.toHaveProperty('clientSecret');
    expect(event.data).not.toHaveProperty('secretHash');
    expect(JSON.stringify(event)).not.toContain(registered.body.clientSecret);
  });

  it('publishes api_client.revoked once, carrying the revoked client', async () => {
    const { company, token } = await newCompany();
    const registered = await register(token);
    const revoke = () =>
      request(t.http).post(`/v1/api-clients/${registered.body.id}/revoke`).set(bearer(token));
    const revoked = await revoke();
    expect(revoked.status).toBe(200);
    expect((await revoke()).status).toBe(200);
    const event = await onlyEventOfType(t, token, 'api_client.revoked');
    expectEnvelope(event, 'api_client.revoked', company.companyId);
    expect(event.data).toEqual(await getClient(token, registered.body.id));
    expect(event.data).toEqual(revoked.body);
    expect(event.data.revokedAt).toEqual(expect.any(String));
  });

  it("publishes nothing for a refused revocation of another company's client", async () => {
    const { token } = await newCompany();
    const other = await newCompany();
    const theirs = await register(other.token);
    const res = await request(t.http).post(`/v1/api-clients/${theirs.body.id}/revoke`).set(bearer(token));
    expect(res.status).toBe(404);
    expect(await eventsOfType(t, token, 'api_client.revoked')).toEqual([]);
    expect(await eventsOfType(t, other.token, 'api_client.revoked')).toEqual([]);
    expect((await getClient(other.token, theirs.body.id)).revokedAt).toBeNull();
  });
});

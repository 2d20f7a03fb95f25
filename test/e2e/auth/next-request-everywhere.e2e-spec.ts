import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { createApiKey } from '../../support/api-keys.js';
import { registerTestClient, type TestClient } from '../../support/oauth.js';
import { addMember, personToken } from '../../support/people.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// Two application instances on one database stand for two API processes behind a load
// balancer. Each has used the credentials first, so whatever a process remembers about a token
// it verified is warm: a revocation or a removed role made through one process must still
// refuse the very next request on the other.
describe('credentials withdrawn through one process', () => {
  let first: TestApp;
  let second: TestApp;
  let owner: SignedUpCompany;
  let app: TestClient;
  beforeAll(async () => {
    first = await createTestApp();
    second = await createTestApp({ database: first.database, keepDatabase: true });
    owner = await signUpCompany(first.http);
    app = await registerTestClient(first.http, owner, { type: 'confidential', scopes: ['company:read'] });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  const getCompany = (t: TestApp, token: string) =>
    request(t.http).get('/v1/company').auth(token, { type: 'bearer' });

  async function expectAcceptedByBoth(token: string): Promise<void> {
    for (const t of [first, second, first, second]) expect((await getCompany(t, token)).status).toBe(200);
  }

  it('refuse a revoked access token on the next request to the other process', async () => {
    const token = await clientToken(first.http, owner, ['company:read']);
    await expectAcceptedByBoth(token);
    const revoked = await request(first.http)
      .post('/oauth/revoke')
      .auth(owner.clientId, owner.clientSecret)
      .type('form')
      .send({ token });
    expect(revoked.status).toBe(200);
    const res = await getCompany(second, token);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'INVALID_TOKEN' });
    expect(res.body.detail).toMatch(/revoked/);
  });

  it("answer 404 to a removed person's next request to the other process", async () => {
    const person = await signUpCompany(first.http);
    expect((await addMember(first, owner, person, 'viewer')).status).toBe(201);
    const token = await personToken(first, app, {
      userId: person.userId,
      companyIds: [owner.companyId],
      scopes: ['company:read'],
    });
    await expectAcceptedByBoth(token);
    const ownerToken = await clientToken(first.http, owner, ['members:write']);
    const removed = await request(first.http)
      .delete(`/v1/members/${person.userId}`)
      .auth(ownerToken, { type: 'bearer' });
    expect(removed.status).toBe(204);
    const res = await getCompany(second, token);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('refuse a revoked API key on the next request to the other process', async () => {
    const token = await clientToken(first.http, owner, ['api_keys:write', 'company:read']);
    const key = await createApiKey(first.http, token, ['company:read']);
    await expectAcceptedByBoth(key.key);
    const revoked = await request(first.http)
      .post(`/v1/api-keys/${key.id}/revoke`)
      .auth(token, { type: 'bearer' });
    expect(revoked.status).toBe(200);
    const res = await getCompany(second, key.key);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'INVALID_TOKEN' });
    expect(res.body.detail).toMatch(/revoked/);
  });
});

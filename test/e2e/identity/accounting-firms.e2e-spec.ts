import request from 'supertest';
import {
  clientToken,
  organizationNumber,
  signUpCompany,
  type SignedUpCompany,
} from '../../support/factories.js';
import { authorizeParams, getAuthorize, signedInCookie } from '../../support/authorization-pages.js';
import { registerTestClient, type TestClient } from '../../support/oauth.js';
import { addMember, exchangePersonCode, organizationNumberOf, personToken } from '../../support/people.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('accounting firms: /v1/accounting-firms', () => {
  let t: TestApp;
  let client: SignedUpCompany;
  let app: TestClient;
  let clientWriteToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    client = await signUpCompany(t.http);
    app = await registerTestClient(t.http, client, {
      type: 'confidential',
      scopes: ['company:read', 'company:write', 'members:read'],
    });
    clientWriteToken = await clientToken(t.http, client, ['company:read', 'company:write', 'audit:read']);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (path: string) => request(t.http).get(path).auth(token, { type: 'bearer' }),
    post: (path: string, body: object) =>
      request(t.http).post(path).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) =>
      request(t.http).patch(path).auth(token, { type: 'bearer' }).send(body),
    delete: (path: string) => request(t.http).delete(path).auth(token, { type: 'bearer' }),
  });
  /** A live accounting firm engaged by the client company. */
  const engagedFirm = async () => {
    const firm = await signUpCompany(t.http, { environment: 'live' });
    const res = await as(clientWriteToken).post('/v1/accounting-firms', {
      organizationNumber: await organizationNumberOf(t, firm),
    });
    expect(res.status).toBe(201);
    return { firm, engagement: res.body as { id: string; organizationNumber: string; name: string } };
  };
  /** The person's token for the client company, asking for reads and owner-only writes. */
  const tokenInClient = (userId: string) =>
    personToken(t, app, {
      userId,
      companyIds: [client.companyId],
      scopes: ['company:read', 'company:write', 'members:read'],
    });

  it("gives the firm's owner accountant access to the client: read works, owner-only writes are 403", async () => {
    const { firm, engagement } = await engagedFirm();
    expect(engagement).toEqual({
      id: firm.companyId,
      organizationNumber: await organizationNumberOf(t, firm),
      name: 'Test AS',
      engagedAt: expect.any(String),
    });
    const token = await tokenInClient(firm.userId);
    const company = await as(token).get('/v1/company');
    expect({ status: company.status, id: company.body.id }).toEqual({ status: 200, id: client.companyId });
    const write = await as(token).patch('/v1/company', { name: 'Changed AS' });
    expect({ status: write.status, code: write.body.code }).toEqual({
      status: 403,
      code: 'INSUFFICIENT_SCOPE',
    });
    expect((await as(token).get('/v1/members')).status).toBe(200);
  });

  it("gives the firm's accountants access too, but not its viewers", async () => {
    const { firm } = await engagedFirm();
    const [accountant, viewer] = [await signUpCompany(t.http), await signUpCompany(t.http)];
    await addMember(t, firm, accountant, 'accountant');
    await addMember(t, firm, viewer, 'viewer');
    expect((await as(await tokenInClient(accountant.userId)).get('/v1/company')).status).toBe(200);
    const refused = await exchangePersonCode(t, app, {
      userId: viewer.userId,
      companyIds: [client.companyId],
      scopes: ['company:read'],
    });
    expect({ status: refused.status, error: refused.body.error }).toEqual({
      status: 400,
      error: 'invalid_grant',
    });
  });

  it("lets a direct membership in the client win over the firm's accountant role", async () => {
    const { firm } = await engagedFirm();
    await addMember(t, client, firm, 'employee');
    const token = await tokenInClient(firm.userId);
    expect((await as(token).get('/v1/company')).status).toBe(200);
    // An employee may not see the members; an accountant may.
    expect((await as(token).get('/v1/members')).status).toBe(403);
  });

  it("lists the client on the consent page of the firm's accountant, with the accountant role", async () => {
    const { firm } = await engagedFirm();
    const params = authorizeParams(app, { scope: 'company:read' });
    const cookie = await signedInCookie(t.http, params, firm);
    const page = await getAuthorize(t.http, params, cookie);
    const boxes = [...page.text.matchAll(/type="checkbox" name="company" value="([^"]+)"/g)].map((m) => m[1]);
    expect(boxes.sort()).toEqual([firm.companyId, client.companyId].sort());
    expect(page.text).toContain('your role: accountant');
  });

  it('ends access at once when the engagement is deleted: the same token answers 404 for the client', async () => {
    const { firm } = await engagedFirm();
    const token = await tokenInClient(firm.userId);
    expect((await as(token).get('/v1/company')).status).toBe(200);
    expect((await as(clientWriteToken).delete(`/v1/accounting-firms/${firm.companyId}`)).status).toBe(204);
    const after = await as(token).get('/v1/company');
    expect({ status: after.status, code: after.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect((await as(clientWriteToken).get(`/v1/accounting-firms/${firm.companyId}`)).status).toBe(404);
    const listed = await as(clientWriteToken).get('/v1/accounting-firms');
    expect(JSON.stringify(listed.body)).not.toContain(firm.companyId);
  });

  it('answers 404 for a firm that is not a live company here, and 409 when engaging it twice', async () => {
    const unknown = await as(clientWriteToken).post('/v1/accounting-firms', {
      organizationNumber: organizationNumber(),
    });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const sandbox = await signUpCompany(t.http, { environment: 'test' });
    const sandboxed = await as(clientWriteToken).post('/v1/accounting-firms', {
      organizationNumber: await organizationNumberOf(t, sandbox),
    });
    expect(sandboxed.status).toBe(404);
    const { engagement } = await engagedFirm();
    const twice = await as(clientWriteToken).post('/v1/accounting-firms', {
      organizationNumber: engagement.organizationNumber,
    });
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'CONFLICT' });
  });

  it('refuses an invalid organisation number and an id that is not a UUID', async () => {
    const bad = await as(clientWriteToken).post('/v1/accounting-firms', { organizationNumber: '123456789' });
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(bad.body.errors[0].pointer).toBe('/organizationNumber');
    expect((await as(clientWriteToken).delete('/v1/accounting-firms/not-a-uuid')).body.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('answers 401 without a token and 403 without company:write', async () => {
    expect((await request(t.http).get('/v1/accounting-firms')).status).toBe(401);
    const readOnly = await clientToken(t.http, client, ['company:read']);
    const res = await as(readOnly).post('/v1/accounting-firms', { organizationNumber: organizationNumber() });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'INSUFFICIENT_SCOPE' });
    expect((await as(readOnly).get('/v1/accounting-firms')).status).toBe(200);
  });

  it("answers 404 to another company's engagement and never lists it", async () => {
    const { firm } = await engagedFirm();
    const other = await signUpCompany(t.http);
    const otherToken = await clientToken(t.http, other, ['company:read', 'company:write']);
    for (const res of [
      await as(otherToken).get(`/v1/accounting-firms/${firm.companyId}`),
      await as(otherToken).delete(`/v1/accounting-firms/${firm.companyId}`),
    ]) {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
    expect(JSON.stringify((await as(otherToken).get('/v1/accounting-firms')).body)).not.toContain(
      firm.companyId,
    );
    expect((await as(clientWriteToken).get(`/v1/accounting-firms/${firm.companyId}`)).status).toBe(200);
  });

  it('records engaging and ending in the audit log', async () => {
    const { firm } = await engagedFirm();
    await as(clientWriteToken).delete(`/v1/accounting-firms/${firm.companyId}`);
    const events = (await as(clientWriteToken).get('/v1/audit-events')).body.data as Array<{
      action: string;
      resourceId: string;
    }>;
    expect(
      events
        .filter((event) => event.resourceId === firm.companyId)
        .map((event) => event.action)
        .sort(),
    ).toEqual(['accounting_firm.disengaged', 'accounting_firm.engaged']);
  });
});

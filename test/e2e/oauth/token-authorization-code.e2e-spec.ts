import { createHash } from 'node:crypto';
import request from 'supertest';
import { signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import {
  addTestMembership,
  issueTestAuthorizationCode,
  registerTestClient,
  removeTestMembership,
  tokenRequest,
  type TestAuthorizationCode,
  type TestClient,
  type TestCodeGrant,
} from '../../support/oauth.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('POST /oauth/token with grant_type=authorization_code', () => {
  let t: TestApp;
  let company: SignedUpCompany;
  let webApp: TestClient;
  let spa: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    company = await signUpCompany(t.http);
    webApp = await registerTestClient(t.http, company, { type: 'confidential' });
    spa = await registerTestClient(t.http, company, { type: 'public' });
  });
  afterAll(() => t.close());

  const codeFor = (client: TestClient, overrides: Partial<TestCodeGrant> = {}) =>
    issueTestAuthorizationCode(t, {
      clientId: client.clientId,
      userId: company.userId,
      companyIds: [company.companyId],
      scopes: ['company:read', 'company:write'],
      redirectUri: client.redirectUri,
      ...overrides,
    });
  // Sends the code with its redirect_uri and verifier; an override of undefined leaves one out.
  const exchange = (
    client: Pick<TestClient, 'clientId' | 'clientSecret'>,
    code: TestAuthorizationCode,
    overrides: Record<string, string | undefined> = {},
  ) => {
    const form: Record<string, string | undefined> = {
      grant_type: 'authorization_code',
      code: code.code,
      redirect_uri: code.redirectUri,
      code_verifier: code.codeVerifier,
      ...overrides,
    };
    const sent = Object.fromEntries(Object.entries(form).filter(([, value]) => value !== undefined));
    return tokenRequest(t.http, client, sent as Record<string, string>);
  };
  const refresh = (client: TestClient, refreshToken: string) =>
    tokenRequest(t.http, client, { grant_type: 'refresh_token', refresh_token: refreshToken });
  const expectInvalidGrant = (res: request.Response, description: RegExp) => {
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'invalid_grant',
      error_description: expect.stringMatching(description),
    });
  };

  it('exchanges a code for tokens that act as the person, with what the owner role allows', async () => {
    const res = await exchange(webApp, await codeFor(webApp));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
      scope: 'company:read company:write',
      refresh_token: expect.stringMatching(/^hbr_[A-Za-z0-9_-]{43}$/),
    });
    const bearer = { type: 'bearer' } as const;
    const read = await request(t.http).get('/v1/company').auth(res.body.access_token, bearer);
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(company.companyId);
    // company:write is an owner-only scope: it works because the person owns the company.
    const write = await request(t.http)
      .patch('/v1/company')
      .auth(res.body.access_token, bearer)
      .send({ name: 'Renamed through an app AS' });
    expect(write.status).toBe(200);
    const introspected = await request(t.http)
      .post('/oauth/introspect')
      .auth(webApp.clientId, webApp.clientSecret!)
      .type('form')
      .send({ token: res.body.access_token });
    expect(introspected.body).toMatchObject({
      active: true,
      sub: company.userId,
      client_id: webApp.clientId,
    });
  });

  it('lets a public client exchange a code with its client_id alone', async () => {
    const res = await exchange(spa, await codeFor(spa));
    expect(res.status).toBe(200);
    expect(res.body.refresh_token).toMatch(/^hbr_/);
  });

  it('refuses a public client that sends a client secret, and a confidential client without one', async () => {
    const asPublicWithSecret = await request(t.http)
      .post('/oauth/token')
      .auth(spa.clientId, 'made-up-secret')
      .type('form')
      .send({ grant_type: 'authorization_code', code: 'x', redirect_uri: spa.redirectUri });
    expect(asPublicWithSecret.status).toBe(401);
    expect(asPublicWithSecret.body.error).toBe('invalid_client');
    const code = await codeFor(webApp);
    const withoutSecret = await exchange({ clientId: webApp.clientId }, code);
    expect(withoutSecret.status).toBe(401);
    expect(withoutSecret.body.error).toBe('invalid_client');
  });

  it('refuses a code without code_verifier (PKCE is required)', async () => {
    const res = await exchange(webApp, await codeFor(webApp), { code_verifier: undefined });
    expectInvalidGrant(res, /code_verifier is missing/);
  });

  it('refuses a wrong code_verifier, a malformed one, and the challenge sent as the verifier (plain)', async () => {
    const code = await codeFor(webApp);
    const other = await codeFor(webApp);
    expectInvalidGrant(await exchange(webApp, code, { code_verifier: other.codeVerifier }), /does not match/);
    expectInvalidGrant(await exchange(webApp, code, { code_verifier: 'too-short' }), /does not match/);
    const challenge = createHash('sha256').update(code.codeVerifier).digest('base64url');
    expectInvalidGrant(await exchange(webApp, code, { code_verifier: challenge }), /does not match/);
  });

  it('refuses a code used a second time and revokes the refresh token the first exchange issued', async () => {
    const code = await codeFor(webApp);
    const first = await exchange(webApp, code);
    expect(first.status).toBe(200);
    expectInvalidGrant(await exchange(webApp, code), /used already/);
    expectInvalidGrant(await refresh(webApp, first.body.refresh_token), /unknown, expired or revoked/);
    const warning = t.logs.find((line) => String(line.msg).startsWith('authorization code presented again'));
    expect(warning).toMatchObject({ level: 'warn', clientId: webApp.clientId, familyId: expect.any(String) });
    expect(JSON.stringify(t.logs)).not.toContain(code.code);
  });

  it('lets only one of two simultaneous exchanges of one code succeed', async () => {
    const code = await codeFor(webApp);
    const results = await Promise.all([exchange(webApp, code), exchange(webApp, code)]);
    expect(results.map((res) => res.status).sort()).toEqual([200, 400]);
  });

  it('refuses a redirect_uri differing by one character, and a missing one', async () => {
    const code = await codeFor(webApp);
    const oneOff = `${code.redirectUri.slice(0, -1)}${code.redirectUri.endsWith('a') ? 'b' : 'a'}`;
    expectInvalidGrant(await exchange(webApp, code, { redirect_uri: oneOff }), /redirect_uri differs/);
    expectInvalidGrant(await exchange(webApp, code, { redirect_uri: `${code.redirectUri}/` }), /differs/);
    expectInvalidGrant(await exchange(webApp, code, { redirect_uri: undefined }), /redirect_uri is missing/);
  });

  it("refuses another client's code, which then still works for its own client", async () => {
    const code = await codeFor(spa);
    expectInvalidGrant(await exchange(webApp, code), /issued to another client/);
    expect((await exchange(spa, code)).status).toBe(200);
  });

  it('refuses an expired code and an unknown one', async () => {
    const expired = await codeFor(webApp, { expiresInSeconds: -1 });
    expectInvalidGrant(await exchange(webApp, expired), /unknown or has expired/);
    const unknown = { ...(await codeFor(webApp)), code: 'hbac_not-a-code-of-this-server' };
    expectInvalidGrant(await exchange(webApp, unknown), /unknown or has expired/);
  });

  it('answers invalid_request when the code parameter is missing', async () => {
    const res = await tokenRequest(t.http, webApp, { grant_type: 'authorization_code' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
  });

  it('leaves out a company the person left before the code was redeemed', async () => {
    const other = await signUpCompany(t.http);
    const person = await signUpCompany(t.http);
    await addTestMembership(t, other.companyId, person.userId);
    const client = await registerTestClient(t.http, person, { type: 'confidential' });
    const grant = { userId: person.userId, scopes: ['company:read' as const] };
    const both = await codeFor(client, { ...grant, companyIds: [person.companyId, other.companyId] });
    await removeTestMembership(t, other.companyId, person.userId);
    const res = await exchange(client, both);
    expect(res.status).toBe(200);
    const introspected = await request(t.http)
      .post('/oauth/introspect')
      .auth(client.clientId, client.clientSecret!)
      .type('form')
      .send({ token: res.body.access_token });
    expect(introspected.body.companies).toEqual([person.companyId]);
    const onlyLost = await codeFor(client, { ...grant, companyIds: [other.companyId] });
    expectInvalidGrant(await exchange(client, onlyLost), /no longer has access/);
  });

  it('lists the authorization_code and refresh_token grants in the server metadata', async () => {
    const res = await request(t.http).get('/.well-known/oauth-authorization-server');
    expect(res.body.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
  });
});

import request from 'supertest';
import { signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import {
  issueTestAuthorizationCode,
  registerTestClient,
  tokenRequest,
  type TestClient,
} from '../../support/oauth.js';
import { createTestApp, TEST_PUBLIC_BASE_URL, type TestApp } from '../../support/test-app.js';

interface Tokens {
  access_token: string;
  refresh_token: string;
}

describe('revocation (RFC 7009) and introspection (RFC 7662) of refresh tokens', () => {
  let t: TestApp;
  let company: SignedUpCompany;
  let webApp: TestClient;
  let otherApp: TestClient;
  let spa: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    company = await signUpCompany(t.http);
    webApp = await registerTestClient(t.http, company, { type: 'confidential' });
    otherApp = await registerTestClient(t.http, company, { type: 'confidential' });
    spa = await registerTestClient(t.http, company, { type: 'public' });
  });
  afterAll(() => t.close());

  const signIn = async (client: TestClient): Promise<Tokens> => {
    const code = await issueTestAuthorizationCode(t, {
      clientId: client.clientId,
      userId: company.userId,
      companyIds: [company.companyId],
      scopes: ['company:read', 'vouchers:read'],
      redirectUri: client.redirectUri,
    });
    const res = await tokenRequest(t.http, client, {
      grant_type: 'authorization_code',
      code: code.code,
      redirect_uri: code.redirectUri,
      code_verifier: code.codeVerifier,
    });
    return res.body as Tokens;
  };
  const refresh = (client: TestClient, refreshToken: string) =>
    tokenRequest(t.http, client, { grant_type: 'refresh_token', refresh_token: refreshToken });
  const asClient = (path: string, client: TestClient, form: Record<string, string>) => {
    const req = request(t.http).post(path).type('form');
    return client.clientSecret
      ? req.auth(client.clientId, client.clientSecret).send(form)
      : req.send({ ...form, client_id: client.clientId });
  };
  const introspect = (client: TestClient, form: Record<string, string>) =>
    asClient('/oauth/introspect', client, form);
  const revoke = (client: TestClient, form: Record<string, string>) =>
    asClient('/oauth/revoke', client, form);

  it('describes an active refresh token of the calling client, with or without a hint', async () => {
    const tokens = await signIn(webApp);
    const expected = {
      active: true,
      scope: 'company:read vouchers:read',
      client_id: webApp.clientId,
      sub: company.userId,
      companies: [company.companyId],
      exp: expect.any(Number),
      iss: TEST_PUBLIC_BASE_URL,
      token_type: 'refresh_token',
    };
    const hinted = await introspect(webApp, {
      token: tokens.refresh_token,
      token_type_hint: 'refresh_token',
    });
    expect(hinted.status).toBe(200);
    expect(hinted.body).toEqual(expected);
    const days = (hinted.body.exp * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    expect((await introspect(webApp, { token: tokens.refresh_token })).body).toEqual(expected);
    const wrongHint = await introspect(webApp, {
      token: tokens.refresh_token,
      token_type_hint: 'access_token',
    });
    expect(wrongHint.body).toEqual(expected);
  });

  it('still describes access tokens, even under a refresh_token hint', async () => {
    const tokens = await signIn(webApp);
    const res = await introspect(webApp, { token: tokens.access_token, token_type_hint: 'refresh_token' });
    expect(res.body).toMatchObject({ active: true, token_type: 'Bearer', sub: company.userId });
  });

  it("reports another client's refresh token, a used one and a made-up one as inactive", async () => {
    const tokens = await signIn(webApp);
    expect((await introspect(otherApp, { token: tokens.refresh_token })).body).toEqual({ active: false });
    expect((await refresh(webApp, tokens.refresh_token)).status).toBe(200);
    expect((await introspect(webApp, { token: tokens.refresh_token })).body).toEqual({ active: false });
    expect((await introspect(webApp, { token: 'hbr_made-up' })).body).toEqual({ active: false });
  });

  it('refuses introspection by a public client and by a client with a wrong secret', async () => {
    const tokens = await signIn(spa);
    const asPublic = await introspect(spa, { token: tokens.refresh_token });
    expect(asPublic.status).toBe(401);
    expect(asPublic.body.error).toBe('invalid_client');
    const wrong = await introspect(
      { ...webApp, clientSecret: 'hbcs_wrong' },
      { token: tokens.refresh_token },
    );
    expect(wrong.status).toBe(401);
  });

  it('revokes the whole family when a refresh token is revoked', async () => {
    const first = await signIn(webApp);
    const second = (await refresh(webApp, first.refresh_token)).body as Tokens;
    // Revoking the used one ends the grant: the newest token of the family stops working too.
    const res = await revoke(webApp, { token: first.refresh_token, token_type_hint: 'refresh_token' });
    expect(res.status).toBe(200);
    expect((await introspect(webApp, { token: second.refresh_token })).body).toEqual({ active: false });
    const again = await refresh(webApp, second.refresh_token);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('revokes a refresh token sent without a hint or under the wrong one', async () => {
    for (const hint of [undefined, 'access_token']) {
      const tokens = await signIn(webApp);
      const form: Record<string, string> = { token: tokens.refresh_token };
      if (hint) form.token_type_hint = hint;
      expect((await revoke(webApp, form)).status).toBe(200);
      expect((await refresh(webApp, tokens.refresh_token)).body.error).toBe('invalid_grant');
    }
  });

  it('lets a public client revoke its refresh token with its client_id alone', async () => {
    const tokens = await signIn(spa);
    expect((await revoke(spa, { token: tokens.refresh_token })).status).toBe(200);
    expect((await refresh(spa, tokens.refresh_token)).body.error).toBe('invalid_grant');
  });

  it("answers 200 but changes nothing when a client revokes another client's refresh token", async () => {
    const tokens = await signIn(webApp);
    const res = await revoke(otherApp, { token: tokens.refresh_token });
    expect(res.status).toBe(200);
    expect((await refresh(webApp, tokens.refresh_token)).status).toBe(200);
  });

  it('refuses revocation without the token parameter, and by an unknown client', async () => {
    const missing = await revoke(webApp, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_request');
    const unknown = await revoke({ clientId: 'hbc_unknown', redirectUri: '' }, { token: 'x' });
    expect(unknown.status).toBe(401);
  });
});

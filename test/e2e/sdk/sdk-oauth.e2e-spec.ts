import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  createAuthorizationUrl,
  createClient,
  createPkcePair,
  createTokenManager,
  exchangeAuthorizationCode,
  OAuthError,
  refreshAccessToken,
  requestClientCredentialsToken,
  type OAuthTokens,
} from '@hovedbok/sdk';
import { signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { issueTestAuthorizationCode, registerTestClient, type TestClient } from '../../support/oauth.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('the SDK obtains and refreshes OAuth tokens', () => {
  let t: TestApp;
  let baseUrl: string;
  let company: SignedUpCompany;
  let webApp: TestClient;
  let spa: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    company = await signUpCompany(t.http);
    webApp = await registerTestClient(t.http, company, { type: 'confidential' });
    spa = await registerTestClient(t.http, company, { type: 'public' });
  });
  afterAll(() => t.close());

  // The app makes its PKCE pair with the SDK; the code is what the consent page would store for
  // its challenge.
  const signIn = async (client: TestClient): Promise<OAuthTokens> => {
    const pkce = await createPkcePair();
    const code = await issueTestAuthorizationCode(t, {
      pkce,
      clientId: client.clientId,
      userId: company.userId,
      companyIds: [company.companyId],
      scopes: ['company:read', 'company:write'],
      redirectUri: client.redirectUri,
    });
    return exchangeAuthorizationCode({
      baseUrl,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      code: code.code,
      redirectUri: code.redirectUri,
      codeVerifier: pkce.codeVerifier,
    });
  };

  it('gets a client-credentials token and calls getCompany with it', async () => {
    const tokens = await requestClientCredentialsToken({
      baseUrl,
      clientId: company.clientId,
      clientSecret: company.clientSecret,
      scopes: ['company:read'],
    });
    expect(tokens).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
      expiresAt: expect.any(Date),
      scopes: ['company:read'],
    });
    const hovedbok = createClient({ baseUrl, accessToken: tokens.accessToken });
    expect((await hovedbok.getCompany()).id).toBe(company.companyId);
  });

  it('exchanges a code and refreshes, with a new refresh token each time', async () => {
    const tokens = await signIn(webApp);
    expect(tokens.refreshToken).toMatch(/^hbr_/);
    expect(tokens.scopes).toEqual(['company:read', 'company:write']);
    const refreshed = await refreshAccessToken({
      baseUrl,
      clientId: webApp.clientId,
      clientSecret: webApp.clientSecret,
      refreshToken: tokens.refreshToken!,
      scopes: ['company:read'],
    });
    expect(refreshed.scopes).toEqual(['company:read']);
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    const hovedbok = createClient({ baseUrl, accessToken: refreshed.accessToken });
    expect((await hovedbok.getCompany()).id).toBe(company.companyId);
  });

  it('works for a public client, which has no secret', async () => {
    const tokens = await signIn(spa);
    const refreshed = await refreshAccessToken({
      baseUrl,
      clientId: spa.clientId,
      refreshToken: tokens.refreshToken!,
    });
    expect(refreshed.refreshToken).toMatch(/^hbr_/);
  });

  it('throws a typed OAuthError when the token endpoint refuses', async () => {
    const tokens = await signIn(webApp);
    const options = { baseUrl, clientId: webApp.clientId, clientSecret: webApp.clientSecret };
    await refreshAccessToken({ ...options, refreshToken: tokens.refreshToken! });
    const reused = await refreshAccessToken({ ...options, refreshToken: tokens.refreshToken! }).catch(
      (e: unknown) => e,
    );
    expect(reused).toBeInstanceOf(OAuthError);
    expect(reused).toMatchObject({
      status: 400,
      error: 'invalid_grant',
      error_description: expect.stringContaining('used already'),
    });
    const wrongSecret = await requestClientCredentialsToken({
      baseUrl,
      clientId: company.clientId,
      clientSecret: 'hbcs_wrong',
    }).catch((e: unknown) => e);
    expect(wrongSecret).toMatchObject({ status: 401, error: 'invalid_client' });
  });

  it('gives the token manager to createClient: it refreshes near expiry and reports each rotation', async () => {
    const persisted: string[] = [];
    const manager = createTokenManager({
      baseUrl,
      clientId: webApp.clientId,
      clientSecret: webApp.clientSecret,
      tokens: await signIn(webApp),
      // Longer than the access token lives, so every call renews: the rotation is exercised.
      refreshLeewaySeconds: 3600,
      onTokens: (tokens) => {
        persisted.push(tokens.refreshToken!);
      },
    });
    const hovedbok = createClient({ baseUrl, accessToken: manager.accessToken });
    expect((await hovedbok.getCompany()).id).toBe(company.companyId);
    // Simultaneous calls share one refresh: two with one token would revoke the grant.
    await Promise.all([hovedbok.getCompany(), hovedbok.getCompany()]);
    expect((await hovedbok.getCompany()).id).toBe(company.companyId);
    expect(persisted).toHaveLength(3);
    expect(new Set(persisted).size).toBe(3);
    expect(manager.current()?.refreshToken).toBe(persisted.at(-1));
  });

  it('gets client-credentials tokens through the token manager, reusing one until it nears expiry', async () => {
    const manager = createTokenManager({
      baseUrl,
      clientId: company.clientId,
      clientSecret: company.clientSecret,
      scopes: ['company:read'],
    });
    const hovedbok = createClient({ baseUrl, accessToken: manager.accessToken });
    expect((await hovedbok.getCompany()).id).toBe(company.companyId);
    const first = manager.current()?.accessToken;
    await hovedbok.getCompany();
    expect(manager.current()?.accessToken).toBe(first);
  });

  it('refuses to make a token manager with neither a refresh token nor a client secret', () => {
    expect(() => createTokenManager({ baseUrl, clientId: spa.clientId })).toThrow(TypeError);
  });

  it('makes PKCE pairs (S256) and the authorization URL that carries the challenge', async () => {
    const pair = await createPkcePair();
    expect(pair.method).toBe('S256');
    expect(pair.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.codeChallenge).toBe(createHash('sha256').update(pair.codeVerifier).digest('base64url'));
    expect((await createPkcePair()).codeVerifier).not.toBe(pair.codeVerifier);
    const url = new URL(
      createAuthorizationUrl({
        baseUrl,
        clientId: spa.clientId,
        redirectUri: spa.redirectUri,
        scopes: ['company:read'],
        state: 'state-1',
        codeChallenge: pair.codeChallenge,
      }),
    );
    expect(url.pathname).toBe('/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: spa.clientId,
      redirect_uri: spa.redirectUri,
      scope: 'company:read',
      state: 'state-1',
      code_challenge: pair.codeChallenge,
      code_challenge_method: 'S256',
    });
  });
});

import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { authorizeParams, getAuthorize, locationParams } from '../../support/authorization-pages.js';
import { registerTestClient, type TestClient } from '../../support/oauth.js';
import { createTestApp, TEST_PUBLIC_BASE_URL, type TestApp } from '../../support/test-app.js';

describe('GET /oauth/authorize checks the request before anything else', () => {
  let t: TestApp;
  let company: SignedUpCompany;
  let app: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    company = await signUpCompany(t.http);
    app = await registerTestClient(t.http, company, {
      type: 'public',
      scopes: ['company:read', 'vouchers:read'],
    });
  });
  afterAll(() => t.close());

  const expectErrorPage = (res: request.Response, text: RegExp) => {
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toMatch(text);
  };
  const expectRedirectedError = (res: request.Response, error: string, state: string | undefined) => {
    expect(res.status).toBe(302);
    expect(res.headers.location.startsWith(`${app.redirectUri}?`)).toBe(true);
    const params = locationParams(res);
    expect(params.get('error')).toBe(error);
    expect(params.get('error_description')).toBeTruthy();
    expect(params.get('state')).toBe(state ?? null);
    expect(params.get('iss')).toBe(TEST_PUBLIC_BASE_URL);
    expect(params.has('code')).toBe(false);
  };

  it('shows the sign-in page, naming the app, to a person who is not signed in', async () => {
    const res = await getAuthorize(t.http, authorizeParams(app));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<form method="post" action="/oauth/sign-in">');
    expect(res.text).toContain('Test app');
    // No script, and no outside (or any) assets: the one style sheet is inline.
    expect(res.text).not.toMatch(/<script|<link|<img|\ssrc=|\shref=/);
  });

  it('serves the sign-in page with a policy of no script, no framing and forms to itself only', async () => {
    const csp = (await getAuthorize(t.http, authorizeParams(app))).headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('script-src');
  });

  it('shows an error page and never redirects for an unknown client_id', async () => {
    const res = await getAuthorize(t.http, authorizeParams({ ...app, clientId: 'hbc_unknown' }));
    expectErrorPage(res, /Unknown app/);
  });

  it('shows an error page for a client_id that is missing', async () => {
    expectErrorPage(await getAuthorize(t.http, authorizeParams(app, { client_id: undefined })), /client_id/);
  });

  it('shows an error page for a redirect URI differing by one character', async () => {
    const oneOff = `${app.redirectUri.slice(0, -1)}${app.redirectUri.endsWith('a') ? 'b' : 'a'}`;
    const res = await getAuthorize(t.http, authorizeParams(app, { redirect_uri: oneOff }));
    expectErrorPage(res, /redirect_uri is missing or is not one registered/);
  });

  it.each([
    ['a trailing slash', (uri: string) => `${uri}/`],
    ['an upper-case host', (uri: string) => uri.replace('app.example', 'APP.example')],
    ['an extra query', (uri: string) => `${uri}?next=/admin`],
  ])('shows an error page for a redirect URI with %s', async (_, change) => {
    const res = await getAuthorize(t.http, authorizeParams(app, { redirect_uri: change(app.redirectUri) }));
    expectErrorPage(res, /redirect_uri/);
  });

  it('shows an error page when redirect_uri is missing', async () => {
    expectErrorPage(
      await getAuthorize(t.http, authorizeParams(app, { redirect_uri: undefined })),
      /redirect_uri/,
    );
  });

  it('shows an error page for a revoked client', async () => {
    const revoked = await registerTestClient(t.http, company, { type: 'public' });
    const token = await clientToken(t.http, company, ['api_clients:read', 'api_clients:write']);
    const listed = await request(t.http).get('/v1/api-clients').auth(token, { type: 'bearer' });
    const id = listed.body.data.find((c: { clientId: string }) => c.clientId === revoked.clientId).id;
    const revoking = await request(t.http)
      .post(`/v1/api-clients/${id}/revoke`)
      .auth(token, { type: 'bearer' });
    expect(revoking.body.revokedAt).toBeTruthy();
    expectErrorPage(await getAuthorize(t.http, authorizeParams(revoked)), /Unknown app/);
  });

  it('redirects unsupported_response_type for response_type=token', async () => {
    const params = authorizeParams(app, { response_type: 'token' });
    expectRedirectedError(await getAuthorize(t.http, params), 'unsupported_response_type', params.state);
  });

  it('redirects invalid_request when response_type is missing', async () => {
    const params = authorizeParams(app, { response_type: undefined });
    expectRedirectedError(await getAuthorize(t.http, params), 'invalid_request', params.state);
  });

  it('redirects invalid_request when there is no PKCE challenge', async () => {
    const params = authorizeParams(app, { code_challenge: undefined, code_challenge_method: undefined });
    expectRedirectedError(await getAuthorize(t.http, params), 'invalid_request', params.state);
  });

  it('refuses plain PKCE with invalid_request', async () => {
    const params = authorizeParams(app, { code_challenge_method: 'plain' });
    const res = await getAuthorize(t.http, params);
    expectRedirectedError(res, 'invalid_request', params.state);
    expect(locationParams(res).get('error_description')).toMatch(/S256/);
  });

  it('redirects invalid_request when code_challenge_method is left out (it would mean plain)', async () => {
    const params = authorizeParams(app, { code_challenge_method: undefined });
    expectRedirectedError(await getAuthorize(t.http, params), 'invalid_request', params.state);
  });

  it.each([
    ['too short', 'a'.repeat(42)],
    ['too long', 'a'.repeat(129)],
    ['not base64url', `${'a'.repeat(42)}+`],
  ])('redirects invalid_request for a code_challenge %s', async (_, challenge) => {
    const params = authorizeParams(app, { code_challenge: challenge });
    expectRedirectedError(await getAuthorize(t.http, params), 'invalid_request', params.state);
  });

  it('redirects invalid_scope for an unknown scope', async () => {
    const params = authorizeParams(app, { scope: 'company:read everything:write' });
    expectRedirectedError(await getAuthorize(t.http, params), 'invalid_scope', params.state);
  });

  it('redirects invalid_scope for a scope the client may not have', async () => {
    const params = authorizeParams(app, { scope: 'company:read vouchers:write' });
    expectRedirectedError(await getAuthorize(t.http, params), 'invalid_scope', params.state);
  });

  it('redirects invalid_scope when no scope is asked for', async () => {
    const params = authorizeParams(app, { scope: undefined });
    expectRedirectedError(await getAuthorize(t.http, params), 'invalid_scope', params.state);
  });

  it('redirects invalid_request for a parameter sent twice, without a state it cannot pick', async () => {
    const query = `${new URLSearchParams(authorizeParams(app)).toString()}&state=second`;
    const res = await request(t.http).get(`/oauth/authorize?${query}`);
    expectRedirectedError(res, 'invalid_request', undefined);
  });

  it('leaves out state from an error redirect when the client sent none', async () => {
    const params = authorizeParams(app, { state: undefined, response_type: 'token' });
    expectRedirectedError(await getAuthorize(t.http, params), 'unsupported_response_type', undefined);
  });

  it('escapes what the client registered and sent when it shows them', async () => {
    const token = await clientToken(t.http, company, ['api_clients:write']);
    const registered = await request(t.http)
      .post('/v1/api-clients')
      .auth(token, { type: 'bearer' })
      .send({
        name: '<b>Evil & "Co"</b>',
        type: 'public',
        redirectUris: [app.redirectUri],
        scopes: ['company:read'],
      });
    const evil = { clientId: registered.body.clientId as string, redirectUri: app.redirectUri };
    const res = await getAuthorize(t.http, authorizeParams(evil, { state: '"><script>alert(1)</script>' }));
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>');
    expect(res.text).not.toContain('<b>');
    expect(res.text).toContain('&lt;b&gt;Evil &amp; &quot;Co&quot;&lt;/b&gt;');
    expect(res.text).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('announces the authorization endpoint in the server metadata and the spec', async () => {
    const metadata = await request(t.http).get('/.well-known/oauth-authorization-server');
    expect(metadata.body.authorization_endpoint).toBe(`${TEST_PUBLIC_BASE_URL}/oauth/authorize`);
    expect(metadata.body.grant_types_supported).toContain('authorization_code');
    const spec = await request(t.http).get('/openapi.json');
    const flows = spec.body.components.securitySchemes.oauth2.flows;
    expect(flows.authorizationCode).toMatchObject({
      authorizationUrl: `${TEST_PUBLIC_BASE_URL}/oauth/authorize`,
      tokenUrl: `${TEST_PUBLIC_BASE_URL}/oauth/token`,
    });
    // A page for browsers, not an API operation: the SDK gets no function for it.
    expect(spec.body.paths['/oauth/authorize']).toBeUndefined();
  });
});

import { generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import pg from 'pg';
import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { createTestApp, TEST_PUBLIC_BASE_URL, type TestApp } from '../../support/test-app.js';

describe('access tokens are checked on every call', () => {
  let t: TestApp;
  let a: SignedUpCompany;
  let b: SignedUpCompany;
  let ourKey: { kid: string; key: CryptoKey };

  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = [await signUpCompany(t.http), await signUpCompany(t.http)];
    await clientToken(t.http, a); // makes the first signing key
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    const { rows } = await client.query<{ kid: string; private_jwk: JWK }>(
      'SELECT kid, private_jwk FROM oauth_signing_keys WHERE retired_at IS NULL',
    );
    await client.end();
    ourKey = { kid: rows[0].kid, key: (await importJWK(rows[0].private_jwk, 'ES256')) as CryptoKey };
  });
  afterAll(() => t.close());

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (overrides: JWTPayload = {}): JWTPayload => ({
    iss: TEST_PUBLIC_BASE_URL,
    aud: `${TEST_PUBLIC_BASE_URL}/v1`,
    sub: a.clientId,
    client_id: a.clientId,
    scope: 'company:read',
    companies: [a.companyId],
    jti: crypto.randomUUID(),
    iat: now(),
    exp: now() + 300,
    ...overrides,
  });
  const sign = (payload: JWTPayload, header: Record<string, unknown> = {}, key = ourKey.key) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: ourKey.kid, ...header })
      .sign(key);
  const getCompany = (token: string, company?: string) => {
    const call = request(t.http).get('/v1/company').set('Authorization', `Bearer ${token}`);
    return company ? call.set('Hovedbok-Company', company) : call;
  };
  const expectInvalidToken = (res: request.Response, reason: RegExp) => {
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_TOKEN');
    expect(res.body.detail).toMatch(reason);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="hovedbok", error="invalid_token"/);
  };

  it('accepts a token we signed with the right claims', async () => {
    const res = await getCompany(await sign(claims()));
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(a.companyId);
  });

  it('refuses an expired token', async () => {
    expectInvalidToken(
      await getCompany(await sign(claims({ iat: now() - 900, exp: now() - 120 }))),
      /expired/,
    );
  });

  it('refuses a token that is not valid yet', async () => {
    expectInvalidToken(await getCompany(await sign(claims({ nbf: now() + 600 }))), /nbf/);
  });

  it('refuses a token signed with another key under our kid', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    expectInvalidToken(await getCompany(await sign(claims(), {}, privateKey)), /signature/);
  });

  it('refuses alg none', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt', kid: ourKey.kid })).toString(
      'base64url',
    );
    const body = Buffer.from(JSON.stringify(claims())).toString('base64url');
    expectInvalidToken(await getCompany(`${header}.${body}.`), /.+/);
  });

  it('refuses an HMAC token keyed with our public key (algorithm confusion)', async () => {
    const jwks = (await request(t.http).get('/oauth/jwks')).body as { keys: JWK[] };
    const secret = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
    const forged = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: ourKey.kid })
      .sign(secret);
    expectInvalidToken(await getCompany(forged), /algorithm/);
  });

  it.each([
    ['audience', { aud: 'https://other.example/v1' }, /aud/],
    ['issuer', { iss: 'https://evil.example' }, /iss/],
  ])('refuses a token with the wrong %s', async (_name, override, reason) => {
    expectInvalidToken(await getCompany(await sign(claims(override))), reason);
  });

  it('refuses a plain JWT that is not typed as an access token', async () => {
    expectInvalidToken(await getCompany(await sign(claims(), { typ: 'JWT' })), /typ/);
  });

  it('refuses a token after it was revoked', async () => {
    const token = await clientToken(t.http, a, ['company:read']);
    expect((await getCompany(token)).status).toBe(200);
    const revoked = await request(t.http)
      .post('/oauth/revoke')
      .auth(a.clientId, a.clientSecret)
      .type('form')
      .send({ token });
    expect(revoked.status).toBe(200);
    expectInvalidToken(await getCompany(token), /revoked/);
  });

  it('refuses garbage and a malformed Authorization header', async () => {
    expectInvalidToken(await getCompany('not-a-token'), /well-formed/);
    const res = await request(t.http).get('/v1/company').set('Authorization', 'Token abc');
    expectInvalidToken(res, /Bearer/);
  });

  it('does not read tokens from the query string', async () => {
    const token = await clientToken(t.http, a, ['company:read']);
    const res = await request(t.http).get(`/v1/company?access_token=${token}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers 403 naming the scope that is missing', async () => {
    const token = await clientToken(t.http, a, ['company:read']);
    const res = await request(t.http)
      .patch('/v1/company')
      .auth(token, { type: 'bearer' })
      .send({ name: 'X' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: 'INSUFFICIENT_SCOPE',
      detail: expect.stringContaining('company:write'),
    });
    expect(res.headers['www-authenticate']).toBe(
      'Bearer realm="hovedbok", error="insufficient_scope", scope="company:write"',
    );
  });

  describe('a token covering several companies', () => {
    it('needs the Hovedbok-Company header', async () => {
      const token = await sign(claims({ companies: [a.companyId, b.companyId] }));
      const res = await getCompany(token);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('COMPANY_REQUIRED');
      expect((await getCompany(token, b.companyId)).body.id).toBe(b.companyId);
    });

    it('answers 404 for a company it does not cover, or a malformed one', async () => {
      const token = await sign(claims());
      expect((await getCompany(token, b.companyId)).status).toBe(404);
      expect((await getCompany(token, 'not-a-uuid')).status).toBe(404);
    });
  });
});

import { createHash } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import type { Scope } from '../../../src/common/index.js';
import { signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import {
  addTestMembership,
  expireTestRefreshToken,
  issueTestAuthorizationCode,
  registerTestClient,
  removeTestMembership,
  tokenRequest,
  type TestClient,
} from '../../support/oauth.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

// Polls until this many other sessions of the database wait for a lock.
async function waitForLockWaiters(client: pg.Client, count: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await client.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0].waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`fewer than ${count} sessions ever waited for the lock`);
}

interface Tokens {
  access_token: string;
  refresh_token: string;
  scope: string;
}

describe('POST /oauth/token with grant_type=refresh_token', () => {
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

  // Tokens from a fresh code, as right after the consent page.
  const signIn = async (
    client: TestClient,
    grant: { userId?: string; companyIds?: string[]; scopes?: Scope[] } = {},
  ): Promise<Tokens> => {
    const code = await issueTestAuthorizationCode(t, {
      clientId: client.clientId,
      userId: grant.userId ?? company.userId,
      companyIds: grant.companyIds ?? [company.companyId],
      scopes: grant.scopes ?? ['company:read', 'company:write'],
      redirectUri: client.redirectUri,
    });
    const res = await tokenRequest(t.http, client, {
      grant_type: 'authorization_code',
      code: code.code,
      redirect_uri: code.redirectUri,
      code_verifier: code.codeVerifier,
    });
    if (res.status !== 200) throw new Error(`exchange failed: ${JSON.stringify(res.body)}`);
    return res.body as Tokens;
  };
  const refresh = (client: TestClient, refreshToken: string, scope?: string) =>
    tokenRequest(t.http, client, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      ...(scope === undefined ? {} : { scope }),
    });
  const getCompany = (accessToken: string, companyId?: string) => {
    const call = request(t.http).get('/v1/company').auth(accessToken, { type: 'bearer' });
    return companyId ? call.set('Hovedbok-Company', companyId) : call;
  };
  const expectInvalidGrant = (res: request.Response, description: RegExp) => {
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'invalid_grant',
      error_description: expect.stringMatching(description),
    });
  };

  it('rotates: a refresh gives a new access token and a new refresh token, which works in turn', async () => {
    const first = await signIn(webApp);
    const second = await refresh(webApp, first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.headers['cache-control']).toBe('no-store');
    expect(second.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
      scope: 'company:read company:write',
      refresh_token: expect.stringMatching(/^hbr_/),
    });
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect((await getCompany(second.body.access_token)).body.id).toBe(company.companyId);
    expect((await refresh(webApp, second.body.refresh_token)).status).toBe(200);
  });

  it('lets a public client refresh with its client_id alone', async () => {
    const first = await signIn(spa);
    const res = await refresh(spa, first.refresh_token);
    expect(res.status).toBe(200);
    expect(res.body.refresh_token).toMatch(/^hbr_/);
  });

  it('treats a used refresh token as stolen: refuses it and revokes the newest token of its family', async () => {
    const first = await signIn(webApp);
    const second = (await refresh(webApp, first.refresh_token)).body as Tokens;
    expectInvalidGrant(await refresh(webApp, first.refresh_token), /used already; its family is revoked/);
    expectInvalidGrant(await refresh(webApp, second.refresh_token), /unknown, expired or revoked/);
    const warning = t.logs.find((line) =>
      String(line.msg).startsWith('rotated refresh token presented again'),
    );
    expect(warning).toMatchObject({ level: 'warn', clientId: webApp.clientId, familyId: expect.any(String) });
    const logged = JSON.stringify(t.logs);
    expect(logged).not.toContain(first.refresh_token);
    expect(logged).not.toContain(first.refresh_token.slice(4));
  });

  it('lets exactly one of two simultaneous refreshes with one token succeed, and revokes the family', async () => {
    const first = await signIn(webApp);
    // Hold the token's row locked until both requests are waiting on it, so they truly overlap.
    const blocker = new pg.Client({ connectionString: t.database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM oauth_refresh_tokens WHERE token_hash = $1 FOR UPDATE', [
      createHash('sha256').update(first.refresh_token).digest('hex'),
    ]);
    const racing = Promise.all([refresh(webApp, first.refresh_token), refresh(webApp, first.refresh_token)]);
    await waitForLockWaiters(blocker, 2);
    await blocker.query('COMMIT');
    await blocker.end();
    const results = await racing;
    expect(results.map((res) => res.status).sort()).toEqual([200, 400]);
    const winner = results.find((res) => res.status === 200)!;
    const loser = results.find((res) => res.status === 400)!;
    expect(loser.body.error).toBe('invalid_grant');
    expectInvalidGrant(await refresh(webApp, winner.body.refresh_token), /unknown, expired or revoked/);
  });

  it('narrows the access token to a requested scope, while the refresh token keeps the full grant', async () => {
    const first = await signIn(webApp);
    const narrow = await refresh(webApp, first.refresh_token, 'company:read');
    expect(narrow.status).toBe(200);
    expect(narrow.body.scope).toBe('company:read');
    expect((await getCompany(narrow.body.access_token)).status).toBe(200);
    const write = await request(t.http)
      .patch('/v1/company')
      .auth(narrow.body.access_token, { type: 'bearer' })
      .send({ name: 'Not allowed AS' });
    expect(write.status).toBe(403);
    const full = await refresh(webApp, narrow.body.refresh_token);
    expect(full.body.scope).toBe('company:read company:write');
  });

  it('refuses a scope beyond the grant with invalid_scope, and leaves the token usable', async () => {
    const first = await signIn(webApp);
    const wider = await refresh(webApp, first.refresh_token, 'company:read vouchers:read');
    expect(wider.status).toBe(400);
    expect(wider.body).toEqual({
      error: 'invalid_scope',
      error_description: expect.stringContaining('vouchers:read'),
    });
    const unknown = await refresh(webApp, first.refresh_token, 'company:read made:up');
    expect(unknown.body.error).toBe('invalid_scope');
    expect((await refresh(webApp, first.refresh_token)).status).toBe(200);
  });

  it("refuses another client's refresh token without burning it", async () => {
    const first = await signIn(spa);
    expectInvalidGrant(await refresh(webApp, first.refresh_token), /issued to another client/);
    expect((await refresh(spa, first.refresh_token)).status).toBe(200);
  });

  it('refuses an expired refresh token and an unknown one', async () => {
    const first = await signIn(webApp);
    await expireTestRefreshToken(t, first.refresh_token);
    expectInvalidGrant(await refresh(webApp, first.refresh_token), /unknown, expired or revoked/);
    expectInvalidGrant(
      await refresh(webApp, 'hbr_not-a-token-of-this-server'),
      /unknown, expired or revoked/,
    );
  });

  it('answers invalid_request without refresh_token, and invalid_client for a wrong secret', async () => {
    const missing = await tokenRequest(t.http, webApp, { grant_type: 'refresh_token' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_request');
    const first = await signIn(webApp);
    const wrongSecret = await tokenRequest(
      t.http,
      { clientId: webApp.clientId, clientSecret: 'hbcs_wrong' },
      { grant_type: 'refresh_token', refresh_token: first.refresh_token },
    );
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.error).toBe('invalid_client');
  });

  it('drops a company the person was removed from at the next refresh', async () => {
    const person = await signUpCompany(t.http);
    const other = await signUpCompany(t.http);
    await addTestMembership(t, other.companyId, person.userId, 'viewer');
    const client = await registerTestClient(t.http, person, { type: 'confidential' });
    const first = await signIn(client, {
      userId: person.userId,
      companyIds: [person.companyId, other.companyId],
      scopes: ['company:read'],
    });
    expect((await getCompany(first.access_token, other.companyId)).status).toBe(200);
    await removeTestMembership(t, other.companyId, person.userId);
    const second = await refresh(client, first.refresh_token);
    expect(second.status).toBe(200);
    expect((await getCompany(second.body.access_token, other.companyId)).status).toBe(404);
    expect((await getCompany(second.body.access_token)).body.id).toBe(person.companyId);
    const introspected = await request(t.http)
      .post('/oauth/introspect')
      .auth(client.clientId, client.clientSecret!)
      .type('form')
      .send({ token: second.body.refresh_token });
    expect(introspected.body.companies).toEqual([person.companyId]);
  });

  it('refuses a refresh once the person has lost every company granted', async () => {
    const person = await signUpCompany(t.http);
    const client = await registerTestClient(t.http, person, { type: 'confidential' });
    const first = await signIn(client, { userId: person.userId, companyIds: [person.companyId] });
    await removeTestMembership(t, person.companyId, person.userId);
    expectInvalidGrant(await refresh(client, first.refresh_token), /no longer has access/);
  });
});

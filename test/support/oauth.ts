import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { Scope } from '../../src/common/index.js';
import { Database } from '../../src/database/index.js';
import { clientToken, type SignedUpCompany } from './factories.js';
import type { TestApp } from './test-app.js';

// Through the application's own transactions (as its role, with the tenant set), so row-level
// security applies to test data as it does to the application's.
function sql(t: TestApp, scope: { companyId?: string }, query: string, params: unknown[]): Promise<unknown> {
  return t.app.get(Database).transaction(scope, (tx) => tx.query(query, params));
}

export interface TestClient {
  clientId: string;
  /** Confidential clients only. */
  clientSecret?: string;
  redirectUri: string;
}

/** Registers an API client of the company through the API, with one redirect URI. */
export async function registerTestClient(
  http: App,
  company: SignedUpCompany,
  options: { type: 'confidential' | 'public'; scopes?: Scope[]; redirectUri?: string },
): Promise<TestClient> {
  const redirectUri = options.redirectUri ?? `https://app.example/callback/${randomBytes(4).toString('hex')}`;
  const token = await clientToken(http, company, ['api_clients:write']);
  const res = await request(http)
    .post('/v1/api-clients')
    .auth(token, { type: 'bearer' })
    .send({
      name: 'Test app',
      type: options.type,
      redirectUris: [redirectUri],
      scopes: options.scopes ?? ['company:read', 'company:write', 'vouchers:read'],
    });
  if (res.status !== 201)
    throw new Error(`client registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { clientId: res.body.clientId, clientSecret: res.body.clientSecret, redirectUri };
}

export interface TestAuthorizationCode {
  code: string;
  codeVerifier: string;
  redirectUri: string;
}

export interface TestCodeGrant {
  clientId: string;
  userId: string;
  companyIds: string[];
  scopes: Scope[];
  redirectUri: string;
  /** Negative for a code that has expired already. Default 60. */
  expiresInSeconds?: number;
  /** A PKCE pair the app made (e.g. with the SDK); default: a fresh one made here. */
  pkce?: { codeVerifier: string; codeChallenge: string };
}

/**
 * An authorization code as the consent page would have stored it (only its hash, with the S256
 * challenge of a fresh verifier), written straight to the test database so token tests do not
 * depend on the sign-in and consent pages.
 */
export async function issueTestAuthorizationCode(
  t: TestApp,
  grant: TestCodeGrant,
): Promise<TestAuthorizationCode> {
  const code = `hbac_${randomBytes(32).toString('base64url')}`;
  const codeVerifier = grant.pkce?.codeVerifier ?? randomBytes(48).toString('base64url');
  const codeChallenge =
    grant.pkce?.codeChallenge ?? createHash('sha256').update(codeVerifier).digest('base64url');
  const expiresAt = new Date(Date.now() + (grant.expiresInSeconds ?? 60) * 1000);
  await sql(
    t,
    {},
    `INSERT INTO oauth_authorization_codes
       (code_hash, client_id, user_id, company_ids, scopes, redirect_uri, code_challenge, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      createHash('sha256').update(code).digest('hex'),
      grant.clientId,
      grant.userId,
      grant.companyIds,
      grant.scopes,
      grant.redirectUri,
      codeChallenge,
      expiresAt,
    ],
  );
  return { code, codeVerifier, redirectUri: grant.redirectUri };
}

/** Gives a person a role in another company, as an invitation would. */
export async function addTestMembership(
  t: TestApp,
  companyId: string,
  userId: string,
  role: 'owner' | 'accountant' | 'viewer' = 'accountant',
): Promise<void> {
  await sql(t, { companyId }, `INSERT INTO memberships (company_id, user_id, role) VALUES ($1, $2, $3)`, [
    companyId,
    userId,
    role,
  ]);
}

export async function removeTestMembership(t: TestApp, companyId: string, userId: string): Promise<void> {
  await sql(t, { companyId }, `DELETE FROM memberships WHERE company_id = $1 AND user_id = $2`, [
    companyId,
    userId,
  ]);
}

/** Lets time pass for a refresh token: moves its expiry into the past. */
export async function expireTestRefreshToken(t: TestApp, refreshToken: string): Promise<void> {
  await sql(
    t,
    {},
    `UPDATE oauth_refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
    [createHash('sha256').update(refreshToken).digest('hex')],
  );
}

/** A token request with the client authenticated as it must be: Basic if it has a secret, else client_id. */
export function tokenRequest(
  http: App,
  client: Pick<TestClient, 'clientId' | 'clientSecret'>,
  form: Record<string, string>,
) {
  const req = request(http).post('/oauth/token').type('form');
  if (client.clientSecret) return req.auth(client.clientId, client.clientSecret).send(form);
  return req.send({ ...form, client_id: client.clientId });
}

import request from 'supertest';
import type { Scope } from '../../src/common/index.js';
import { clientToken, type SignedUpCompany } from './factories.js';
import { issueTestAuthorizationCode, tokenRequest, type TestClient } from './oauth.js';
import type { TestApp } from './test-app.js';

/**
 * A person's access token for the companies given, as an app gets it: a code the consent page
 * would have made, exchanged at the token endpoint. Answers the token response as is, so a
 * test can see a refusal too.
 */
export async function exchangePersonCode(
  t: TestApp,
  app: TestClient,
  grant: { userId: string; companyIds: string[]; scopes: Scope[] },
): Promise<request.Response> {
  const code = await issueTestAuthorizationCode(t, {
    ...grant,
    clientId: app.clientId,
    redirectUri: app.redirectUri,
  });
  return tokenRequest(t.http, app, {
    grant_type: 'authorization_code',
    code: code.code,
    redirect_uri: code.redirectUri,
    code_verifier: code.codeVerifier,
  });
}

/** The person's access token; fails the test when the exchange is refused. */
export async function personToken(
  t: TestApp,
  app: TestClient,
  grant: { userId: string; companyIds: string[]; scopes: Scope[] },
): Promise<string> {
  const res = await exchangePersonCode(t, app, grant);
  if (res.status !== 200) throw new Error(`code exchange failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.access_token as string;
}

/** Adds the person (who has an account) to the company through the API, as its owner would. */
export async function addMember(
  t: TestApp,
  company: SignedUpCompany,
  person: Pick<SignedUpCompany, 'email'>,
  role: string,
): Promise<request.Response> {
  const token = await clientToken(t.http, company, ['members:write']);
  return request(t.http)
    .post('/v1/members')
    .auth(token, { type: 'bearer' })
    .send({ email: person.email, role });
}

/** The company's organisation number, read through the API with the company's own client. */
export async function organizationNumberOf(t: TestApp, company: SignedUpCompany): Promise<string> {
  const token = await clientToken(t.http, company, ['company:read']);
  const res = await request(t.http).get('/v1/company').auth(token, { type: 'bearer' });
  return res.body.organizationNumber as string;
}

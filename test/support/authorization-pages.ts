import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import type { TestClient } from './oauth.js';

export const SESSION_COOKIE = 'hovedbok_session';

/** A fresh PKCE pair: a random verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The query of a valid authorization request of the client; overrides of undefined drop a parameter. */
export function authorizeParams(
  client: Pick<TestClient, 'clientId' | 'redirectUri'>,
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: 'company:read',
    state: `state-${randomBytes(6).toString('hex')}`,
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)) as Record<
    string,
    string
  >;
}

export function getAuthorize(http: App, params: Record<string, string>, cookie?: string) {
  const call = request(http).get(`/oauth/authorize?${new URLSearchParams(params).toString()}`);
  return cookie ? call.set('Cookie', cookie) : call;
}

/** The `name=value` of the session cookie a response set, to send back as a Cookie header. */
export function sessionCookieOf(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0];
}

export function signIn(http: App, params: Record<string, string>, email: string, password: string) {
  return request(http)
    .post('/oauth/sign-in')
    .type('form')
    .send({ ...params, email, password });
}

/** Signs in and answers the session cookie; fails the test when sign-in did not succeed. */
export async function signedInCookie(
  http: App,
  params: Record<string, string>,
  person: { email: string; password: string },
): Promise<string> {
  const res = await signIn(http, params, person.email, person.password);
  const cookie = sessionCookieOf(res);
  if (res.status !== 303 || !cookie)
    throw new Error(`sign-in failed: ${res.status} ${res.text.slice(0, 300)}`);
  return cookie;
}

/** The hidden fields of the page's form (the request and the CSRF token), decoded. */
export function hiddenFields(html: string): Record<string, string> {
  const decode = (text: string) =>
    text
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)];
  return Object.fromEntries(fields.map((match) => [match[1], decode(match[2])]));
}

/** Posts the consent form as the page made it, with the decision and companies given. */
export function postConsent(
  http: App,
  cookie: string | undefined,
  fields: Record<string, string>,
  choice: { decision?: string; companies?: string[] },
) {
  const form = new URLSearchParams(fields);
  if (choice.decision) form.append('decision', choice.decision);
  for (const company of choice.companies ?? []) form.append('company', company);
  const call = request(http).post('/oauth/consent').type('form');
  return (cookie ? call.set('Cookie', cookie) : call).send(form.toString());
}

/** The parameters of a redirect's Location. */
export function locationParams(res: request.Response): URLSearchParams {
  const location: string = res.headers.location;
  return new URL(location).searchParams;
}

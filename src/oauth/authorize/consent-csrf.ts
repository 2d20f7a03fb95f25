import { createHmac, timingSafeEqual } from 'node:crypto';
import { AUTHORIZE_PARAMS, type AuthorizeParams } from './authorization-request.js';

/**
 * The consent form's CSRF token: an HMAC keyed with the session cookie's secret value over the
 * authorization request the page showed. Another site can neither read the cookie nor our page,
 * so it cannot make one; and a token fits only the request it was made for. Nothing is stored.
 */
export function consentCsrfToken(sessionSecret: string, params: AuthorizeParams): string {
  const hmac = createHmac('sha256', sessionSecret).update('hovedbok consent v1');
  // Length-prefixed, so no two different requests give the same message.
  for (const name of AUTHORIZE_PARAMS) {
    const value = params[name] ?? '';
    hmac.update(`\n${name}:${Buffer.byteLength(value)}:${value}`);
  }
  return hmac.digest('base64url');
}

export function consentCsrfTokenMatches(
  presented: string | undefined,
  sessionSecret: string,
  params: AuthorizeParams,
): boolean {
  if (presented === undefined) return false;
  const expected = Buffer.from(consentCsrfToken(sessionSecret, params));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

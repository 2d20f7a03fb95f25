import type { CookieOptions } from 'express';

/** The cookie that keeps a person signed in to the authorization pages. */
export const SESSION_COOKIE = 'hovedbok_session';
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface SessionCookie {
  name: string;
  value: string;
  options: CookieOptions;
}

/**
 * HttpOnly (no script reads it), SameSite=Lax (sent when an app links here, not on another
 * site's form posts), only under /oauth, and Secure whenever the server is reached over HTTPS.
 */
export function sessionCookie(value: string, publicBaseUrl: string): SessionCookie {
  return {
    name: SESSION_COOKIE,
    value,
    options: {
      httpOnly: true,
      sameSite: 'lax',
      path: '/oauth',
      secure: publicBaseUrl.startsWith('https:'),
      maxAge: SESSION_LIFETIME_MS,
    },
  };
}

/** One cookie's value from a Cookie request header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

import type { Response } from 'express';
import { pageCsp } from './pages/layout.js';
import type { SessionCookie } from './session-cookie.js';

/** What an authorization page handler answers: a page of ours, or a redirect. */
export type PageResult =
  | {
      kind: 'page';
      status: number;
      html: string;
      /** Where the page's forms may go (CSP form-action); none for pages without a form. */
      formTargets: string[];
      retryAfterSeconds?: number;
    }
  | { kind: 'redirect'; status: 302 | 303; location: string; cookie?: SessionCookie };

/** The authorization response's redirect: the client's URI (query kept) plus our parameters. */
export function authorizationResponseUrl(
  redirectUri: string,
  fields: Record<string, string | undefined>,
): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) url.searchParams.append(name, value);
  }
  return url.toString();
}

export function sendPageResult(res: Response, result: PageResult): void {
  // Pages hold codes, CSRF tokens and personal data: never cached, never framed.
  res.set('Cache-Control', 'no-store');
  res.set('Pragma', 'no-cache');
  if (result.kind === 'redirect') {
    if (result.cookie) res.cookie(result.cookie.name, result.cookie.value, result.cookie.options);
    res.redirect(result.status, result.location);
    return;
  }
  // Replaces helmet's policy: that one has no form-action for the client and upgrades http.
  res.set('Content-Security-Policy', pageCsp(result.formTargets));
  if (result.retryAfterSeconds !== undefined) res.set('Retry-After', String(result.retryAfterSeconds));
  res.status(result.status).type('text/html; charset=utf-8').send(result.html);
}

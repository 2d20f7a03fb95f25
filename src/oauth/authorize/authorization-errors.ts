import type { OAuthErrorCode } from '../protocol/oauth-error.js';

/**
 * A request the authorization pages must answer with an error page of their own, never a
 * redirect: the client or its redirect_uri is not trustworthy (RFC 6749 §4.1.2.1), or the
 * person's form was not one we made.
 */
export class AuthorizationPageError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'AuthorizationPageError';
  }
}

/** An error the client learns about at its verified redirect_uri (RFC 6749 §4.1.2.1, RFC 9207). */
export class AuthorizationRedirectError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly redirectUri: string,
    readonly state: string | undefined,
  ) {
    super(description);
    this.name = 'AuthorizationRedirectError';
  }
}

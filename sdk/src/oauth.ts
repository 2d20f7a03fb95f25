// OAuth 2 token requests against the Hovedbok authorization server (RFC 6749 §4.1.3, §4.4, §6).
// Plain fetch and URLSearchParams only, so they run unchanged in Node.js 20+ and in browsers.
import type { OAuthErrorDto, TokenResponseDto } from './generated/api.js';

/** `error` of an OAuthError whose body was not an RFC 6749 error (e.g. a proxy's HTML page). */
export const UNEXPECTED_OAUTH_RESPONSE = 'unexpected_response';

export type OAuthErrorCode = OAuthErrorDto['error'] | typeof UNEXPECTED_OAUTH_RESPONSE;

/**
 * Thrown when the token endpoint refuses a request. Switch on `error`: `invalid_grant` means the
 * code or refresh token is no longer usable (the person must authorize again), `invalid_client`
 * means the client id or secret is wrong.
 */
export class OAuthError extends Error {
  readonly error: OAuthErrorCode;
  readonly error_description: string | undefined;
  /** The HTTP status of the response. */
  readonly status: number;

  constructor(status: number, error: OAuthErrorCode, errorDescription: string | undefined) {
    super(`${status} ${error}${errorDescription ? `: ${errorDescription}` : ''}`);
    this.name = 'OAuthError';
    this.status = status;
    this.error = error;
    this.error_description = errorDescription;
  }
}

/** What the token endpoint answered, in the SDK's spelling. */
export interface OAuthTokens {
  /** Send as `Authorization: Bearer …` (or give it to `createClient`). */
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds the access token was valid for when it was issued. */
  expiresIn: number;
  /** When the access token expires, by this machine's clock (measured from the request's start). */
  expiresAt: Date;
  scopes: string[];
  /**
   * For grants a person made. It rotates: every refresh returns a new one and the old one stops
   * working, and using an old one again revokes them all. Store the newest.
   */
  refreshToken?: string;
}

export interface TokenEndpointOptions {
  /** Where the API is, e.g. `https://api.hovedbok.example`. */
  baseUrl: string;
  clientId: string;
  /** Confidential clients only; public clients (browser and mobile apps) have none. */
  clientSecret?: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

/** A server-to-server token for the company that registered the (confidential) client. */
export function requestClientCredentialsToken(
  options: TokenEndpointOptions & { clientSecret: string; scopes?: string[] },
): Promise<OAuthTokens> {
  return requestTokens(options, { grant_type: 'client_credentials', ...scopeParam(options.scopes) });
}

/** Exchanges the code from the authorization redirect, with the PKCE verifier made for it. */
export function exchangeAuthorizationCode(
  options: TokenEndpointOptions & { code: string; redirectUri: string; codeVerifier: string },
): Promise<OAuthTokens> {
  return requestTokens(options, {
    grant_type: 'authorization_code',
    code: options.code,
    redirect_uri: options.redirectUri,
    code_verifier: options.codeVerifier,
  });
}

/**
 * New tokens for a refresh token. The answer carries a new refresh token: keep it and drop the
 * old one. `scopes` may narrow the new access token, never widen it.
 */
export function refreshAccessToken(
  options: TokenEndpointOptions & { refreshToken: string; scopes?: string[] },
): Promise<OAuthTokens> {
  return requestTokens(options, {
    grant_type: 'refresh_token',
    refresh_token: options.refreshToken,
    ...scopeParam(options.scopes),
  });
}

/** The URL to send the person to for the authorization-code flow (with PKCE S256). */
export function createAuthorizationUrl(options: {
  baseUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  /** An unguessable value you check when the person comes back (CSRF protection). */
  state: string;
  codeChallenge: string;
}): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: options.scopes.join(' '),
    state: options.state,
    code_challenge: options.codeChallenge,
    code_challenge_method: 'S256',
  });
  return `${endpoint(options.baseUrl, 'authorize')}?${query.toString()}`;
}

// Appended like the API's paths, so a base URL with a path prefix keeps it.
function endpoint(baseUrl: string, name: 'authorize' | 'token'): string {
  return `${baseUrl.replace(/\/+$/, '')}/oauth/${name}`;
}

function scopeParam(scopes: string[] | undefined): { scope?: string } {
  return scopes === undefined ? {} : { scope: scopes.join(' ') };
}

// RFC 6749 §2.3.1: id and secret are form-encoded, then joined and base64-encoded.
function basicCredentials(clientId: string, clientSecret: string): string {
  return `Basic ${btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`)}`;
}

async function requestTokens(
  options: TokenEndpointOptions,
  form: Record<string, string>,
): Promise<OAuthTokens> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  const body = new URLSearchParams(form);
  if (options.clientSecret !== undefined) {
    headers.Authorization = basicCredentials(options.clientId, options.clientSecret);
  } else {
    body.set('client_id', options.clientId);
  }
  const startedAt = Date.now();
  const response = await (options.fetch ?? fetch)(endpoint(options.baseUrl, 'token'), {
    method: 'POST',
    headers,
    body,
  });
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toOAuthError(response.status, payload);
  if (!isTokenResponse(payload)) {
    throw new OAuthError(response.status, UNEXPECTED_OAUTH_RESPONSE, 'The token response is malformed.');
  }
  return toTokens(payload, startedAt);
}

function toOAuthError(status: number, payload: unknown): OAuthError {
  const { error, error_description } = (payload ?? {}) as Partial<Record<string, unknown>>;
  if (typeof error !== 'string') {
    return new OAuthError(status, UNEXPECTED_OAUTH_RESPONSE, `Unexpected response with status ${status}.`);
  }
  const description = typeof error_description === 'string' ? error_description : undefined;
  return new OAuthError(status, error as OAuthErrorCode, description);
}

function isTokenResponse(payload: unknown): payload is TokenResponseDto {
  if (typeof payload !== 'object' || payload === null) return false;
  const { access_token, expires_in, refresh_token } = payload as Record<string, unknown>;
  return (
    typeof access_token === 'string' &&
    typeof expires_in === 'number' &&
    (refresh_token === undefined || typeof refresh_token === 'string')
  );
}

function toTokens(payload: TokenResponseDto, startedAt: number): OAuthTokens {
  return {
    accessToken: payload.access_token,
    tokenType: 'Bearer',
    expiresIn: payload.expires_in,
    expiresAt: new Date(startedAt + payload.expires_in * 1000),
    scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
    ...(payload.refresh_token === undefined ? {} : { refreshToken: payload.refresh_token }),
  };
}

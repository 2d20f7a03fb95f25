import { isScope, type Scope } from '../../common/index.js';
import type { OAuthClient } from '../entities/oauth-client.entity.js';
import type { OAuthErrorCode } from '../protocol/oauth-error.js';
import { AuthorizationPageError, AuthorizationRedirectError } from './authorization-errors.js';

/** The parameters of an authorization request, carried unchanged through the sign-in and consent forms. */
export const AUTHORIZE_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;
export type AuthorizeParamName = (typeof AUTHORIZE_PARAMS)[number];
export type AuthorizeParams = Partial<Record<AuthorizeParamName, string>>;

export interface ReceivedParams {
  params: AuthorizeParams;
  /** Sent more than once, which RFC 6749 §3.1 forbids. */
  repeated: ReadonlySet<AuthorizeParamName>;
}

/** A checked authorization request: the client may use this redirect URI, PKCE and these scopes. */
export interface AuthorizationRequest {
  client: OAuthClient;
  redirectUri: string;
  scopes: Scope[];
  state: string | undefined;
  codeChallenge: string;
  params: AuthorizeParams;
}

// RFC 7636 §4.2: an S256 challenge is base64url without padding.
const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43,128}$/;

/** Picks the authorization parameters out of a query or form body; other fields are ignored. */
export function receiveParams(source: unknown): ReceivedParams {
  const fields = typeof source === 'object' && source !== null ? (source as Record<string, unknown>) : {};
  const params: AuthorizeParams = {};
  const repeated = new Set<AuthorizeParamName>();
  for (const name of AUTHORIZE_PARAMS) {
    const value = fields[name];
    if (typeof value === 'string') {
      if (value !== '') params[name] = value;
    } else if (value !== undefined) {
      repeated.add(name);
    }
  }
  return { params, repeated };
}

/** The client_id to look up; without one there is nobody to send an error to. */
export function requestedClientId({ params, repeated }: ReceivedParams): string {
  if (repeated.has('client_id') || params.client_id === undefined) {
    throw new AuthorizationPageError(
      400,
      'The sign-in link is not valid',
      'client_id is missing or repeated.',
    );
  }
  return params.client_id;
}

/**
 * Checks a request against its client. Until the client and redirect URI are verified, an error
 * is a page of ours; after that, it goes back to the client's redirect URI.
 */
export function checkAuthorizationRequest(
  received: ReceivedParams,
  client: OAuthClient | null,
): AuthorizationRequest {
  const redirectUri = verifiedRedirectUri(received, client);
  const { params, repeated } = received;
  const state = repeated.has('state') ? undefined : params.state;
  const fail = (error: OAuthErrorCode, description: string) =>
    new AuthorizationRedirectError(error, description, redirectUri, state);
  if (repeated.size > 0)
    throw fail('invalid_request', `Send each parameter once: ${[...repeated].join(', ')}.`);
  if (params.response_type === undefined) throw fail('invalid_request', 'response_type is missing.');
  if (params.response_type !== 'code') {
    throw fail('unsupported_response_type', 'Only response_type=code is supported.');
  }
  if (params.code_challenge === undefined || params.code_challenge_method !== 'S256') {
    throw fail('invalid_request', 'PKCE is required: send code_challenge with code_challenge_method=S256.');
  }
  if (!CODE_CHALLENGE.test(params.code_challenge)) {
    throw fail('invalid_request', 'code_challenge must be 43 to 128 base64url characters.');
  }
  const scopes = requestedScopes(client!, params.scope);
  if (typeof scopes === 'string') throw fail('invalid_scope', scopes);
  return { client: client!, redirectUri, scopes, state, codeChallenge: params.code_challenge, params };
}

function verifiedRedirectUri({ params, repeated }: ReceivedParams, client: OAuthClient | null): string {
  if (!client) {
    throw new AuthorizationPageError(
      400,
      'Unknown app',
      'No active app has this client_id. The app may have been removed; contact its developer.',
    );
  }
  const redirectUri = params.redirect_uri;
  // Compared character for character (RFC 9700 §4.1.3): no normalising, no prefix matching.
  if (
    repeated.has('redirect_uri') ||
    redirectUri === undefined ||
    !client.redirectUris.includes(redirectUri)
  ) {
    throw new AuthorizationPageError(
      400,
      'The sign-in link is not valid',
      `redirect_uri is missing or is not one registered for ${client.name}, so we will not send you there.`,
    );
  }
  return redirectUri;
}

// The error description, or the scopes: unknown scopes and scopes beyond the client's are refused.
function requestedScopes(client: OAuthClient, scope: string | undefined): Scope[] | string {
  const requested = [...new Set((scope ?? '').split(' ').filter(Boolean))];
  if (requested.length === 0) return 'scope is missing: name the scopes the app needs.';
  const unknown = requested.filter((name) => !isScope(name));
  if (unknown.length > 0) return `Unknown scope: ${unknown.join(' ')}.`;
  const beyond = requested.filter((name) => !client.scopes.includes(name));
  if (beyond.length > 0) return `This client may not be granted: ${beyond.join(' ')}.`;
  return requested as Scope[];
}

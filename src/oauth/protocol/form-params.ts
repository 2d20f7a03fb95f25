import { OAuthProtocolError } from './oauth-error.js';

/** The form parameters of an OAuth request; a parameter sent twice is an error (RFC 6749 §3.2). */
export function readFormParams(body: unknown): Map<string, string> {
  const params = new Map<string, string>();
  if (body === undefined) return params;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OAuthProtocolError(
      'invalid_request',
      'Send the parameters as application/x-www-form-urlencoded.',
    );
  }
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value !== 'string') {
      throw new OAuthProtocolError('invalid_request', `The parameter ${name} must be sent once.`);
    }
    if (value !== '') params.set(name, value);
  }
  return params;
}

export function requireParam(params: Map<string, string>, name: string): string {
  const value = params.get(name);
  if (value === undefined)
    throw new OAuthProtocolError('invalid_request', `The parameter ${name} is missing.`);
  return value;
}

export interface PresentedClient {
  clientId: string;
  secret?: string;
  /** How the client authenticated; a 401 answer names Basic when it tried Basic. */
  method: 'client_secret_basic' | 'client_secret_post' | 'none';
}

/**
 * The client's credentials: HTTP Basic (id and secret form-urlencoded inside, RFC 6749 §2.3.1)
 * or `client_id` / `client_secret` in the body; never both.
 */
export function presentedClient(
  authorization: string | undefined,
  params: Map<string, string>,
): PresentedClient {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (basic) {
    if (params.has('client_secret')) {
      throw new OAuthProtocolError(
        'invalid_request',
        'Authenticate the client one way only, not Basic and client_secret.',
      );
    }
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new OAuthProtocolError('invalid_client', 'The Basic credentials are malformed.');
    const clientId = decodeURIComponent(decoded.slice(0, colon).replaceAll('+', ' '));
    const secret = decodeURIComponent(decoded.slice(colon + 1).replaceAll('+', ' '));
    const bodyClientId = params.get('client_id');
    if (bodyClientId !== undefined && bodyClientId !== clientId) {
      throw new OAuthProtocolError(
        'invalid_request',
        'client_id differs from the client in the Authorization header.',
      );
    }
    return { clientId, secret, method: 'client_secret_basic' };
  }
  const clientId = requireParam(params, 'client_id');
  const secret = params.get('client_secret');
  return secret === undefined
    ? { clientId, method: 'none' }
    : { clientId, secret, method: 'client_secret_post' };
}

/** Error codes of RFC 6749 §5.2 and §4.1.2.1. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'unsupported_token_type'
  | 'server_error';

/**
 * An error of the OAuth protocol endpoints, answered in the RFC 6749 shape
 * (`{ error, error_description }`) that OAuth client libraries expect, not as a problem.
 */
export class OAuthProtocolError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly status = error === 'invalid_client' ? 401 : 400,
  ) {
    super(description);
    this.name = 'OAuthProtocolError';
  }
}

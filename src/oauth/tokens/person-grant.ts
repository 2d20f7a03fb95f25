import type { Scope } from '../../common/index.js';
import type { OAuthProtocolError } from '../protocol/oauth-error.js';

/** What a person granted a client: the companies and scopes its tokens carry. */
export interface PersonGrant {
  userId: string;
  clientId: string;
  companyIds: string[];
  scopes: Scope[];
}

/**
 * The result of redeeming a code or refresh token inside its transaction. A rejection is
 * returned, not thrown, so that what the transaction did before it (revoking a replayed
 * token's family) commits; the caller throws it afterwards.
 */
export type Redemption =
  | { rejected: false; grant: PersonGrant; refreshToken: string; accessScopes: Scope[] }
  | { rejected: true; error: OAuthProtocolError };

export function rejection(error: OAuthProtocolError): Redemption {
  return { rejected: true, error };
}

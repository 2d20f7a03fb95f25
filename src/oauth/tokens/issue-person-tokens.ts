import type { AccessTokensService } from './access-tokens.service.js';
import type { Redemption } from './person-grant.js';
import type { TokenResponse } from './token-response.js';

/**
 * The answer to a successful code or refresh-token redemption: a new access token (for the
 * scopes asked for now) and the new refresh token. Signed after the transaction has
 * committed, so no database connection is held while the key is fetched.
 */
export async function issuePersonTokens(
  accessTokens: AccessTokensService,
  redemption: Extract<Redemption, { rejected: false }>,
): Promise<TokenResponse> {
  const { grant, accessScopes, refreshToken } = redemption;
  const issued = await accessTokens.issue({ ...grant, scopes: accessScopes });
  return {
    access_token: issued.token,
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    scope: accessScopes.join(' '),
    refresh_token: refreshToken,
  };
}

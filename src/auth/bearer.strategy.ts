import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { looksLikeApiKey, presentApiKey, type PresentedApiKey } from '../api-keys/index.js';
import { AccessTokensService, type VerifiedAccessToken } from '../oauth/index.js';
import { AuthorizationHeaderStrategy } from './authorization-header.strategy.js';

export const BEARER_STRATEGY = 'hovedbok-bearer';

/**
 * A bearer credential as far as it can be checked without the database: an OAuth access token
 * whose signature and claims verify, or a well-formed API key. AdmissionService checks the
 * rest (revocation, the key itself) in its one statement per request.
 */
export type BearerCredentials =
  { kind: 'access_token'; grant: VerifiedAccessToken } | { kind: 'api_key'; key: PresentedApiKey };

/**
 * Reads the bearer credential. API keys (`hb_live_...`, `hb_test_...`) and OAuth access tokens
 * share the header; the prefix says which applies. An invalid one of either kind fails with
 * INVALID_TOKEN.
 */
@Injectable()
export class BearerStrategy extends PassportStrategy(AuthorizationHeaderStrategy, BEARER_STRATEGY) {
  constructor(private readonly accessTokens: AccessTokensService) {
    super();
  }

  async validate(token: string): Promise<BearerCredentials> {
    if (looksLikeApiKey(token)) return { kind: 'api_key', key: presentApiKey(token) };
    return { kind: 'access_token', grant: await this.accessTokens.verifyClaims(token) };
  }
}

import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ApiKeysService, looksLikeApiKey, type VerifiedApiKey } from '../api-keys/index.js';
import { AccessTokensService, type VerifiedAccessToken } from '../oauth/index.js';
import { AuthorizationHeaderStrategy } from './authorization-header.strategy.js';

export const BEARER_STRATEGY = 'hovedbok-bearer';

/** What a valid bearer credential grants: an OAuth access token's grant, or an API key's. */
export type BearerCredentials = VerifiedAccessToken | VerifiedApiKey;

/**
 * Turns the bearer credential into the grant it carries. API keys (`hb_live_...`,
 * `hb_test_...`) and OAuth access tokens share the header; the prefix says which verifier
 * applies. An invalid one of either kind fails with INVALID_TOKEN.
 */
@Injectable()
export class BearerStrategy extends PassportStrategy(AuthorizationHeaderStrategy, BEARER_STRATEGY) {
  constructor(
    private readonly accessTokens: AccessTokensService,
    private readonly apiKeys: ApiKeysService,
  ) {
    super();
  }

  validate(token: string): Promise<BearerCredentials> {
    return looksLikeApiKey(token) ? this.apiKeys.verify(token) : this.accessTokens.verify(token);
  }
}

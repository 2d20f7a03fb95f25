import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AccessTokensService, type VerifiedAccessToken } from '../oauth/index.js';
import { AuthorizationHeaderStrategy } from './authorization-header.strategy.js';

export const BEARER_STRATEGY = 'hovedbok-bearer';

/** Turns the bearer token into the grant it carries; an invalid token fails with INVALID_TOKEN. */
@Injectable()
export class BearerStrategy extends PassportStrategy(AuthorizationHeaderStrategy, BEARER_STRATEGY) {
  constructor(private readonly accessTokens: AccessTokensService) {
    super();
  }

  validate(token: string): Promise<VerifiedAccessToken> {
    return this.accessTokens.verify(token);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isScope, LOGGER, type Logger, type Scope } from '../../../common/index.js';
import { Database } from '../../../database/index.js';
import type { OAuthClient } from '../../entities/oauth-client.entity.js';
import type { RefreshToken } from '../../entities/refresh-token.entity.js';
import { requireParam } from '../../protocol/form-params.js';
import { OAuthProtocolError } from '../../protocol/oauth-error.js';
import { AccessTokensService } from '../access-tokens.service.js';
import { companiesStillJoined } from '../current-memberships.js';
import { issuePersonTokens } from '../issue-person-tokens.js';
import { rejection, type PersonGrant, type Redemption } from '../person-grant.js';
import { RefreshTokensRepository } from '../refresh-tokens.repository.js';
import { parseScopeParam } from '../scope-param.js';
import type { TokenResponse } from '../token-response.js';

const invalidGrant = (description: string) => new OAuthProtocolError('invalid_grant', description);
const UNUSABLE = 'The refresh token is unknown, expired or revoked.';

/**
 * `grant_type=refresh_token` with rotation (RFC 9700 §4.14.2): each token is used once and
 * replaced by a new one of the same family with a full lifetime; presenting a used one again
 * means it leaked, so the whole family is revoked.
 */
@Injectable()
export class RefreshAccessToken {
  constructor(
    private readonly db: Database,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly accessTokens: AccessTokensService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(client: OAuthClient, params: Map<string, string>): Promise<TokenResponse> {
    const token = requireParam(params, 'refresh_token');
    const requested = parseScopeParam(params.get('scope'));
    // The person, so that the redeeming transaction can see their memberships; the row is read
    // again, locked, in there.
    const found = await this.db.transaction({}, (tx) => this.refreshTokens.find(tx, token));
    if (!found) throw invalidGrant(UNUSABLE);
    const redemption = await this.db.transaction({ userId: found.userId }, (tx) =>
      this.redeem(tx, client, token, requested),
    );
    if (redemption.rejected) throw redemption.error;
    return issuePersonTokens(this.accessTokens, redemption);
  }

  private async redeem(
    tx: EntityManager,
    client: OAuthClient,
    token: string,
    requested: Scope[] | undefined,
  ): Promise<Redemption> {
    // FOR UPDATE: of two concurrent refreshes with one token, the second waits, then sees it
    // rotated and is treated as reuse.
    const row = await this.refreshTokens.findForUpdate(tx, token);
    if (!row || row.revokedAt) return rejection(invalidGrant(UNUSABLE));
    if (row.clientId !== client.clientId) {
      return rejection(invalidGrant('The refresh token was issued to another client.'));
    }
    if (row.rotatedAt) return this.reused(tx, row);
    const scopes = row.scopes.filter(isScope);
    const beyond = (requested ?? []).filter((scope) => !scopes.includes(scope));
    if (beyond.length > 0) {
      const description = `The refresh token does not grant: ${beyond.join(' ')}.`;
      return rejection(new OAuthProtocolError('invalid_scope', description));
    }
    const companyIds = await companiesStillJoined(tx, row.userId, row.companyIds);
    if (companyIds.length === 0) {
      await this.refreshTokens.revokeFamily(tx, row.familyId);
      return rejection(invalidGrant('The person no longer has access to any company granted.'));
    }
    const grant: PersonGrant = { userId: row.userId, clientId: row.clientId, companyIds, scopes };
    await this.refreshTokens.markRotated(tx, row.id);
    // RFC 6749 §6: the new refresh token keeps the full scope; only the access token narrows.
    const refreshToken = await this.refreshTokens.create(tx, row.familyId, grant);
    return { rejected: false, grant, refreshToken, accessScopes: requested ?? scopes };
  }

  private async reused(tx: EntityManager, row: RefreshToken): Promise<Redemption> {
    await this.refreshTokens.revokeFamily(tx, row.familyId);
    // The family and client identify the grant; the token itself is never logged.
    this.logger.warn(
      { familyId: row.familyId, clientId: row.clientId },
      'rotated refresh token presented again: the whole family is revoked',
    );
    return rejection(invalidGrant('The refresh token has been used already; its family is revoked.'));
  }
}

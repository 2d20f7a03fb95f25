import { Inject, Injectable } from '@nestjs/common';
import { MoreThan, type EntityManager } from 'typeorm';
import { hashSecret, isScope, LOGGER, newId, type Logger } from '../../../common/index.js';
import { Database } from '../../../database/index.js';
import { AuthorizationCode } from '../../entities/authorization-code.entity.js';
import type { OAuthClient } from '../../entities/oauth-client.entity.js';
import { requireParam } from '../../protocol/form-params.js';
import { OAuthProtocolError } from '../../protocol/oauth-error.js';
import { AccessTokensService } from '../access-tokens.service.js';
import { companiesStillJoined } from '../current-memberships.js';
import { issuePersonTokens } from '../issue-person-tokens.js';
import { rejection, type PersonGrant, type Redemption } from '../person-grant.js';
import { verifierMatchesChallenge } from '../pkce.js';
import { RefreshTokensRepository } from '../refresh-tokens.repository.js';
import type { TokenResponse } from '../token-response.js';

interface PresentedCode {
  code: string;
  redirectUri: string | undefined;
  codeVerifier: string | undefined;
}

const unexpired = (code: string) => ({ codeHash: hashSecret(code), expiresAt: MoreThan(new Date()) });
const invalidGrant = (description: string) => new OAuthProtocolError('invalid_grant', description);

/**
 * `grant_type=authorization_code` (OAuth 2.1 §4.1.3, RFC 9700): the code is redeemed once, by
 * the client it was issued to, with the same redirect_uri and the PKCE verifier of its S256
 * challenge. Redeeming starts a new refresh-token family.
 */
@Injectable()
export class ExchangeAuthorizationCode {
  constructor(
    private readonly db: Database,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly accessTokens: AccessTokensService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(client: OAuthClient, params: Map<string, string>): Promise<TokenResponse> {
    const presented: PresentedCode = {
      code: requireParam(params, 'code'),
      redirectUri: params.get('redirect_uri'),
      codeVerifier: params.get('code_verifier'),
    };
    const userId = await this.codeOwner(presented.code);
    if (!userId) throw invalidGrant('The authorization code is unknown or has expired.');
    const redemption = await this.db.transaction({ userId }, (tx) => this.redeem(tx, client, presented));
    if (redemption.rejected) throw redemption.error;
    return issuePersonTokens(this.accessTokens, redemption);
  }

  // The person the code is for, so that the redeeming transaction can name them: memberships
  // are visible only to a transaction naming their person. Read again, locked, in there.
  private async codeOwner(code: string): Promise<string | undefined> {
    const row = await this.db.transaction({}, (tx) =>
      tx.getRepository(AuthorizationCode).findOneBy(unexpired(code)),
    );
    return row?.userId;
  }

  private async redeem(
    tx: EntityManager,
    client: OAuthClient,
    presented: PresentedCode,
  ): Promise<Redemption> {
    // FOR UPDATE: of two concurrent redemptions, the second waits and then sees the code consumed.
    const code = await tx
      .getRepository(AuthorizationCode)
      .findOne({ where: unexpired(presented.code), lock: { mode: 'pessimistic_write' } });
    if (!code) return rejection(invalidGrant('The authorization code is unknown or has expired.'));
    if (code.consumedAt) return this.replayed(tx, code);
    const mismatch = bindingMismatch(client, code, presented);
    if (mismatch) return rejection(invalidGrant(mismatch));
    const companyIds = await companiesStillJoined(tx, code.userId, code.companyIds);
    if (companyIds.length === 0) {
      return rejection(invalidGrant('The person no longer has access to any company granted.'));
    }
    const grant: PersonGrant = {
      userId: code.userId,
      clientId: code.clientId,
      companyIds,
      scopes: code.scopes.filter(isScope),
    };
    const familyId = newId();
    const refreshToken = await this.refreshTokens.create(tx, familyId, grant);
    await tx
      .getRepository(AuthorizationCode)
      .update({ codeHash: code.codeHash }, { consumedAt: new Date(), familyId });
    return { rejected: false, grant, refreshToken, accessScopes: grant.scopes };
  }

  // RFC 9700 §4.2.4: a code presented twice may have been stolen, so what it issued is revoked.
  private async replayed(tx: EntityManager, code: AuthorizationCode): Promise<Redemption> {
    if (code.familyId) await this.refreshTokens.revokeFamily(tx, code.familyId);
    this.logger.warn(
      { clientId: code.clientId, familyId: code.familyId },
      'authorization code presented again: the refresh-token family it started is revoked',
    );
    return rejection(invalidGrant('The authorization code has been used already.'));
  }
}

// What the code is bound to (RFC 6749 §4.1.3, RFC 7636 §4.6); undefined when all match.
function bindingMismatch(
  client: OAuthClient,
  code: AuthorizationCode,
  presented: PresentedCode,
): string | undefined {
  if (code.clientId !== client.clientId) return 'The authorization code was issued to another client.';
  if (presented.redirectUri === undefined) return 'redirect_uri is missing.';
  if (presented.redirectUri !== code.redirectUri) {
    return 'redirect_uri differs from the one in the authorization request.';
  }
  if (presented.codeVerifier === undefined) return 'code_verifier is missing: PKCE is required.';
  if (!verifierMatchesChallenge(presented.codeVerifier, code.codeChallenge)) {
    return 'code_verifier does not match the code_challenge.';
  }
  return undefined;
}

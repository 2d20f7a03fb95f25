import { Injectable } from '@nestjs/common';
import { InvalidTokenError } from '../../common/index.js';
import { Database } from '../../database/index.js';
import { OAuthClientsService } from '../clients/oauth-clients.service.js';
import type { OAuthClient } from '../entities/oauth-client.entity.js';
import { OAuthProtocolError } from '../protocol/oauth-error.js';
import { presentedClient, readFormParams, requireParam } from '../protocol/form-params.js';
import { AccessTokensService, type VerifiedAccessToken } from './access-tokens.service.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

export interface IntrospectionResponse {
  active: boolean;
  scope?: string;
  client_id?: string;
  sub?: string;
  companies?: string[];
  exp?: number;
  iss?: string;
  aud?: string;
  token_type?: 'Bearer' | 'refresh_token';
}

type TokenKind = 'access_token' | 'refresh_token';

// A hint only orders the lookups (RFC 7009 §2.1, RFC 7662 §2.1): a wrong or unknown hint still
// finds the token.
function lookupOrder(hint: string | undefined): TokenKind[] {
  return hint === 'refresh_token' ? ['refresh_token', 'access_token'] : ['access_token', 'refresh_token'];
}

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Revocation (RFC 7009) and introspection (RFC 7662) of access and refresh tokens, each for
 * the calling client's own tokens only: another client's token is as good as unknown.
 */
@Injectable()
export class TokenIntrospectionService {
  constructor(
    private readonly clients: OAuthClientsService,
    private readonly accessTokens: AccessTokensService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly db: Database,
  ) {}

  async introspect(body: unknown, authorization: string | undefined): Promise<IntrospectionResponse> {
    const params = readFormParams(body);
    const client = await this.authenticatedClient(authorization, params);
    if (client.type !== 'confidential') {
      throw new OAuthProtocolError('invalid_client', 'Only confidential clients may introspect tokens.');
    }
    const token = requireParam(params, 'token');
    for (const kind of lookupOrder(params.get('token_type_hint'))) {
      const described =
        kind === 'access_token'
          ? await this.describeAccessToken(client, token)
          : await this.describeRefreshToken(client, token);
      if (described) return described;
    }
    return { active: false };
  }

  // Answers 200 whether or not the token was valid (RFC 7009 §2.2): nothing to learn by probing.
  async revoke(body: unknown, authorization: string | undefined): Promise<void> {
    const params = readFormParams(body);
    const client = await this.authenticatedClient(authorization, params);
    const token = requireParam(params, 'token');
    for (const kind of lookupOrder(params.get('token_type_hint'))) {
      const revoked =
        kind === 'access_token'
          ? await this.revokeAccessToken(client, token)
          : await this.revokeRefreshFamily(client, token);
      if (revoked) return;
    }
  }

  private async authenticatedClient(authorization: string | undefined, params: Map<string, string>) {
    const presented = presentedClient(authorization, params);
    const client = await this.clients.authenticate(presented.clientId, presented.secret);
    if (!client)
      throw new OAuthProtocolError('invalid_client', 'Unknown client, wrong secret, or a revoked client.');
    return client;
  }

  private async describeAccessToken(
    client: OAuthClient,
    token: string,
  ): Promise<IntrospectionResponse | undefined> {
    const verified = await this.ownAccessToken(client, token);
    if (!verified) return undefined;
    return {
      active: true,
      scope: verified.scopes.join(' '),
      client_id: verified.clientId,
      sub: verified.userId ?? verified.clientId,
      companies: verified.companyIds,
      exp: epochSeconds(verified.expiresAt),
      iss: this.accessTokens.issuer,
      aud: this.accessTokens.audience,
      token_type: 'Bearer',
    };
  }

  // Active: unexpired, neither used (rotated) nor revoked, and the caller's own.
  private async describeRefreshToken(
    client: OAuthClient,
    token: string,
  ): Promise<IntrospectionResponse | undefined> {
    const row = await this.db.transaction({}, (tx) => this.refreshTokens.find(tx, token));
    if (!row || row.clientId !== client.clientId || row.rotatedAt || row.revokedAt) return undefined;
    return {
      active: true,
      scope: row.scopes.join(' '),
      client_id: row.clientId,
      sub: row.userId,
      companies: row.companyIds,
      exp: epochSeconds(row.expiresAt),
      iss: this.accessTokens.issuer,
      token_type: 'refresh_token',
    };
  }

  private async revokeAccessToken(client: OAuthClient, token: string): Promise<boolean> {
    const verified = await this.ownAccessToken(client, token);
    if (verified) await this.accessTokens.revoke(verified.jti, verified.expiresAt);
    return verified !== undefined;
  }

  // Revoking a refresh token ends the grant: every token of its family goes (RFC 7009 §2.1).
  private revokeRefreshFamily(client: OAuthClient, token: string): Promise<boolean> {
    return this.db.transaction({}, async (tx) => {
      const row = await this.refreshTokens.find(tx, token);
      if (!row || row.clientId !== client.clientId) return false;
      await this.refreshTokens.revokeFamily(tx, row.familyId);
      return true;
    });
  }

  private async ownAccessToken(client: OAuthClient, token: string): Promise<VerifiedAccessToken | undefined> {
    try {
      const verified = await this.accessTokens.verify(token);
      return verified.clientId === client.clientId ? verified : undefined;
    } catch (error) {
      if (error instanceof InvalidTokenError) return undefined;
      throw error;
    }
  }
}

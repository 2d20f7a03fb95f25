import { Injectable } from '@nestjs/common';
import { InvalidTokenError } from '../../common/index.js';
import { OAuthClientsService } from '../clients/oauth-clients.service.js';
import type { OAuthClient } from '../entities/oauth-client.entity.js';
import { OAuthProtocolError } from '../protocol/oauth-error.js';
import { presentedClient, readFormParams, requireParam } from '../protocol/form-params.js';
import { AccessTokensService, type VerifiedAccessToken } from './access-tokens.service.js';

export interface IntrospectionResponse {
  active: boolean;
  scope?: string;
  client_id?: string;
  sub?: string;
  companies?: string[];
  exp?: number;
  iss?: string;
  aud?: string;
  token_type?: 'Bearer';
}

/** Revocation (RFC 7009) and introspection (RFC 7662), each for the calling client's own tokens. */
@Injectable()
export class TokenIntrospectionService {
  constructor(
    private readonly clients: OAuthClientsService,
    private readonly accessTokens: AccessTokensService,
  ) {}

  async introspect(body: unknown, authorization: string | undefined): Promise<IntrospectionResponse> {
    const params = readFormParams(body);
    const client = await this.authenticatedClient(authorization, params);
    if (client.type !== 'confidential') {
      throw new OAuthProtocolError('invalid_client', 'Only confidential clients may introspect tokens.');
    }
    const token = await this.ownAccessToken(client, requireParam(params, 'token'));
    if (!token) return { active: false };
    return {
      active: true,
      scope: token.scopes.join(' '),
      client_id: token.clientId,
      sub: token.userId ?? token.clientId,
      companies: token.companyIds,
      exp: Math.floor(token.expiresAt.getTime() / 1000),
      iss: this.accessTokens.issuer,
      aud: this.accessTokens.audience,
      token_type: 'Bearer',
    };
  }

  // Answers 200 whether or not the token was valid (RFC 7009 §2.2): nothing to learn by probing.
  async revoke(body: unknown, authorization: string | undefined): Promise<void> {
    const params = readFormParams(body);
    const client = await this.authenticatedClient(authorization, params);
    const token = await this.ownAccessToken(client, requireParam(params, 'token'));
    if (token) await this.accessTokens.revoke(token.jti, token.expiresAt);
  }

  private async authenticatedClient(authorization: string | undefined, params: Map<string, string>) {
    const presented = presentedClient(authorization, params);
    const client = await this.clients.authenticate(presented.clientId, presented.secret);
    if (!client)
      throw new OAuthProtocolError('invalid_client', 'Unknown client, wrong secret, or a revoked client.');
    return client;
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

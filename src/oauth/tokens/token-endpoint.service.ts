import { Injectable } from '@nestjs/common';
import { isScope, type Scope } from '../../common/index.js';
import { OAuthClientsService } from '../clients/oauth-clients.service.js';
import type { OAuthClient } from '../entities/oauth-client.entity.js';
import { OAuthProtocolError } from '../protocol/oauth-error.js';
import { presentedClient, readFormParams, requireParam } from '../protocol/form-params.js';
import { AccessTokensService } from './access-tokens.service.js';
import { parseScopeParam } from './scope-param.js';
import type { TokenResponse } from './token-response.js';
import { ExchangeAuthorizationCode } from './use-cases/exchange-authorization-code.js';
import { RefreshAccessToken } from './use-cases/refresh-access-token.js';

export type { TokenResponse } from './token-response.js';
export { parseScopeParam } from './scope-param.js';

export const SUPPORTED_GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'] as const;

/** The token endpoint (RFC 6749 §3.2): authenticates the client, then applies the grant. */
@Injectable()
export class TokenEndpointService {
  constructor(
    private readonly clients: OAuthClientsService,
    private readonly accessTokens: AccessTokensService,
    private readonly authorizationCodes: ExchangeAuthorizationCode,
    private readonly refreshTokens: RefreshAccessToken,
  ) {}

  async token(body: unknown, authorization: string | undefined): Promise<TokenResponse> {
    const params = readFormParams(body);
    const grantType = requireParam(params, 'grant_type');
    const presented = presentedClient(authorization, params);
    const client = await this.clients.authenticate(presented.clientId, presented.secret);
    if (!client) {
      throw new OAuthProtocolError('invalid_client', 'Unknown client, wrong secret, or a revoked client.');
    }
    switch (grantType) {
      case 'client_credentials':
        return this.clientCredentials(client, params);
      case 'authorization_code':
        return this.authorizationCodes.execute(client, params);
      case 'refresh_token':
        return this.refreshTokens.execute(client, params);
      default:
        throw new OAuthProtocolError(
          'unsupported_grant_type',
          `grant_type ${grantType} is not supported; use one of: ${SUPPORTED_GRANT_TYPES.join(', ')}.`,
        );
    }
  }

  // Server-to-server: the client acts for the company that registered it, within its scopes.
  private async clientCredentials(client: OAuthClient, params: Map<string, string>): Promise<TokenResponse> {
    if (client.type !== 'confidential') {
      throw new OAuthProtocolError('unauthorized_client', 'Public clients cannot use client_credentials.');
    }
    const scopes = this.grantableScopes(client, parseScopeParam(params.get('scope')));
    const issued = await this.accessTokens.issue({
      clientId: client.clientId,
      companyIds: [client.companyId],
      scopes,
    });
    return {
      access_token: issued.token,
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      scope: scopes.join(' '),
    };
  }

  private grantableScopes(client: OAuthClient, requested: Scope[] | undefined): Scope[] {
    const allowed = client.scopes.filter(isScope);
    if (requested === undefined) return allowed;
    const beyond = requested.filter((scope) => !allowed.includes(scope));
    if (beyond.length > 0) {
      throw new OAuthProtocolError('invalid_scope', `This client may not be granted: ${beyond.join(' ')}.`);
    }
    return requested;
  }
}

import { Injectable } from '@nestjs/common';
import { isScope, type Scope } from '../../common/index.js';
import { OAuthClientsService } from '../clients/oauth-clients.service.js';
import type { OAuthClient } from '../entities/oauth-client.entity.js';
import { OAuthProtocolError } from '../protocol/oauth-error.js';
import { presentedClient, readFormParams, requireParam } from '../protocol/form-params.js';
import { AccessTokensService } from './access-tokens.service.js';

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  refresh_token?: string;
}

export const SUPPORTED_GRANT_TYPES = ['client_credentials'] as const;

/** Parses a requested `scope` parameter; unknown scopes are an error, not silently dropped. */
export function parseScopeParam(value: string | undefined): Scope[] | undefined {
  if (value === undefined) return undefined;
  const requested = [...new Set(value.split(' ').filter(Boolean))];
  const unknown = requested.filter((scope) => !isScope(scope));
  if (unknown.length > 0)
    throw new OAuthProtocolError('invalid_scope', `Unknown scope: ${unknown.join(' ')}.`);
  return requested as Scope[];
}

/** The token endpoint (RFC 6749 §3.2): authenticates the client, then applies the grant. */
@Injectable()
export class TokenEndpointService {
  constructor(
    private readonly clients: OAuthClientsService,
    private readonly accessTokens: AccessTokensService,
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

import type { ApiClientResponseDto, RegisteredApiClientResponseDto } from '../dto/api-client.dto.js';
import type { OAuthClient } from '../entities/oauth-client.entity.js';
import type { RegisteredClient } from './oauth-clients.service.js';

export function toApiClientResponse(client: OAuthClient): ApiClientResponseDto {
  return {
    id: client.id,
    clientId: client.clientId,
    name: client.name,
    type: client.type,
    redirectUris: client.redirectUris,
    scopes: client.scopes,
    createdAt: client.createdAt.toISOString(),
    revokedAt: client.revokedAt?.toISOString() ?? null,
  };
}

export function toRegisteredApiClientResponse(registered: RegisteredClient): RegisteredApiClientResponseDto {
  return { ...toApiClientResponse(registered.client), clientSecret: registered.clientSecret };
}

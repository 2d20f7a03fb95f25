import { apiKeyPrefix } from './api-key-format.js';
import type { ApiKey } from './api-key.entity.js';
import type { CreatedApiKey } from './api-keys.service.js';
import type { ApiKeyResponseDto, CreatedApiKeyResponseDto } from './dto/api-key-response.dto.js';

export function toApiKeyResponse(apiKey: ApiKey): ApiKeyResponseDto {
  return {
    id: apiKey.id,
    name: apiKey.name,
    environment: apiKey.environment,
    prefix: apiKeyPrefix(apiKey.environment, apiKey.id),
    scopes: apiKey.scopes,
    createdBy: {
      kind: apiKey.createdByKind,
      userId: apiKey.createdByUserId,
      clientId: apiKey.createdByClientId,
      apiKeyId: apiKey.createdByApiKeyId,
    },
    createdAt: apiKey.createdAt.toISOString(),
    lastUsedAt: apiKey.lastUsedAt?.toISOString() ?? null,
    revokedAt: apiKey.revokedAt?.toISOString() ?? null,
  };
}

export function toCreatedApiKeyResponse(created: CreatedApiKey): CreatedApiKeyResponseDto {
  return { ...toApiKeyResponse(created.apiKey), key: created.key };
}

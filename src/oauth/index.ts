export { OAuthClient, type OAuthClientType } from './entities/oauth-client.entity.js';
export { SigningKey } from './entities/signing-key.entity.js';
export { AuthorizationCode } from './entities/authorization-code.entity.js';
export { RefreshToken } from './entities/refresh-token.entity.js';
export { RevokedAccessToken } from './entities/revoked-access-token.entity.js';
export { SignInSession } from './entities/sign-in-session.entity.js';
export { OAuthModule } from './oauth.module.js';
export {
  ResourceOwnerDirectory,
  type PasswordCheck,
  type GrantableCompany,
  type ResourceOwnerProfile,
} from './authorize/resource-owner-directory.js';
export { OAUTH_PROTOCOL_TAG } from './oauth-server.controller.js';
export {
  AccessTokensService,
  type VerifiedAccessToken,
  type AccessGrant,
} from './tokens/access-tokens.service.js';
export { OAuthClientsService, type RegisteredClient } from './clients/oauth-clients.service.js';
export { toRegisteredApiClientResponse } from './clients/api-client.mapper.js';
export { RegisteredApiClientResponseDto } from './dto/api-client.dto.js';

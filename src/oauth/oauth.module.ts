import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { AUTHORIZATION_PAGES_CONTROLLERS, AUTHORIZATION_PAGES_PROVIDERS } from './authorize/index.js';
import { ApiClientsController } from './clients/api-clients.controller.js';
import { OAuthClientsService } from './clients/oauth-clients.service.js';
import { SigningKeysService } from './keys/signing-keys.service.js';
import { OAuthMetadataService } from './oauth-metadata.service.js';
import { OAuthServerController } from './oauth-server.controller.js';
import { AccessTokensService } from './tokens/access-tokens.service.js';
import { TokenEndpointService } from './tokens/token-endpoint.service.js';
import { TokenIntrospectionService } from './tokens/token-introspection.service.js';
import { RefreshTokensRepository } from './tokens/refresh-tokens.repository.js';
import { ExchangeAuthorizationCode } from './tokens/use-cases/exchange-authorization-code.js';
import { RefreshAccessToken } from './tokens/use-cases/refresh-access-token.js';

@Module({
  imports: [AuditModule],
  controllers: [OAuthServerController, ApiClientsController, ...AUTHORIZATION_PAGES_CONTROLLERS],
  providers: [
    SigningKeysService,
    AccessTokensService,
    OAuthClientsService,
    TokenEndpointService,
    TokenIntrospectionService,
    OAuthMetadataService,
    RefreshTokensRepository,
    ExchangeAuthorizationCode,
    RefreshAccessToken,
    ...AUTHORIZATION_PAGES_PROVIDERS,
  ],
  exports: [AccessTokensService, OAuthClientsService],
})
export class OAuthModule {}

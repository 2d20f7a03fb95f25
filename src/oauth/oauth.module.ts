import { Module } from '@nestjs/common';
import { ApiClientsController } from './clients/api-clients.controller.js';
import { OAuthClientsService } from './clients/oauth-clients.service.js';
import { SigningKeysService } from './keys/signing-keys.service.js';
import { OAuthMetadataService } from './oauth-metadata.service.js';
import { OAuthServerController } from './oauth-server.controller.js';
import { AccessTokensService } from './tokens/access-tokens.service.js';
import { TokenEndpointService } from './tokens/token-endpoint.service.js';
import { TokenIntrospectionService } from './tokens/token-introspection.service.js';

@Module({
  controllers: [OAuthServerController, ApiClientsController],
  providers: [
    SigningKeysService,
    AccessTokensService,
    OAuthClientsService,
    TokenEndpointService,
    TokenIntrospectionService,
    OAuthMetadataService,
  ],
  exports: [AccessTokensService, OAuthClientsService],
})
export class OAuthModule {}

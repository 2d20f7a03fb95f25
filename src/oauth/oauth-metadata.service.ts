import { Inject, Injectable } from '@nestjs/common';
import { ALL_SCOPES } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import type { AuthorizationServerMetadataDto } from './dto/metadata.dto.js';
import { SUPPORTED_GRANT_TYPES } from './tokens/token-endpoint.service.js';

/** RFC 8414 metadata: what OAuth client libraries read to configure themselves. */
@Injectable()
export class OAuthMetadataService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  metadata(): AuthorizationServerMetadataDto {
    const base = this.config.http.publicBaseUrl;
    return {
      issuer: base,
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      jwks_uri: `${base}/oauth/jwks`,
      revocation_endpoint: `${base}/oauth/revoke`,
      introspection_endpoint: `${base}/oauth/introspect`,
      grant_types_supported: [...SUPPORTED_GRANT_TYPES],
      response_types_supported: ['code'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: [...ALL_SCOPES],
      authorization_response_iss_parameter_supported: true,
      service_documentation: `${base}/docs`,
    };
  }
}

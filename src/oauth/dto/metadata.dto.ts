import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class JwksDto {
  @ApiProperty({
    description: 'Public keys (JWK, ES256) that verify access tokens; match a token by its `kid`.',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  keys: object[];
}

export class AuthorizationServerMetadataDto {
  @ApiProperty() issuer: string;
  @ApiProperty() token_endpoint: string;
  @ApiPropertyOptional() authorization_endpoint?: string;
  @ApiProperty() jwks_uri: string;
  @ApiProperty() revocation_endpoint: string;
  @ApiProperty() introspection_endpoint: string;
  @ApiProperty({ type: [String] }) grant_types_supported: string[];
  @ApiProperty({ type: [String] }) response_types_supported: string[];
  @ApiProperty({ type: [String] }) token_endpoint_auth_methods_supported: string[];
  @ApiProperty({ type: [String] }) revocation_endpoint_auth_methods_supported: string[];
  @ApiProperty({ type: [String] }) introspection_endpoint_auth_methods_supported: string[];
  @ApiProperty({ type: [String] }) code_challenge_methods_supported: string[];
  @ApiProperty({ type: [String] }) scopes_supported: string[];
  @ApiProperty() authorization_response_iss_parameter_supported: boolean;
  @ApiProperty() service_documentation: string;
}

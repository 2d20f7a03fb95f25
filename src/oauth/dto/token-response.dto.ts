import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TokenResponseDto {
  @ApiProperty({ description: 'The access token: a JWT (RFC 9068) to send as `Authorization: Bearer`.' })
  access_token: string;

  @ApiProperty({ enum: ['Bearer'] })
  token_type: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires.', example: 900 })
  expires_in: number;

  @ApiProperty({
    description: 'The scopes granted, space-separated.',
    example: 'vouchers:read vouchers:write',
  })
  scope: string;

  @ApiPropertyOptional({
    description:
      'For grants a person made: exchange it for a new pair before it expires. It rotates: use each once.',
  })
  refresh_token?: string;
}

export class OAuthErrorDto {
  @ApiProperty({
    description: 'The RFC 6749 error code.',
    enum: [
      'invalid_request',
      'invalid_client',
      'invalid_grant',
      'unauthorized_client',
      'unsupported_grant_type',
      'invalid_scope',
      'unsupported_token_type',
    ],
  })
  error: string;

  @ApiProperty({ description: 'What was wrong, for the developer.' })
  error_description: string;
}

export class TokenRequestDto {
  @ApiProperty({ enum: ['client_credentials', 'authorization_code', 'refresh_token'] })
  grant_type: string;

  @ApiPropertyOptional({ description: 'Space-separated scopes; default: all the client may have.' })
  scope?: string;

  @ApiPropertyOptional({ description: 'For client_secret_post and public clients; else use HTTP Basic.' })
  client_id?: string;

  @ApiPropertyOptional({ description: 'For client_secret_post; prefer HTTP Basic.' })
  client_secret?: string;

  @ApiPropertyOptional({ description: 'authorization_code: the code from the redirect.' })
  code?: string;

  @ApiPropertyOptional({
    description: 'authorization_code: the same redirect_uri as in the authorization request.',
  })
  redirect_uri?: string;

  @ApiPropertyOptional({
    description: 'authorization_code: the PKCE verifier whose S256 hash was the code_challenge.',
  })
  code_verifier?: string;

  @ApiPropertyOptional({ description: 'refresh_token: the refresh token to exchange.' })
  refresh_token?: string;
}

export class TokenHintRequestDto {
  @ApiProperty({ description: 'The access or refresh token.' })
  token: string;

  @ApiPropertyOptional({ enum: ['access_token', 'refresh_token'] })
  token_type_hint?: string;

  @ApiPropertyOptional()
  client_id?: string;

  @ApiPropertyOptional()
  client_secret?: string;
}

export class IntrospectionResponseDto {
  @ApiProperty({ description: 'Whether the token is valid now and was issued to the calling client.' })
  active: boolean;

  @ApiPropertyOptional()
  scope?: string;

  @ApiPropertyOptional()
  client_id?: string;

  @ApiPropertyOptional({ description: 'The person (user id), or the client for client-credentials tokens.' })
  sub?: string;

  @ApiPropertyOptional({ type: [String], description: 'The companies the token covers.' })
  companies?: string[];

  @ApiPropertyOptional()
  exp?: number;

  @ApiPropertyOptional()
  iss?: string;

  @ApiPropertyOptional()
  aud?: string;

  @ApiPropertyOptional({
    enum: ['Bearer', 'refresh_token'],
    description: '`Bearer` for an access token, `refresh_token` for a refresh token.',
  })
  token_type?: string;
}

import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Post,
  UseFilters,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '../common/index.js';
import { PublicRateLimit } from '../rate-limits/index.js';
import {
  IntrospectionResponseDto,
  OAuthErrorDto,
  TokenHintRequestDto,
  TokenRequestDto,
  TokenResponseDto,
} from './dto/token-response.dto.js';
import { AuthorizationServerMetadataDto, JwksDto } from './dto/metadata.dto.js';
import { SigningKeysService } from './keys/signing-keys.service.js';
import { OAuthMetadataService } from './oauth-metadata.service.js';
import { OAuthErrorFilter } from './protocol/oauth-error.filter.js';
import { TokenEndpointService, type TokenResponse } from './tokens/token-endpoint.service.js';
import {
  TokenIntrospectionService,
  type IntrospectionResponse,
} from './tokens/token-introspection.service.js';

export const OAUTH_PROTOCOL_TAG = 'OAuth 2.0';
const FORM = 'application/x-www-form-urlencoded';
// The protocol endpoints answer their errors in the RFC 6749 shape, not as problems.
const ApiOAuthErrors = () =>
  applyDecorators(
    ApiResponse({ status: 400, type: OAuthErrorDto, description: 'An RFC 6749 error: `error` says which.' }),
    ApiResponse({
      status: 401,
      type: OAuthErrorDto,
      description: '`invalid_client`: the client did not authenticate.',
    }),
  );

/** The authorization server's protocol endpoints, at the origin's root as OAuth clients expect. */
@ApiTags(OAUTH_PROTOCOL_TAG)
@Controller()
@UseFilters(OAuthErrorFilter)
export class OAuthServerController {
  constructor(
    private readonly tokens: TokenEndpointService,
    private readonly introspection: TokenIntrospectionService,
    private readonly keys: SigningKeysService,
    private readonly metadata: OAuthMetadataService,
  ) {}

  @Post('oauth/token')
  @Public()
  @PublicRateLimit()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @ApiOperation({
    operationId: 'requestToken',
    summary: 'Get an access token (client credentials, authorization code with PKCE, or refresh token)',
  })
  @ApiConsumes(FORM)
  @ApiBody({ type: TokenRequestDto })
  @ApiOkResponse({ type: TokenResponseDto, description: 'The tokens.' })
  @ApiOAuthErrors()
  @ApiProblemResponses()
  requestToken(
    @Body() body: unknown,
    @Headers('authorization') authorization?: string,
  ): Promise<TokenResponse> {
    return this.tokens.token(body, authorization);
  }

  @Post('oauth/revoke')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'revokeToken', summary: 'Revoke an access or refresh token (RFC 7009)' })
  @ApiConsumes(FORM)
  @ApiBody({ type: TokenHintRequestDto })
  @ApiOkResponse({
    description: 'Revoked, or it was not a valid token of this client: the answer is the same.',
  })
  @ApiOAuthErrors()
  @ApiProblemResponses()
  async revokeToken(@Body() body: unknown, @Headers('authorization') authorization?: string): Promise<void> {
    await this.introspection.revoke(body, authorization);
  }

  @Post('oauth/introspect')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'introspectToken',
    summary: "Describe one of the calling client's tokens (RFC 7662)",
  })
  @ApiConsumes(FORM)
  @ApiBody({ type: TokenHintRequestDto })
  @ApiOkResponse({
    type: IntrospectionResponseDto,
    description: 'Whether the token is active, and what it grants.',
  })
  @ApiOAuthErrors()
  @ApiProblemResponses()
  introspectToken(
    @Body() body: unknown,
    @Headers('authorization') authorization?: string,
  ): Promise<IntrospectionResponse> {
    return this.introspection.introspect(body, authorization);
  }

  @Get('oauth/jwks')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ operationId: 'getJwks', summary: 'The public keys that verify access tokens (JWKS)' })
  @ApiOkResponse({ type: JwksDto, description: 'The JSON Web Key Set.' })
  // Like every route, it refuses a malformed body.
  @ApiProblemResponses(400)
  getJwks(): Promise<JwksDto> {
    return this.keys.publicJwks();
  }

  @Get('.well-known/oauth-authorization-server')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    operationId: 'getAuthorizationServerMetadata',
    summary: 'OAuth 2 server metadata (RFC 8414)',
  })
  @ApiOkResponse({ type: AuthorizationServerMetadataDto, description: 'Endpoints and capabilities.' })
  // Like every route, it refuses a malformed body.
  @ApiProblemResponses(400)
  getMetadata(): AuthorizationServerMetadataDto {
    return this.metadata.metadata();
  }
}

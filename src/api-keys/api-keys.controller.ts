import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, IdParam, RequireScope, Tenant, type TenantContext } from '../common/index.js';
import { toApiKeyResponse, toCreatedApiKeyResponse } from './api-key.mapper.js';
import { ApiKeysService } from './api-keys.service.js';
import { CreateApiKeyDto } from './dto/create-api-key.dto.js';
import {
  ApiKeyListResponseDto,
  ApiKeyResponseDto,
  CreatedApiKeyResponseDto,
} from './dto/api-key-response.dto.js';

@ApiTags('API keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @RequireScope('api_keys:write')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'createApiKey',
    summary: 'Create an API key limited to chosen scopes',
    description:
      'The key is in the response this once (`hb_live_...`, or `hb_test_...` for a sandbox company); only its ' +
      'hash is kept. Its scopes must be ones the caller has in this company.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyResponseDto, description: 'Created; the key is shown once.' })
  @ApiProblemResponses(400, 401, 403)
  async create(
    @Tenant() tenant: TenantContext,
    @Body() body: CreateApiKeyDto,
  ): Promise<CreatedApiKeyResponseDto> {
    return toCreatedApiKeyResponse(await this.apiKeys.create(tenant, body));
  }

  @Get()
  @RequireScope('api_keys:read')
  @ApiOperation({ operationId: 'listApiKeys', summary: "List the company's API keys (never their secrets)" })
  @ApiOkResponse({ type: ApiKeyListResponseDto, description: 'The keys, oldest first.' })
  @ApiProblemResponses(400, 401, 403)
  async list(@Tenant() tenant: TenantContext): Promise<ApiKeyListResponseDto> {
    return { data: (await this.apiKeys.list(tenant)).map(toApiKeyResponse), nextCursor: null };
  }

  @Get(':id')
  @RequireScope('api_keys:read')
  @ApiOperation({ operationId: 'getApiKey', summary: 'Get one API key (never its secret)' })
  @ApiOkResponse({ type: ApiKeyResponseDto, description: 'The key.' })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<ApiKeyResponseDto> {
    return toApiKeyResponse(await this.apiKeys.get(tenant, id));
  }

  @Post(':id/revoke')
  @HttpCode(HttpStatus.OK)
  @RequireScope('api_keys:write')
  @ApiOperation({ operationId: 'revokeApiKey', summary: 'Revoke an API key: it is refused from now on' })
  @ApiOkResponse({ type: ApiKeyResponseDto, description: 'The revoked key.' })
  @ApiProblemResponses(400, 401, 403, 404)
  async revoke(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<ApiKeyResponseDto> {
    return toApiKeyResponse(await this.apiKeys.revoke(tenant, id));
  }
}

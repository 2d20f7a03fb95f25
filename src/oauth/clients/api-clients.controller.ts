import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblemResponses,
  IdParam,
  RequireScope,
  Tenant,
  type TenantContext,
} from '../../common/index.js';
import {
  ApiClientListResponseDto,
  ApiClientResponseDto,
  RegisterApiClientDto,
  RegisteredApiClientResponseDto,
} from '../dto/api-client.dto.js';
import { toApiClientResponse, toRegisteredApiClientResponse } from './api-client.mapper.js';
import { OAuthClientsService } from './oauth-clients.service.js';

@ApiTags('API clients')
@Controller('api-clients')
export class ApiClientsController {
  constructor(private readonly clients: OAuthClientsService) {}

  @Post()
  @RequireScope('api_clients:write')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ operationId: 'registerApiClient', summary: 'Register an application that calls the API' })
  @ApiCreatedResponse({
    type: RegisteredApiClientResponseDto,
    description: 'Registered; the secret is shown once.',
  })
  @ApiProblemResponses(400, 401, 403)
  async register(
    @Tenant() tenant: TenantContext,
    @Body() body: RegisterApiClientDto,
  ): Promise<RegisteredApiClientResponseDto> {
    return toRegisteredApiClientResponse(await this.clients.register(tenant, body));
  }

  @Get()
  @RequireScope('api_clients:read')
  @ApiOperation({ operationId: 'listApiClients', summary: "List the company's API clients" })
  @ApiOkResponse({ type: ApiClientListResponseDto, description: 'The clients, oldest first.' })
  @ApiProblemResponses(400, 401, 403)
  async list(@Tenant() tenant: TenantContext): Promise<ApiClientListResponseDto> {
    return { data: (await this.clients.list(tenant)).map(toApiClientResponse), nextCursor: null };
  }

  @Get(':id')
  @RequireScope('api_clients:read')
  @ApiOperation({ operationId: 'getApiClient', summary: 'Get one API client' })
  @ApiOkResponse({ type: ApiClientResponseDto, description: 'The client (never its secret).' })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<ApiClientResponseDto> {
    return toApiClientResponse(await this.clients.get(tenant, id));
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @RequireScope('api_clients:write')
  @ApiOperation({ operationId: 'revokeApiClient', summary: 'Revoke an API client: it gets no new tokens' })
  @ApiOkResponse({ type: ApiClientResponseDto, description: 'The revoked client.' })
  @ApiProblemResponses(400, 401, 403, 404)
  async revoke(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<ApiClientResponseDto> {
    return toApiClientResponse(await this.clients.revoke(tenant, id));
  }
}

import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblemResponses,
  IdParam,
  IfMatch,
  RequireScope,
  Tenant,
  type TenantContext,
} from '../../common/index.js';
import { toDimensionResponse, toDimensionValueResponse } from './dimension.mapper.js';
import { DimensionsService } from './dimensions.service.js';
import {
  CreateDimensionDto,
  CreateDimensionValueDto,
  DimensionListResponseDto,
  DimensionResponseDto,
  DimensionValueListResponseDto,
  DimensionValueResponseDto,
  UpdateDimensionDto,
  UpdateDimensionValueDto,
} from './dto/dimension.dto.js';

@ApiTags('Dimensions')
@Controller('dimensions')
export class DimensionsController {
  constructor(private readonly dimensions: DimensionsService) {}

  @Get()
  @RequireScope('dimensions:read')
  @ApiOperation({
    operationId: 'listDimensions',
    summary: 'List dimensions: department, project and free ones',
  })
  @ApiOkResponse({ type: DimensionListResponseDto })
  @ApiProblemResponses(401, 403)
  async list(@Tenant() tenant: TenantContext): Promise<DimensionListResponseDto> {
    return { data: (await this.dimensions.list(tenant)).map(toDimensionResponse), nextCursor: null };
  }

  @Get(':id')
  @RequireScope('dimensions:read')
  @ApiOperation({ operationId: 'getDimension', summary: 'Get one dimension' })
  @ApiOkResponse({ type: DimensionResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<DimensionResponseDto> {
    return toDimensionResponse(await this.dimensions.get(tenant, id));
  }

  @Post()
  @RequireScope('dimensions:write')
  @ApiOperation({
    operationId: 'createDimension',
    summary: 'Add a free dimension (e.g. region, cost bearer)',
  })
  @ApiCreatedResponse({ type: DimensionResponseDto })
  @ApiProblemResponses(400, 401, 403, 409)
  async create(
    @Tenant() tenant: TenantContext,
    @Body() body: CreateDimensionDto,
  ): Promise<DimensionResponseDto> {
    return toDimensionResponse(await this.dimensions.create(tenant, body.name));
  }

  @Patch(':id')
  @RequireScope('dimensions:write')
  @ApiOperation({ operationId: 'updateDimension', summary: 'Rename or deactivate a dimension' })
  @ApiOkResponse({ type: DimensionResponseDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 412)
  async update(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @Body() body: UpdateDimensionDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<DimensionResponseDto> {
    return toDimensionResponse(await this.dimensions.update(tenant, id, body, expectedVersion));
  }

  @Get(':id/values')
  @RequireScope('dimensions:read')
  @ApiOperation({ operationId: 'listDimensionValues', summary: "List a dimension's values, by code" })
  @ApiOkResponse({ type: DimensionValueListResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async listValues(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
  ): Promise<DimensionValueListResponseDto> {
    return {
      data: (await this.dimensions.listValues(tenant, id)).map(toDimensionValueResponse),
      nextCursor: null,
    };
  }

  @Post(':id/values')
  @RequireScope('dimensions:write')
  @ApiOperation({ operationId: 'createDimensionValue', summary: 'Add a value: a department, a project, ...' })
  @ApiCreatedResponse({ type: DimensionValueResponseDto })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  async createValue(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @Body() body: CreateDimensionValueDto,
  ): Promise<DimensionValueResponseDto> {
    return toDimensionValueResponse(await this.dimensions.createValue(tenant, id, body));
  }
}

@ApiTags('Dimensions')
@Controller('dimension-values')
export class DimensionValuesController {
  constructor(private readonly dimensions: DimensionsService) {}

  @Get(':id')
  @RequireScope('dimensions:read')
  @ApiOperation({ operationId: 'getDimensionValue', summary: 'Get one dimension value' })
  @ApiOkResponse({ type: DimensionValueResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<DimensionValueResponseDto> {
    return toDimensionValueResponse(await this.dimensions.getValue(tenant, id));
  }

  @Patch(':id')
  @RequireScope('dimensions:write')
  @ApiOperation({ operationId: 'updateDimensionValue', summary: 'Rename or deactivate a dimension value' })
  @ApiOkResponse({ type: DimensionValueResponseDto })
  @ApiProblemResponses(400, 401, 403, 404, 412)
  async update(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @Body() body: UpdateDimensionValueDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<DimensionValueResponseDto> {
    return toDimensionValueResponse(await this.dimensions.updateValue(tenant, id, body, expectedVersion));
  }
}

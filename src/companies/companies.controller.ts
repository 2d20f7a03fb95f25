import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, IfMatch, RequireScope, Tenant, type TenantContext } from '../common/index.js';
import { CompaniesService } from './companies.service.js';
import { toCompanyResponse } from './company.mapper.js';
import { CompanyResponseDto, UpdateCompanyDto } from './dto/company.dto.js';

@ApiTags('Company')
@Controller('company')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @RequireScope('company:read')
  @ApiOperation({ operationId: 'getCompany', summary: 'Get the company the request acts on' })
  @ApiOkResponse({ type: CompanyResponseDto, description: 'The company.' })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(@Tenant() tenant: TenantContext): Promise<CompanyResponseDto> {
    return toCompanyResponse(await this.companies.get(tenant));
  }

  @Patch()
  @RequireScope('company:write')
  @ApiOperation({ operationId: 'updateCompany', summary: "Change the company's name or fiscal year start" })
  @ApiOkResponse({ type: CompanyResponseDto, description: 'The changed company, with its new version.' })
  @ApiProblemResponses(400, 401, 403, 404)
  async update(
    @Tenant() tenant: TenantContext,
    @Body() body: UpdateCompanyDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<CompanyResponseDto> {
    return toCompanyResponse(await this.companies.update(tenant, body, expectedVersion));
  }
}

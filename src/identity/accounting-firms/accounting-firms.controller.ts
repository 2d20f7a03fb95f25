import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiProblemResponses,
  IdParam,
  RequireScope,
  Tenant,
  type TenantContext,
} from '../../common/index.js';
import type { AccountingFirmEngagement } from './accounting-firm-engagement.entity.js';
import { AccountingFirmsService } from './accounting-firms.service.js';
import {
  AccountingFirmListResponseDto,
  AccountingFirmResponseDto,
  EngageAccountingFirmDto,
} from './dto/accounting-firm.dto.js';

function toResponse(engagement: AccountingFirmEngagement): AccountingFirmResponseDto {
  return {
    id: engagement.firmCompanyId,
    organizationNumber: engagement.firmOrganizationNumber,
    name: engagement.firmName,
    engagedAt: engagement.createdAt.toISOString(),
  };
}

@ApiTags('Accounting firms')
@Controller('accounting-firms')
export class AccountingFirmsController {
  constructor(private readonly firms: AccountingFirmsService) {}

  @Post()
  @RequireScope('company:write')
  @ApiOperation({
    operationId: 'engageAccountingFirm',
    summary: 'Engage an accounting firm: its owners and accountants work here as accountants',
    description:
      'The firm is a company on Hovedbok. Its owners and accountants get the `accountant` role in this company ' +
      '(a direct membership here wins) until the engagement is ended.',
  })
  @ApiCreatedResponse({ type: AccountingFirmResponseDto, description: 'Engaged.' })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  async engage(
    @Tenant() tenant: TenantContext,
    @Body() body: EngageAccountingFirmDto,
  ): Promise<AccountingFirmResponseDto> {
    return toResponse(await this.firms.engage(tenant, body.organizationNumber));
  }

  @Get()
  @RequireScope('company:read')
  @ApiOperation({ operationId: 'listAccountingFirms', summary: "List the company's accounting firms" })
  @ApiOkResponse({ type: AccountingFirmListResponseDto, description: 'The firms, first engaged first.' })
  @ApiProblemResponses(400, 401, 403)
  async list(@Tenant() tenant: TenantContext): Promise<AccountingFirmListResponseDto> {
    return { data: (await this.firms.list(tenant)).map(toResponse), nextCursor: null };
  }

  @Get(':id')
  @RequireScope('company:read')
  @ApiOperation({
    operationId: 'getAccountingFirm',
    summary: 'Get one engaged accounting firm by its company id',
  })
  @ApiOkResponse({ type: AccountingFirmResponseDto, description: 'The firm.' })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<AccountingFirmResponseDto> {
    return toResponse(await this.firms.get(tenant, id));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireScope('company:write')
  @ApiOperation({
    operationId: 'endAccountingFirmEngagement',
    summary: "End an accounting firm's engagement: its people lose access at once",
  })
  @ApiNoContentResponse({ description: 'Ended.' })
  @ApiProblemResponses(400, 401, 403, 404)
  async disengage(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<void> {
    await this.firms.disengage(tenant, id);
  }
}

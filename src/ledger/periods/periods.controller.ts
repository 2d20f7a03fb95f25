import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblemResponses,
  IdParam,
  IfMatch,
  RequireScope,
  Tenant,
  type TenantContext,
} from '../../common/index.js';
import {
  CreateFiscalYearDto,
  FiscalYearListResponseDto,
  FiscalYearResponseDto,
  ListPeriodsQuery,
  PeriodListResponseDto,
  PeriodResponseDto,
} from './dto/period.dto.js';
import { FiscalYearsService } from './fiscal-years.service.js';
import { toFiscalYearResponse, toPeriodResponse } from './period.mapper.js';
import { PeriodsService } from './periods.service.js';

@ApiTags('Periods')
@Controller('fiscal-years')
export class FiscalYearsController {
  constructor(private readonly fiscalYears: FiscalYearsService) {}

  @Get()
  @RequireScope('ledger:read')
  @ApiOperation({ operationId: 'listFiscalYears', summary: 'List the fiscal years, oldest first' })
  @ApiOkResponse({ type: FiscalYearListResponseDto })
  @ApiProblemResponses(401, 403)
  async list(@Tenant() tenant: TenantContext): Promise<FiscalYearListResponseDto> {
    return { data: (await this.fiscalYears.list(tenant)).map(toFiscalYearResponse), nextCursor: null };
  }

  @Get(':id')
  @RequireScope('ledger:read')
  @ApiOperation({ operationId: 'getFiscalYear', summary: 'Get one fiscal year' })
  @ApiOkResponse({ type: FiscalYearResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<FiscalYearResponseDto> {
    return toFiscalYearResponse(await this.fiscalYears.get(tenant, id));
  }

  @Post()
  @RequireScope('periods:write')
  @ApiOperation({
    operationId: 'createFiscalYear',
    summary: 'Add a fiscal year with its twelve open periods',
    description: 'A new company has last year, this year and next year already.',
  })
  @ApiCreatedResponse({ type: FiscalYearResponseDto })
  @ApiProblemResponses(400, 401, 403, 409, 422)
  async create(
    @Tenant() tenant: TenantContext,
    @Body() body: CreateFiscalYearDto,
  ): Promise<FiscalYearResponseDto> {
    return toFiscalYearResponse(await this.fiscalYears.create(tenant, body.startDate));
  }
}

@ApiTags('Periods')
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Get()
  @RequireScope('ledger:read')
  @ApiOperation({ operationId: 'listPeriods', summary: 'List accounting periods, oldest first' })
  @ApiOkResponse({ type: PeriodListResponseDto })
  @ApiProblemResponses(400, 401, 403)
  async list(
    @Tenant() tenant: TenantContext,
    @Query() query: ListPeriodsQuery,
  ): Promise<PeriodListResponseDto> {
    return { data: (await this.periods.list(tenant, query)).map(toPeriodResponse), nextCursor: null };
  }

  @Get(':id')
  @RequireScope('ledger:read')
  @ApiOperation({ operationId: 'getPeriod', summary: 'Get one accounting period' })
  @ApiOkResponse({ type: PeriodResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<PeriodResponseDto> {
    return toPeriodResponse(await this.periods.get(tenant, id));
  }

  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  @RequireScope('periods:write')
  @ApiOperation({ operationId: 'closePeriod', summary: 'Close an open period: it takes no more postings' })
  @ApiOkResponse({ type: PeriodResponseDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 412)
  async close(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<PeriodResponseDto> {
    return toPeriodResponse(await this.periods.transition(tenant, id, 'close', expectedVersion));
  }

  @Post(':id/lock')
  @HttpCode(HttpStatus.OK)
  @RequireScope('periods:write')
  @ApiOperation({
    operationId: 'lockPeriod',
    summary: 'Lock a period, e.g. once its VAT return is filed',
  })
  @ApiOkResponse({ type: PeriodResponseDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 412)
  async lock(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<PeriodResponseDto> {
    return toPeriodResponse(await this.periods.transition(tenant, id, 'lock', expectedVersion));
  }

  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  @RequireScope('periods:reopen')
  @ApiOperation({
    operationId: 'reopenPeriod',
    summary: 'Reopen a closed or locked period (needs periods:reopen; audited)',
  })
  @ApiOkResponse({ type: PeriodResponseDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 412)
  async reopen(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<PeriodResponseDto> {
    return toPeriodResponse(await this.periods.transition(tenant, id, 'reopen', expectedVersion));
  }
}

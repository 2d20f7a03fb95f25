import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, RequireScope, Tenant, type TenantContext } from '../common/index.js';
import { TrialBalanceQuery, TrialBalanceResponseDto } from './dto/trial-balance.dto.js';
import { toTrialBalanceResponse } from './reports.mapper.js';
import { TrialBalanceService } from './trial-balance.service.js';

@ApiTags('Reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly trialBalance: TrialBalanceService) {}

  @Get('trial-balance')
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'getTrialBalance',
    summary: 'Trial balance for any date range, in real time',
    description:
      'Opening balance, debits, credits and closing balance per account, from balances kept in the same ' +
      'transaction as the postings: the cost follows the number of accounts, not of postings.',
  })
  @ApiOkResponse({ type: TrialBalanceResponseDto })
  @ApiProblemResponses(400, 401, 403)
  async getTrialBalance(
    @Tenant() tenant: TenantContext,
    @Query() query: TrialBalanceQuery,
  ): Promise<TrialBalanceResponseDto> {
    return toTrialBalanceResponse(
      await this.trialBalance.get(tenant, query.from, query.to, query.dimensionValueId),
    );
  }
}

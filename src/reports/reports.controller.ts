import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, RequireScope, Tenant, type TenantContext } from '../common/index.js';
import { BEGINNING } from './balance-ranges.js';
import {
  AccountBalancesQuery,
  AccountBalancesResponseDto,
  BalanceSheetQuery,
  FinancialStatementResponseDto,
  GeneralLedgerQuery,
  GeneralLedgerResponseDto,
  ProfitAndLossQuery,
} from './dto/financial-statement.dto.js';
import { comparisonOf, FinancialStatementsService } from './financial-statements.service.js';
import { GeneralLedgerService } from './general-ledger.service.js';
import { TrialBalanceQuery, TrialBalanceResponseDto } from './dto/trial-balance.dto.js';
import {
  toAccountBalancesResponse,
  toGeneralLedgerResponse,
  toStatementResponse,
  toTrialBalanceResponse,
} from './reports.mapper.js';
import { TrialBalanceService } from './trial-balance.service.js';

@ApiTags('Reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly trialBalance: TrialBalanceService,
    private readonly statements: FinancialStatementsService,
    private readonly generalLedger: GeneralLedgerService,
  ) {}

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

  @Get('profit-and-loss')
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'getProfitAndLoss',
    summary: 'Profit and loss for a date range, with an optional comparison period',
    description:
      "Sections and subtotals per regnskapsloven's layout; each account line links to its postings.",
  })
  @ApiOkResponse({ type: FinancialStatementResponseDto })
  @ApiProblemResponses(400, 401, 403)
  async getProfitAndLoss(
    @Tenant() tenant: TenantContext,
    @Query() query: ProfitAndLossQuery,
  ): Promise<FinancialStatementResponseDto> {
    const compare = comparisonOf(query);
    const statement = await this.statements.profitAndLoss(tenant, query, compare);
    return toStatementResponse('profitAndLoss', statement, {
      from: query.from,
      to: query.to,
      compareFrom: compare?.from ?? null,
      compareTo: compare?.to ?? null,
    });
  }

  @Get('balance-sheet')
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'getBalanceSheet',
    summary: 'Balance sheet at a date, with an optional comparison date',
  })
  @ApiOkResponse({ type: FinancialStatementResponseDto })
  @ApiProblemResponses(400, 401, 403)
  async getBalanceSheet(
    @Tenant() tenant: TenantContext,
    @Query() query: BalanceSheetQuery,
  ): Promise<FinancialStatementResponseDto> {
    const statement = await this.statements.balanceSheet(tenant, query.at, query.compareAt);
    return toStatementResponse('balanceSheet', statement, {
      from: null,
      to: query.at,
      compareFrom: null,
      compareTo: query.compareAt ?? null,
    });
  }

  @Get('general-ledger')
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'getGeneralLedger',
    summary: "One account's postings with opening and running balance",
  })
  @ApiOkResponse({ type: GeneralLedgerResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async getGeneralLedger(
    @Tenant() tenant: TenantContext,
    @Query() query: GeneralLedgerQuery,
  ): Promise<GeneralLedgerResponseDto> {
    return toGeneralLedgerResponse(await this.generalLedger.get(tenant, query));
  }

  @Get('balances')
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'getAccountBalances',
    summary: 'The balance of every account at the end of a date',
  })
  @ApiOkResponse({ type: AccountBalancesResponseDto })
  @ApiProblemResponses(400, 401, 403)
  async getAccountBalances(
    @Tenant() tenant: TenantContext,
    @Query() query: AccountBalancesQuery,
  ): Promise<AccountBalancesResponseDto> {
    const report = await this.trialBalance.get(tenant, BEGINNING, query.at, query.dimensionValueId);
    return toAccountBalancesResponse(report, query.at);
  }
}

import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiProblemResponses,
  RequireScope,
  sendCsv,
  streamCsv,
  Tenant,
  type TenantContext,
} from '../common/index.js';
import { BEGINNING } from './balance-ranges.js';
import {
  AccountBalancesQuery,
  AccountBalancesResponseDto,
  BalanceSheetQuery,
  FinancialStatementResponseDto,
  GeneralLedgerQuery,
  GeneralLedgerRangeQuery,
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
import {
  GENERAL_LEDGER_CSV,
  generalLedgerLinesCsv,
  generalLedgerBalanceCsv,
  STATEMENT_CSV,
  statementCsv,
  TRIAL_BALANCE_CSV,
  trialBalanceCsv,
} from './report-csv.js';

const CSV_FORMAT =
  'RFC 4180 CSV, UTF-8, comma-separated, LF line ends, a header row, amounts with a decimal point; the first column, ' +
  '`line`, says what each row is.';

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

  @Get('trial-balance.csv')
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'getTrialBalanceCsv',
    summary: 'Trial balance as CSV',
    description: `The same figures as getTrialBalance: one \`account\` row per account, then the \`total\`. ${CSV_FORMAT}`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file.', schema: { type: 'string' } })
  @ApiProblemResponses(400, 401, 403)
  async getTrialBalanceCsv(
    @Tenant() tenant: TenantContext,
    @Query() query: TrialBalanceQuery,
    @Res() response: Response,
  ): Promise<void> {
    const report = await this.trialBalance.get(tenant, query.from, query.to, query.dimensionValueId);
    sendCsv(
      response,
      `trial-balance-${query.from}-${query.to}.csv`,
      TRIAL_BALANCE_CSV,
      trialBalanceCsv(report),
    );
  }

  @Get('profit-and-loss.csv')
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'getProfitAndLossCsv',
    summary: 'Profit and loss as CSV',
    description:
      'The same figures as getProfitAndLoss: per section its `account` rows, then the `section` sum; the ' +
      `\`subtotal\` rows (results) last. ${CSV_FORMAT}`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file.', schema: { type: 'string' } })
  @ApiProblemResponses(400, 401, 403)
  async getProfitAndLossCsv(
    @Tenant() tenant: TenantContext,
    @Query() query: ProfitAndLossQuery,
    @Res() response: Response,
  ): Promise<void> {
    const statement = await this.statements.profitAndLoss(tenant, query, comparisonOf(query));
    sendCsv(
      response,
      `profit-and-loss-${query.from}-${query.to}.csv`,
      STATEMENT_CSV,
      statementCsv(statement),
    );
  }

  @Get('balance-sheet.csv')
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'getBalanceSheetCsv',
    summary: 'Balance sheet as CSV',
    description: `The same figures and rows as getProfitAndLossCsv, for the balance sheet. ${CSV_FORMAT}`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file.', schema: { type: 'string' } })
  @ApiProblemResponses(400, 401, 403)
  async getBalanceSheetCsv(
    @Tenant() tenant: TenantContext,
    @Query() query: BalanceSheetQuery,
    @Res() response: Response,
  ): Promise<void> {
    const statement = await this.statements.balanceSheet(tenant, query.at, query.compareAt);
    sendCsv(response, `balance-sheet-${query.at}.csv`, STATEMENT_CSV, statementCsv(statement));
  }

  @Get('general-ledger.csv')
  @RequireScope('ledger:read')
  @ApiOperation({
    operationId: 'getGeneralLedgerCsv',
    summary: "One account's general ledger as CSV, streamed (no row limit, constant memory)",
    description:
      'The `opening` balance, every `posting` with the running balance after it, and the `closing` ' +
      `balance, from one consistent snapshot. ${CSV_FORMAT}`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file.', schema: { type: 'string' } })
  @ApiProblemResponses(400, 401, 403, 404)
  async getGeneralLedgerCsv(
    @Tenant() tenant: TenantContext,
    @Query() query: GeneralLedgerRangeQuery,
    @Res() response: Response,
  ): Promise<void> {
    const { from, to } = query;
    await streamCsv(response, `general-ledger-${from}-${to}.csv`, GENERAL_LEDGER_CSV, (write) =>
      this.generalLedger.export(tenant, query, {
        opening: (account, balance) => write([generalLedgerBalanceCsv('opening', account, from, balance)]),
        lines: (account, lines) => write(generalLedgerLinesCsv(account, lines)),
        closing: (account, balance) => write([generalLedgerBalanceCsv('closing', account, to, balance)]),
      }),
    );
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

import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequireScope, Tenant, type TenantContext } from '../common/index.js';
import { BEGINNING } from './balance-ranges.js';
import { comparisonOf, FinancialStatementsService } from './financial-statements.service.js';
import { GeneralLedgerService } from './general-ledger.service.js';
import {
  AccountBalancesArgs,
  BalanceSheetArgs,
  GeneralLedgerArgs,
  PostingsArgs,
  ProfitAndLossArgs,
  TrialBalanceArgs,
} from './graphql/report.input.js';
import {
  AccountBalancesModel,
  FinancialStatementModel,
  GeneralLedgerModel,
  LedgerPostingPageModel,
  TrialBalanceModel,
} from './graphql/report.model.js';
import { toLedgerPosting } from './postings.mapper.js';
import { PostingsService } from './postings.service.js';
import {
  toAccountBalancesResponse,
  toGeneralLedgerResponse,
  toStatementResponse,
  toTrialBalanceResponse,
} from './reports.mapper.js';
import { TrialBalanceService } from './trial-balance.service.js';

// A page costs its size times what each item asks for (default page 100).
const perPage = ({ args, childComplexity }: { args: { limit?: number }; childComplexity: number }) =>
  1 + (args.limit ?? 100) * childComplexity;

/** Reports and the postings query, from the same services as /v1/reports and /v1/postings. */
@Resolver()
export class ReportsResolver {
  constructor(
    private readonly trialBalanceService: TrialBalanceService,
    private readonly statementsService: FinancialStatementsService,
    private readonly generalLedgerService: GeneralLedgerService,
    private readonly postingsService: PostingsService,
  ) {}

  @Query(() => TrialBalanceModel, { description: 'Trial balance for a date range (scope ledger:read).' })
  @RequireScope('ledger:read')
  async trialBalance(
    @Tenant() tenant: TenantContext,
    @Args() { from, to, dimensionValueId }: TrialBalanceArgs,
  ): Promise<TrialBalanceModel> {
    return toTrialBalanceResponse(await this.trialBalanceService.get(tenant, from, to, dimensionValueId));
  }

  @Query(() => FinancialStatementModel, {
    description: 'Profit and loss for a range, with an optional comparison range (scope ledger:read).',
  })
  @RequireScope('ledger:read')
  async profitAndLoss(
    @Tenant() tenant: TenantContext,
    @Args() args: ProfitAndLossArgs,
  ): Promise<FinancialStatementModel> {
    const compare = comparisonOf(args);
    const statement = await this.statementsService.profitAndLoss(tenant, args, compare);
    const period = {
      from: args.from,
      to: args.to,
      compareFrom: compare?.from ?? null,
      compareTo: compare?.to ?? null,
    };
    return toStatementResponse('profitAndLoss', statement, period);
  }

  @Query(() => FinancialStatementModel, {
    description: 'Balance sheet at a date, with an optional comparison date (scope ledger:read).',
  })
  @RequireScope('ledger:read')
  async balanceSheet(
    @Tenant() tenant: TenantContext,
    @Args() { at, compareAt }: BalanceSheetArgs,
  ): Promise<FinancialStatementModel> {
    const statement = await this.statementsService.balanceSheet(tenant, at, compareAt);
    const period = { from: null, to: at, compareFrom: null, compareTo: compareAt ?? null };
    return toStatementResponse('balanceSheet', statement, period);
  }

  @Query(() => GeneralLedgerModel, {
    description: "One account's postings with opening and running balance (scope ledger:read).",
    complexity: perPage,
  })
  @RequireScope('ledger:read')
  async generalLedger(
    @Tenant() tenant: TenantContext,
    @Args() args: GeneralLedgerArgs,
  ): Promise<GeneralLedgerModel> {
    return toGeneralLedgerResponse(await this.generalLedgerService.get(tenant, args));
  }

  @Query(() => AccountBalancesModel, {
    description: 'The balance of every account at the end of a date (scope ledger:read).',
  })
  @RequireScope('ledger:read')
  async accountBalances(
    @Tenant() tenant: TenantContext,
    @Args() { at, dimensionValueId }: AccountBalancesArgs,
  ): Promise<AccountBalancesModel> {
    const report = await this.trialBalanceService.get(tenant, BEGINNING, at, dimensionValueId);
    return toAccountBalancesResponse(report, at);
  }

  @Query(() => LedgerPostingPageModel, {
    description: 'Postings in date order, filtered (scope ledger:read).',
    complexity: perPage,
  })
  @RequireScope('ledger:read')
  async postings(
    @Tenant() tenant: TenantContext,
    @Args() { filter, limit, cursor }: PostingsArgs,
  ): Promise<LedgerPostingPageModel> {
    const page = await this.postingsService.list(tenant, { ...filter }, limit, cursor);
    return { data: page.data.map(toLedgerPosting), nextCursor: page.nextCursor };
  }
}

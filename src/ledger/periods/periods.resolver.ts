import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireScope, Tenant, VersionedIdArgs, type TenantContext } from '../../common/index.js';
import { FiscalYearsService } from './fiscal-years.service.js';
import { CreateFiscalYearArgs, PeriodsArgs } from './graphql/period.input.js';
import { FiscalYearModel, PeriodModel } from './graphql/period.model.js';
import { toFiscalYearResponse, toPeriodResponse } from './period.mapper.js';
import { PeriodsService } from './periods.service.js';

@Resolver(() => PeriodModel)
export class PeriodsResolver {
  constructor(
    private readonly periodsService: PeriodsService,
    private readonly fiscalYearsService: FiscalYearsService,
  ) {}

  @Query(() => [FiscalYearModel], { description: 'The fiscal years, oldest first (scope ledger:read).' })
  @RequireScope('ledger:read')
  async fiscalYears(@Tenant() tenant: TenantContext): Promise<FiscalYearModel[]> {
    return (await this.fiscalYearsService.list(tenant)).map(toFiscalYearResponse);
  }

  @Query(() => [PeriodModel], { description: 'Accounting periods, oldest first (scope ledger:read).' })
  @RequireScope('ledger:read')
  async periods(@Tenant() tenant: TenantContext, @Args() args: PeriodsArgs): Promise<PeriodModel[]> {
    return (await this.periodsService.list(tenant, args)).map(toPeriodResponse);
  }

  @Mutation(() => FiscalYearModel, {
    description: 'Add a fiscal year with its twelve open periods (scope periods:write).',
  })
  @RequireScope('periods:write')
  async createFiscalYear(
    @Tenant() tenant: TenantContext,
    @Args() { startDate }: CreateFiscalYearArgs,
  ): Promise<FiscalYearModel> {
    return toFiscalYearResponse(await this.fiscalYearsService.create(tenant, startDate));
  }

  @Mutation(() => PeriodModel, { description: 'Close an open period (scope periods:write).' })
  @RequireScope('periods:write')
  async closePeriod(
    @Tenant() tenant: TenantContext,
    @Args() { id, expectedVersion }: VersionedIdArgs,
  ): Promise<PeriodModel> {
    return toPeriodResponse(
      await this.periodsService.transition(tenant, id, 'close', expectedVersion ?? undefined),
    );
  }

  @Mutation(() => PeriodModel, {
    description: 'Lock a period, e.g. once its VAT return is filed (scope periods:write).',
  })
  @RequireScope('periods:write')
  async lockPeriod(
    @Tenant() tenant: TenantContext,
    @Args() { id, expectedVersion }: VersionedIdArgs,
  ): Promise<PeriodModel> {
    return toPeriodResponse(
      await this.periodsService.transition(tenant, id, 'lock', expectedVersion ?? undefined),
    );
  }

  @Mutation(() => PeriodModel, {
    description: 'Reopen a closed or locked period (scope periods:reopen; audited).',
  })
  @RequireScope('periods:reopen')
  async reopenPeriod(
    @Tenant() tenant: TenantContext,
    @Args() { id, expectedVersion }: VersionedIdArgs,
  ): Promise<PeriodModel> {
    return toPeriodResponse(
      await this.periodsService.transition(tenant, id, 'reopen', expectedVersion ?? undefined),
    );
  }
}

import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IdArgs, RequireScope, Tenant, type GraphqlContext, type TenantContext } from '../common/index.js';
import { AccountLoader, AccountModel, toAccountModel } from '../ledger/index.js';
import { VouchersArgs } from './graphql/voucher.input.js';
import { VoucherLoader } from './graphql/voucher.loader.js';
import { PostingModel, VoucherModel, VoucherPageModel } from './graphql/voucher.model.js';
import { toVoucherModel } from './voucher.mapper.js';
import { VouchersService } from './vouchers.service.js';

// A list field costs its page size times what each item asks for, so a query's estimated cost
// follows the rows it can return; without `limit` the default page of 100 is assumed.
const perPage = ({ args, childComplexity }: { args: { limit?: number }; childComplexity: number }) =>
  1 + (args.limit ?? 100) * childComplexity;

@Resolver(() => VoucherModel)
export class VouchersResolver {
  constructor(
    private readonly vouchersService: VouchersService,
    private readonly voucherLoader: VoucherLoader,
  ) {}

  @Query(() => VoucherPageModel, {
    description: 'Vouchers, newest date first, with their postings (scope vouchers:read).',
    complexity: perPage,
  })
  @RequireScope('vouchers:read')
  async vouchers(@Tenant() tenant: TenantContext, @Args() args: VouchersArgs): Promise<VoucherPageModel> {
    const page = await this.vouchersService.list(tenant, args);
    return { data: page.data.map(toVoucherModel), nextCursor: page.nextCursor };
  }

  @Query(() => VoucherModel, { description: 'One voucher with its postings (scope vouchers:read).' })
  @RequireScope('vouchers:read')
  async voucher(@Tenant() tenant: TenantContext, @Args() { id }: IdArgs): Promise<VoucherModel> {
    return toVoucherModel(await this.vouchersService.get(tenant, id));
  }

  @ResolveField(() => VoucherModel, { nullable: true, description: 'The voucher this one reverses.' })
  async reverses(
    @Parent() voucher: VoucherModel,
    @Tenant() tenant: TenantContext,
    @Context() context: GraphqlContext,
  ): Promise<VoucherModel | null> {
    if (!voucher.reversesVoucherId) return null;
    return toVoucherModel(await this.voucherLoader.load(context, tenant, voucher.reversesVoucherId));
  }

  @ResolveField(() => VoucherModel, { nullable: true, description: 'The voucher that reverses this one.' })
  async reversedBy(
    @Parent() voucher: VoucherModel,
    @Tenant() tenant: TenantContext,
    @Context() context: GraphqlContext,
  ): Promise<VoucherModel | null> {
    if (!voucher.reversedByVoucherId) return null;
    return toVoucherModel(await this.voucherLoader.load(context, tenant, voucher.reversedByVoucherId));
  }
}

/**
 * A posting's account and voucher, loaded in batches: the postings of a whole page of vouchers
 * ask for their accounts in one query, not one each. They need the scope REST would ask for.
 */
@Resolver(() => PostingModel)
export class PostingsFieldsResolver {
  constructor(
    private readonly accountLoader: AccountLoader,
    private readonly voucherLoader: VoucherLoader,
  ) {}

  @ResolveField(() => AccountModel, { description: 'The account (scope accounts:read).' })
  async account(
    @Parent() posting: PostingModel,
    @Tenant() tenant: TenantContext,
    @Context() context: GraphqlContext,
  ): Promise<AccountModel> {
    return toAccountModel(await this.accountLoader.load(context, tenant, posting.accountId));
  }

  @ResolveField(() => VoucherModel, { description: 'The voucher it belongs to (scope vouchers:read).' })
  async voucher(
    @Parent() posting: PostingModel,
    @Tenant() tenant: TenantContext,
    @Context() context: GraphqlContext,
  ): Promise<VoucherModel> {
    return toVoucherModel(await this.voucherLoader.load(context, tenant, posting.voucherId));
  }
}

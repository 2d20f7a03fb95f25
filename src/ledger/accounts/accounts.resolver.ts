import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IdArgs, RequireScope, Tenant, VersionedIdArgs, type TenantContext } from '../../common/index.js';
import { toAccountResponse } from './account.mapper.js';
import { AccountsService } from './accounts.service.js';
import { AccountsArgs, CreateAccountArgs, UpdateAccountArgs } from './graphql/account.input.js';
import { AccountModel, AccountPageModel } from './graphql/account.model.js';

@Resolver(() => AccountModel)
export class AccountsResolver {
  constructor(private readonly accountsService: AccountsService) {}

  @Query(() => AccountPageModel, { description: 'The chart of accounts, by number (scope accounts:read).' })
  @RequireScope('accounts:read')
  async accounts(@Tenant() tenant: TenantContext, @Args() args: AccountsArgs): Promise<AccountPageModel> {
    const page = await this.accountsService.list(tenant, args);
    return { data: page.data.map(toAccountResponse), nextCursor: page.nextCursor };
  }

  @Query(() => AccountModel, { description: 'One account (scope accounts:read).' })
  @RequireScope('accounts:read')
  async account(@Tenant() tenant: TenantContext, @Args() { id }: IdArgs): Promise<AccountModel> {
    return toAccountResponse(await this.accountsService.get(tenant, id));
  }

  @Mutation(() => AccountModel, { description: 'Add an account to the chart (scope accounts:write).' })
  @RequireScope('accounts:write')
  async createAccount(
    @Tenant() tenant: TenantContext,
    @Args() { input }: CreateAccountArgs,
  ): Promise<AccountModel> {
    return toAccountResponse(await this.accountsService.create(tenant, input));
  }

  @Mutation(() => AccountModel, {
    description: 'Change an account, or deactivate it with isActive false (scope accounts:write).',
  })
  @RequireScope('accounts:write')
  async updateAccount(
    @Tenant() tenant: TenantContext,
    @Args() { id, expectedVersion, input }: UpdateAccountArgs,
  ): Promise<AccountModel> {
    return toAccountResponse(
      await this.accountsService.update(tenant, id, input, expectedVersion ?? undefined),
    );
  }

  @Mutation(() => Boolean, {
    description: 'Delete an account nobody has posted to; true when deleted (scope accounts:write).',
  })
  @RequireScope('accounts:write')
  async deleteAccount(
    @Tenant() tenant: TenantContext,
    @Args() { id, expectedVersion }: VersionedIdArgs,
  ): Promise<boolean> {
    await this.accountsService.delete(tenant, id, expectedVersion ?? undefined);
    return true;
  }
}

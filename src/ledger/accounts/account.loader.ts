import { Injectable } from '@nestjs/common';
import {
  assertScope,
  byKeys,
  NotFoundError,
  requestLoader,
  type GraphqlContext,
  type TenantContext,
} from '../../common/index.js';
import type { Account } from './account.entity.js';
import { AccountsService } from './accounts.service.js';

/** Accounts for GraphQL fields of other types (a posting's account): one query per request level. */
@Injectable()
export class AccountLoader {
  constructor(private readonly accounts: AccountsService) {}

  load(context: GraphqlContext, tenant: TenantContext, id: string): Promise<Account> {
    assertScope(tenant, 'accounts:read');
    const loader = requestLoader<Account>(context.loaders, 'accounts', async (ids) =>
      byKeys(
        ids,
        await this.accounts.getMany(tenant, ids),
        (account) => account.id,
        (missing) => new NotFoundError('Account', missing),
      ),
    );
    return loader.load(id);
  }
}

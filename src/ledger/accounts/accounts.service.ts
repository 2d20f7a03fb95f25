import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  ConflictError,
  decodeCursor,
  encodeCursor,
  newId,
  NotFoundError,
  PAGE_DEFAULT,
  type Page,
  type TenantContext,
  assertVersion,
} from '../../common/index.js';
import { AuditLog } from '../../audit/index.js';
import { Database, isUniqueViolation } from '../../database/index.js';
import { EventOutbox, type EventDefinition } from '../../events/index.js';
import { accountClassOf } from '../chart/default-chart.js';
import { AccountHasPostingsError } from '../ledger.errors.js';

import { Account, type ControlKind } from './account.entity.js';
import { ACCOUNT_CREATED, ACCOUNT_DELETED, ACCOUNT_UPDATED } from './account.events.js';
import { toAccountResponse } from './account.mapper.js';
import type { AccountResponseDto } from './dto/account.dto.js';

export interface NewAccount {
  number: string;
  name: string;
  description?: string | null;
  standardAccountId: string;
  groupingCategory: string;
  groupingCode: string;
  controlKind?: ControlKind | null;
  defaultVatCode?: string | null;
  requiresDepartment?: boolean;
  requiresProject?: boolean;
}

export type AccountChanges = Partial<Omit<NewAccount, 'number'>> & { isActive?: boolean };

export interface AccountFilter {
  limit?: number;
  cursor?: string;
  isActive?: boolean;
  numberFrom?: string;
  numberTo?: string;
}

/**
 * The chart of accounts: list, read, add, change, deactivate; delete only when unused. Every
 * change is audited and published.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
  ) {}

  list(tenant: TenantContext, filter: AccountFilter): Promise<Page<Account>> {
    const limit = filter.limit ?? PAGE_DEFAULT;
    const after = filter.cursor ? decodeCursor(filter.cursor)?.[0] : undefined;
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const query = tx
        .getRepository(Account)
        .createQueryBuilder('account')
        .where('account.company_id = :companyId', { companyId: tenant.companyId })
        .orderBy('account.number', 'ASC')
        .limit(limit + 1);
      if (typeof after === 'string') query.andWhere('account.number > :after', { after });
      if (filter.isActive !== undefined)
        query.andWhere('account.is_active = :active', { active: filter.isActive });
      if (filter.numberFrom) query.andWhere('account.number >= :from', { from: filter.numberFrom });
      if (filter.numberTo) query.andWhere('account.number <= :to', { to: filter.numberTo });
      const rows = await query.getMany();
      const data = rows.slice(0, limit);
      const last = data.at(-1);
      return { data, nextCursor: rows.length > limit && last ? encodeCursor([last.number]) : null };
    });
  }

  get(tenant: TenantContext, id: string): Promise<Account> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) => this.getIn(tx, tenant.companyId, id));
  }

  /** Any number of accounts in one statement (GraphQL's batched loads); unknown ids are left out. */
  getMany(tenant: TenantContext, ids: readonly string[]): Promise<Account[]> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) =>
      tx.getRepository(Account).findBy({ companyId: tenant.companyId, id: In([...ids]) }),
    );
  }

  create(tenant: TenantContext, input: NewAccount): Promise<Account> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const id = newId();
      await tx
        .getRepository(Account)
        .insert({
          ...input,
          companyId: tenant.companyId,
          id,
          accountClass: accountClassOf(input.number),
          description: input.description ?? null,
          controlKind: input.controlKind ?? null,
          defaultVatCode: input.defaultVatCode ?? null,
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error, 'accounts_number_key'))
            throw new ConflictError(`Account ${input.number} exists already.`);
          throw error;
        });
      const account = await this.getIn(tx, tenant.companyId, id);
      await this.published(tx, tenant, ACCOUNT_CREATED, account, { number: input.number, name: input.name });
      return account;
    });
  }

  update(
    tenant: TenantContext,
    id: string,
    changes: AccountChanges,
    expectedVersion?: number,
  ): Promise<Account> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const account = await this.getIn(tx, tenant.companyId, id, true);
      assertVersion(account, expectedVersion, 'account');
      await tx
        .getRepository(Account)
        .update(
          { companyId: tenant.companyId, id },
          { ...changes, updatedAt: () => 'now()', version: () => 'version + 1' },
        );
      const updated = await this.getIn(tx, tenant.companyId, id);
      await this.published(tx, tenant, ACCOUNT_UPDATED, updated, { number: account.number, changes });
      return updated;
    });
  }

  /** Removes an account nobody has posted to; one with postings is deactivated instead. */
  delete(tenant: TenantContext, id: string, expectedVersion?: number): Promise<void> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const account = await this.getIn(tx, tenant.companyId, id, true);
      assertVersion(account, expectedVersion, 'account');
      const [{ used }] = await tx.query<[{ used: boolean }]>(
        `SELECT EXISTS (SELECT 1 FROM postings WHERE company_id = $1 AND account_id = $2)
             OR EXISTS (SELECT 1 FROM vat_codes WHERE company_id = $1 AND $2 IN (vat_account_id, deduction_account_id))
             AS used`,
        [tenant.companyId, id],
      );
      if (used) throw new AccountHasPostingsError(account.number);
      await tx.getRepository(Account).delete({ companyId: tenant.companyId, id });
      await this.published(tx, tenant, ACCOUNT_DELETED, account, { number: account.number });
    });
  }

  // The event carries the account as GET returns it; the audit entry says what changed.
  private async published(
    tx: EntityManager,
    tenant: TenantContext,
    definition: EventDefinition<AccountResponseDto>,
    account: Account,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.outbox.add(tx, tenant.companyId, definition, toAccountResponse(account));
    await this.audit.record(tx, tenant, {
      action: definition.type,
      resourceType: 'account',
      resourceId: account.id,
      details,
    });
  }

  private async getIn(tx: EntityManager, companyId: string, id: string, forUpdate = false): Promise<Account> {
    const account = await tx.getRepository(Account).findOne({
      where: { companyId, id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!account) throw new NotFoundError('Account', id);
    return account;
  }
}

import { Injectable } from '@nestjs/common';
import { addDays, MoneyDecimal, sumAmounts, type Amount, type TenantContext } from '../common/index.js';
import { Database } from '../database/index.js';
import { BEGINNING } from './balance-ranges.js';
import { LedgerBalancesRepository, type AccountSums } from './ledger-balances.repository.js';

export interface TrialBalanceLine {
  accountId: string;
  accountNumber: string;
  accountName: string;
  accountClass: string;
  opening: Amount;
  debit: Amount;
  credit: Amount;
  closing: Amount;
  postingCount: number;
}

export interface TrialBalance {
  from: string;
  to: string;
  dimensionValueId: string | null;
  lines: TrialBalanceLine[];
  totals: { opening: Amount; debit: Amount; credit: Amount; closing: Amount };
}

const ZERO: AccountSums = { debit: new MoneyDecimal(0), credit: new MoneyDecimal(0), postingCount: 0 };

/**
 * The trial balance (saldobalanse) for any date range, read from the maintained balances:
 * opening balance (everything before `from`), debits and credits in the range, closing balance.
 * Accounts with neither a balance nor movement are left out. Its closing column sums to zero.
 */
@Injectable()
export class TrialBalanceService {
  constructor(
    private readonly db: Database,
    private readonly balances: LedgerBalancesRepository,
  ) {}

  get(tenant: TenantContext, from: string, to: string, dimensionValueId?: string): Promise<TrialBalance> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const before = await this.balances.sumsBetween(tx, tenant.companyId, BEGINNING, addDays(from, -1), {
        dimensionValueId,
      });
      const during = await this.balances.sumsBetween(tx, tenant.companyId, from, to, { dimensionValueId });
      const ids = [...new Set([...before.keys(), ...during.keys()])];
      const accounts = await tx.query<{ id: string; number: string; name: string; account_class: string }[]>(
        `SELECT id, number, name, account_class FROM accounts WHERE company_id = $1 AND id = ANY($2::uuid[])`,
        [tenant.companyId, ids],
      );
      const lines = accounts
        .map((account) => lineOf(account, before.get(account.id) ?? ZERO, during.get(account.id) ?? ZERO))
        .filter((line) => !line.opening.isZero() || line.postingCount > 0)
        .sort((a, b) => a.accountNumber.localeCompare(b.accountNumber));
      return {
        from,
        to,
        dimensionValueId: dimensionValueId ?? null,
        lines,
        totals: {
          opening: sumAmounts(lines.map((line) => line.opening)),
          debit: sumAmounts(lines.map((line) => line.debit)),
          credit: sumAmounts(lines.map((line) => line.credit)),
          closing: sumAmounts(lines.map((line) => line.closing)),
        },
      };
    });
  }
}

function net(sums: AccountSums): Amount {
  return sums.debit.minus(sums.credit);
}

function lineOf(
  account: { id: string; number: string; name: string; account_class: string },
  before: AccountSums,
  during: AccountSums,
): TrialBalanceLine {
  const opening = net(before);
  return {
    accountId: account.id,
    accountNumber: account.number,
    accountName: account.name,
    accountClass: account.account_class,
    opening,
    debit: during.debit,
    credit: during.credit,
    closing: opening.plus(net(during)),
    postingCount: during.postingCount,
  };
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MoneyDecimal, type Amount, type CalendarDate } from '../common/index.js';
import { balanceRanges } from './balance-ranges.js';
import { ALL_DIMENSIONS } from './ledger-balance.entity.js';

export interface AccountSums {
  debit: Amount;
  credit: Amount;
  postingCount: number;
}

/** Sums of the maintained balances: never a scan of postings. */
@Injectable()
export class LedgerBalancesRepository {
  /** Debit and credit per account id over [from, to], for one dimension value (or all) and one account (or all). */
  async sumsBetween(
    tx: EntityManager,
    companyId: string,
    from: CalendarDate,
    to: CalendarDate,
    filter: { dimensionValueId?: string; accountId?: string } = {},
  ): Promise<Map<string, AccountSums>> {
    const ranges = balanceRanges(from, to);
    const conditions: string[] = [];
    const parameters: unknown[] = [companyId, filter.dimensionValueId ?? ALL_DIMENSIONS];
    const range = (grain: 'D' | 'M', [a, b]: [string, string]) => {
      parameters.push(a, b);
      conditions.push(
        `(grain = '${grain}' AND bucket BETWEEN $${parameters.length - 1} AND $${parameters.length})`,
      );
    };
    if (ranges.months) range('M', ranges.months);
    for (const days of ranges.days) range('D', days);
    if (conditions.length === 0) return new Map();
    let account = '';
    if (filter.accountId) {
      parameters.push(filter.accountId);
      account = ` AND account_id = $${parameters.length}`;
    }
    const rows = await tx.query<{ account_id: string; debit: string; credit: string; count: number }[]>(
      `SELECT account_id, sum(debit) AS debit, sum(credit) AS credit, sum(posting_count)::integer AS count
         FROM ledger_balances
        WHERE company_id = $1 AND dimension_value_id = $2${account} AND (${conditions.join(' OR ')})
        GROUP BY account_id`,
      parameters,
    );
    return new Map(
      rows.map((row) => [
        row.account_id,
        { debit: new MoneyDecimal(row.debit), credit: new MoneyDecimal(row.credit), postingCount: row.count },
      ]),
    );
  }
}

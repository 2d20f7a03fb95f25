import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestValidationError, sumAmounts, type Amount, type TenantContext } from '../common/index.js';
import { Database } from '../database/index.js';
import { BALANCE_SHEET_LAYOUT, PROFIT_AND_LOSS_LAYOUT } from '../ledger/index.js';
import { BEGINNING } from './balance-ranges.js';
import type { ProfitAndLossQuery } from './dto/financial-statement.dto.js';
import { buildStatement, type FinancialStatement, type StatementAccount } from './financial-statement.js';
import { LedgerBalancesRepository, type AccountSums } from './ledger-balances.repository.js';

export interface DateRange {
  from: string;
  to: string;
}

const RESULT_CLASSES = new Set(['revenue', 'expense']);

/**
 * Profit and loss for a range and the balance sheet at a date, each with an optional comparison,
 * from the maintained balances. Sign convention: what the reader expects on the page, so income,
 * assets, equity and liabilities are positive, and costs are negative in the profit and loss.
 */
@Injectable()
export class FinancialStatementsService {
  constructor(
    private readonly db: Database,
    private readonly balances: LedgerBalancesRepository,
  ) {}

  profitAndLoss(tenant: TenantContext, range: DateRange, compare?: DateRange): Promise<FinancialStatement> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const accounts = await this.accounts(tx, tenant.companyId, true);
      const sums = (r: DateRange) => this.balances.sumsBetween(tx, tenant.companyId, r.from, r.to);
      return buildStatement(PROFIT_AND_LOSS_LAYOUT, {
        accounts,
        amounts: creditPositive(await sums(range)),
        compare: compare ? creditPositive(await sums(compare)) : null,
      });
    });
  }

  /**
   * The balance at the end of `at`. Until year-end closing moves results into equity, the
   * accumulated result of all periods is shown as its own equity line, so the sheet balances.
   */
  balanceSheet(tenant: TenantContext, at: string, compareAt?: string): Promise<FinancialStatement> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const accounts = await this.accounts(tx, tenant.companyId, false);
      const resultAccounts = new Set((await this.accounts(tx, tenant.companyId, true)).map((a) => a.id));
      const sums = (date: string) => this.balances.sumsBetween(tx, tenant.companyId, BEGINNING, date);
      const now = await sums(at);
      const then = compareAt ? await sums(compareAt) : null;
      const assets = new Set(accounts.filter((a) => a.number.startsWith('1')).map((a) => a.id));
      const signed = (all: Map<string, AccountSums>) =>
        new Map(
          [...all].map(([id, s]) => [id, assets.has(id) ? s.debit.minus(s.credit) : s.credit.minus(s.debit)]),
        );
      const result = (all: Map<string, AccountSums>): Amount =>
        sumAmounts([...all].filter(([id]) => resultAccounts.has(id)).map(([, s]) => s.credit.minus(s.debit)));
      return buildStatement(BALANCE_SHEET_LAYOUT, {
        accounts,
        amounts: signed(now),
        compare: then ? signed(then) : null,
        extraSections: [
          {
            section: {
              key: 'unclosedResult',
              name: 'Resultat ikke overført til egenkapital',
              englishName: 'Result not yet closed to equity',
              amount: result(now),
              compareAmount: then ? result(then) : null,
              accounts: [],
            },
            joins: ['totalEquity', 'totalEquityAndLiabilities'],
          },
        ],
      });
    });
  }

  private async accounts(
    tx: EntityManager,
    companyId: string,
    results: boolean,
  ): Promise<StatementAccount[]> {
    const rows = await tx.query<(StatementAccount & { account_class: string })[]>(
      `SELECT id, number, name, account_class FROM accounts WHERE company_id = $1`,
      [companyId],
    );
    return rows.filter((row) => RESULT_CLASSES.has(row.account_class) === results);
  }
}

function creditPositive(all: Map<string, AccountSums>): Map<string, Amount> {
  return new Map([...all].map(([id, sums]) => [id, sums.credit.minus(sums.debit)]));
}

/** Both ends of the comparison period, or none; one alone is a 400 naming the other (REST and GraphQL). */
export function comparisonOf(query: ProfitAndLossQuery): DateRange | undefined {
  if (!query.compareFrom && !query.compareTo) return undefined;
  if (!query.compareFrom || !query.compareTo) {
    const missing = query.compareFrom ? 'compareTo' : 'compareFrom';
    throw new RequestValidationError([
      { parameter: missing, rule: 'required', detail: 'is required when the other comparison date is given' },
    ]);
  }
  return { from: query.compareFrom, to: query.compareTo };
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  addDays,
  encodeCursor,
  MoneyDecimal,
  NotFoundError,
  PAGE_DEFAULT,
  type Amount,
  type TenantContext,
} from '../common/index.js';
import { Database } from '../database/index.js';
import { BEGINNING } from './balance-ranges.js';
import { LedgerBalancesRepository } from './ledger-balances.repository.js';
import { fetchPostings, type PostingPosition, type PostingRow } from './postings-query.js';
import { EXPORT_BATCH, positionOf } from './postings.service.js';

export interface LedgerAccount {
  id: string;
  number: string;
  name: string;
}

/** A posting of the general ledger with the account's balance after it. */
export interface GeneralLedgerLine {
  row: PostingRow;
  balance: Amount;
}

/** Where an export of the general ledger goes, in order: opening, lines (in batches), closing. */
export interface GeneralLedgerSink {
  opening(account: LedgerAccount, balance: Amount): Promise<void>;
  lines(account: LedgerAccount, lines: GeneralLedgerLine[]): Promise<void>;
  closing(account: LedgerAccount, balance: Amount): Promise<void>;
}

export interface GeneralLedgerPage {
  account: LedgerAccount;
  from: string;
  to: string;
  opening: Amount;
  closing: Amount;
  lines: GeneralLedgerLine[];
  nextCursor: string | null;
}

/**
 * One account's postings in a date range with the opening balance and a running balance. A
 * page's starting balance is computed from the maintained balances (whole days) plus the
 * postings of the cursor's own day, never read back from the cursor, so every page is exact.
 */
@Injectable()
export class GeneralLedgerService {
  constructor(
    private readonly db: Database,
    private readonly balances: LedgerBalancesRepository,
  ) {}

  get(
    tenant: TenantContext,
    query: { accountId: string; from: string; to: string; limit?: number; cursor?: string },
  ): Promise<GeneralLedgerPage> {
    const limit = query.limit ?? PAGE_DEFAULT;
    const { companyId } = tenant;
    return this.db.transaction({ companyId }, async (tx) => {
      const account = await this.account(tx, companyId, query.accountId);
      const opening = await this.net(tx, companyId, account.id, BEGINNING, addDays(query.from, -1));
      const closing = opening.plus(await this.net(tx, companyId, account.id, query.from, query.to));
      const position = positionOf(query.cursor);
      let balance = position
        ? opening.plus(await this.before(tx, companyId, account.id, query.from, position))
        : opening;
      const rows = await fetchPostings(
        tx,
        companyId,
        { accountId: account.id, from: query.from, to: query.to },
        position,
        limit + 1,
      );
      const page = rows.slice(0, limit);
      const lines = page.map((row) => {
        balance = balance.plus(row.amount);
        return { row, balance };
      });
      const last = page.at(-1);
      const nextCursor = rows.length > limit && last ? encodeCursor([last.posting_date, last.id]) : null;
      return { account, from: query.from, to: query.to, opening, closing, lines, nextCursor };
    });
  }

  /**
   * The whole range in one snapshot, for the CSV file: the opening balance, then every posting
   * with its running balance in batches, then the closing balance. Memory stays flat.
   */
  export(
    tenant: TenantContext,
    query: { accountId: string; from: string; to: string },
    sink: GeneralLedgerSink,
  ): Promise<void> {
    const { companyId } = tenant;
    return this.db.transaction(
      { companyId },
      async (tx) => {
        const account = await this.account(tx, companyId, query.accountId);
        let balance = await this.net(tx, companyId, account.id, BEGINNING, addDays(query.from, -1));
        await sink.opening(account, balance);
        let after: PostingPosition | undefined;
        for (;;) {
          const filter = { accountId: account.id, from: query.from, to: query.to };
          const rows = await fetchPostings(tx, companyId, filter, after, EXPORT_BATCH);
          if (rows.length > 0)
            await sink.lines(
              account,
              rows.map((row) => {
                balance = balance.plus(row.amount);
                return { row, balance };
              }),
            );
          if (rows.length < EXPORT_BATCH) break;
          const last = rows.at(-1)!;
          after = { date: last.posting_date, id: last.id };
        }
        await sink.closing(account, balance);
      },
      { repeatableRead: true },
    );
  }

  private async account(tx: EntityManager, companyId: string, accountId: string): Promise<LedgerAccount> {
    const [account] = await tx.query<LedgerAccount[]>(
      `SELECT id, number, name FROM accounts WHERE company_id = $1 AND id = $2`,
      [companyId, accountId],
    );
    if (!account) throw new NotFoundError('Account', accountId);
    return account;
  }

  private async net(
    tx: EntityManager,
    companyId: string,
    accountId: string,
    from: string,
    to: string,
  ): Promise<Amount> {
    const sums = (await this.balances.sumsBetween(tx, companyId, from, to, { accountId })).get(accountId);
    return sums ? sums.debit.minus(sums.credit) : new MoneyDecimal(0);
  }

  // Everything from `from` up to and including the cursor's posting: whole days from balances,
  // the cursor's day from its postings.
  private async before(
    tx: EntityManager,
    companyId: string,
    accountId: string,
    from: string,
    position: PostingPosition,
  ): Promise<Amount> {
    const days = await this.net(tx, companyId, accountId, from, addDays(position.date, -1));
    const [sameDay] = await tx.query<[{ total: string | null }]>(
      `SELECT sum(amount) AS total FROM postings
        WHERE company_id = $1 AND account_id = $2 AND posting_date = $3 AND id <= $4`,
      [companyId, accountId, position.date, position.id],
    );
    return days.plus(sameDay.total ?? 0);
  }
}

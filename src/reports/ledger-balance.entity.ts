import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Account } from '../ledger/index.js';

/** `D` one day, `M` one calendar month (bucket = its first day). */
export type BalanceGrain = 'D' | 'M';

/** The dimension value of the rows that hold an account's total over all dimensions. */
export const ALL_DIMENSIONS = '00000000-0000-0000-0000-000000000000';

/**
 * Debit and credit sums per account, day and month, in total and per dimension value,
 * maintained by a trigger on `postings` in the posting's own transaction. Reports read these,
 * so their cost follows accounts and days, not postings: a range is whole months plus at most
 * two partial months of days.
 */
@Entity('ledger_balances')
@Check('ledger_balances_grain_check', `"grain" IN ('D', 'M')`)
export class LedgerBalance {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn({ type: 'char', length: 1 })
  grain: BalanceGrain;

  @PrimaryColumn('uuid')
  dimensionValueId: string;

  @PrimaryColumn('date')
  bucket: string;

  @PrimaryColumn('uuid')
  accountId: string;

  @Column({ type: 'numeric', precision: 19, scale: 4 })
  debit: string;

  /** Positive: the sum of the credit postings' absolute amounts. */
  @Column({ type: 'numeric', precision: 19, scale: 4 })
  credit: string;

  @Column('integer')
  postingCount: number;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'account_id', referencedColumnName: 'id' },
  ])
  account?: Relation<Account>;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Account, DimensionValue, Period } from '../../ledger/index.js';
import { Voucher } from '../voucher.entity.js';

/** An entered line, a VAT line generated from one, or the rounding line of a voucher. */
export type PostingKind = 'entry' | 'vat' | 'rounding';

/**
 * A posting (postering): one debit (positive amount) or credit (negative) on one account, in
 * NOK. Written once, when its voucher is booked; the application role may insert and read
 * postings, never update or delete them, and a statement trigger refuses any insert whose
 * postings do not sum to zero per voucher.
 */
@Entity('postings')
@Index('postings_voucher_line_key', ['companyId', 'voucherId', 'lineNumber'], { unique: true })
@Index('postings_account_date_idx', ['companyId', 'accountId', 'postingDate', 'id'])
@Index('postings_date_idx', ['companyId', 'postingDate', 'id'])
@Check('postings_kind_check', `"kind" IN ('entry', 'vat', 'rounding')`)
@Check('postings_currency_check', `"currency" ~ '^[A-Z]{3}$'`)
export class Posting {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  voucherId: string;

  /** 1, 2, 3... within the voucher, in the order shown. */
  @Column('smallint')
  lineNumber: number;

  @Column('text')
  kind: PostingKind;

  /** For a VAT line: the entered line it was computed from. */
  @Column({ type: 'smallint', nullable: true })
  sourceLineNumber: number | null;

  @Column('date')
  postingDate: string;

  @Column('uuid')
  periodId: string;

  @Column('uuid')
  accountId: string;

  /** NOK; debit positive, credit negative. */
  @Column({ type: 'numeric', precision: 19, scale: 4 })
  amount: string;

  @Column({ type: 'char', length: 3, default: 'NOK' })
  currency: string;

  /** In `currency`; equals `amount` for NOK. */
  @Column({ type: 'numeric', precision: 19, scale: 4 })
  currencyAmount: string;

  /** NOK per unit of `currency`; 1 for NOK. */
  @Column({ type: 'numeric', precision: 19, scale: 8, default: 1 })
  exchangeRate: string;

  @Column({ type: 'text', nullable: true })
  vatCode: string | null;

  /** The rate (percent) the VAT code had on the posting date. */
  @Column({ type: 'numeric', precision: 7, scale: 4, nullable: true })
  vatRate: string | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  /** Values of free dimensions, at most one per dimension. */
  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  dimensionValueIds: string[];

  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  supplierId: string | null;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @ManyToOne(() => Voucher, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'voucher_id', referencedColumnName: 'id' },
  ])
  voucher?: Relation<Voucher>;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'account_id', referencedColumnName: 'id' },
  ])
  account?: Relation<Account>;

  @ManyToOne(() => Period, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'period_id', referencedColumnName: 'id' },
  ])
  period?: Relation<Period>;

  @ManyToOne(() => DimensionValue, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'department_id', referencedColumnName: 'id' },
  ])
  department?: Relation<DimensionValue>;

  @ManyToOne(() => DimensionValue, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'project_id', referencedColumnName: 'id' },
  ])
  project?: Relation<DimensionValue>;
}

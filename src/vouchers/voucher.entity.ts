import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { Actor } from '../common/index.js';
import { FiscalYear } from '../ledger/index.js';
import type { VoucherLineInput } from './voucher-lines.js';
import { VoucherSeries } from './series/voucher-series.entity.js';

export type VoucherStatus = 'draft' | 'booked';

/**
 * A voucher (bilag). A draft keeps its lines as entered and may change or be deleted; booking
 * gives it the next number in its series and fiscal year and writes its postings, after which
 * a database trigger refuses every change to it (DOMAIN.md rule 3).
 */
@Entity('vouchers')
@Check('vouchers_status_check', `"status" IN ('draft', 'booked')`)
@Check(
  'vouchers_booked_check',
  `"status" = 'draft' OR ("number" IS NOT NULL AND "fiscal_year_id" IS NOT NULL AND "booked_at" IS NOT NULL)`,
)
@Index('vouchers_number_key', ['companyId', 'seriesId', 'fiscalYearId', 'number'], { unique: true })
// A voucher is reversed at most once. Partial: on a fresh table without statistics, a full
// index led the planner to scan every voucher of the company to find one by id.
@Index('vouchers_reverses_voucher_id_key', ['companyId', 'reversesVoucherId'], {
  unique: true,
  where: '"reverses_voucher_id" IS NOT NULL',
})
@Index('vouchers_date_idx', ['companyId', 'voucherDate', 'id'])
export class Voucher {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  seriesId: string;

  @Column({ type: 'uuid', nullable: true })
  fiscalYearId: string | null;

  @Column({ type: 'integer', nullable: true })
  number: number | null;

  @Column('text')
  status: VoucherStatus;

  @Column('date')
  voucherDate: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Net amounts (false) or amounts including VAT (true) on the lines with a VAT code. */
  @Column({ type: 'boolean', default: false })
  amountsIncludeVat: boolean;

  /** The lines as entered, kept while the voucher is a draft; booked vouchers have postings. */
  @Column({ type: 'jsonb', nullable: true })
  draftLines: VoucherLineInput[] | null;

  @Column({ type: 'uuid', nullable: true })
  reversesVoucherId: string | null;

  @Column('text')
  createdByKind: Actor['kind'];

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Column({ type: 'text', nullable: true })
  createdByClientId: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdByApiKeyId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  bookedAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @ManyToOne(() => VoucherSeries, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'series_id', referencedColumnName: 'id' },
  ])
  series?: Relation<VoucherSeries>;

  @ManyToOne(() => FiscalYear, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'fiscal_year_id', referencedColumnName: 'id' },
  ])
  fiscalYear?: Relation<FiscalYear>;

  @ManyToOne(() => Voucher, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'reverses_voucher_id', referencedColumnName: 'id' },
  ])
  reversesVoucher?: Relation<Voucher>;
}

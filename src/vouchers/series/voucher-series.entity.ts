import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Company } from '../../companies/index.js';

export const VOUCHER_TYPES = [
  'manual',
  'sales',
  'purchase',
  'bank',
  'pos',
  'payroll',
  'expense',
  'opening_balance',
] as const;
export type VoucherType = (typeof VOUCHER_TYPES)[number];

/** A numbering series (bilagsserie). Numbers run 1, 2, 3... per series and fiscal year. */
@Entity('voucher_series')
@Index('voucher_series_code_key', ['companyId', 'code'], { unique: true })
@Index('voucher_series_voucher_type_key', ['companyId', 'voucherType'], { unique: true })
@Check(
  'voucher_series_voucher_type_check',
  `"voucher_type" IN (${VOUCHER_TYPES.map((type) => `'${type}'`).join(', ')})`,
)
export class VoucherSeries {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  /** Short code shown before the number, e.g. `SAL` in SAL-2026-17. */
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  voucherType: VoucherType;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;
}

import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Company } from '../../companies/index.js';
import { Account } from '../accounts/account.entity.js';

import type { VatDirection, VatRatePeriod } from './standard-vat-codes.js';

export type { VatDirection, VatRatePeriod };

/**
 * A company's VAT code (mva-kode), one per SAF-T standard tax code. The code decides which
 * VAT postings a posting generates, on which accounts, and at which rate on its date.
 */
@Entity('vat_codes')
@Check('vat_codes_direction_check', `"direction" IN ('output', 'input', 'reverse_charge', 'none')`)
export class VatCode {
  @PrimaryColumn('uuid')
  companyId: string;

  /** The SAF-T standard tax code, e.g. `3` (output VAT 25 %). */
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  direction: VatDirection;

  @Column('jsonb')
  rates: VatRatePeriod[];

  /** Output (or reverse-charge payable) VAT posts here; input VAT for `input` codes. */
  @Column({ type: 'uuid', nullable: true })
  vatAccountId: string | null;

  /** Reverse charge: the deductible input VAT posts here. */
  @Column({ type: 'uuid', nullable: true })
  deductionAccountId: string | null;

  @Column({ type: 'boolean', default: true })
  isDeductible: boolean;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'vat_account_id', referencedColumnName: 'id' },
  ])
  vatAccount?: Relation<Account>;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'deduction_account_id', referencedColumnName: 'id' },
  ])
  deductionAccount?: Relation<Account>;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Company } from '../../companies/index.js';

import type { AccountClass, ControlKind } from '../chart/default-chart.js';

export type { AccountClass, ControlKind };

/**
 * An account of a company's chart (kontoplan), numbered per NS 4102. Each maps to a SAF-T
 * standard account and grouping code, so the SAF-T export needs no mapping step. An account
 * that has postings is never deleted, only deactivated.
 */
@Entity('accounts')
@Index('accounts_number_key', ['companyId', 'number'], { unique: true })
@Check('accounts_number_check', `"number" ~ '^[1-8][0-9]{3,5}$'`)
@Check(
  'accounts_account_class_check',
  `"account_class" IN ('asset', 'equity', 'liability', 'revenue', 'expense')`,
)
@Check('accounts_control_kind_check', `"control_kind" IN ('receivable', 'payable')`)
export class Account {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  number: string;

  @Column('text')
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column('text')
  accountClass: AccountClass;

  /** The SAF-T General Ledger Standard Account it maps to (4 characters). */
  @Column('text')
  standardAccountId: string;

  @Column('text')
  groupingCategory: string;

  @Column('text')
  groupingCode: string;

  /** Receivable and payable control accounts take postings only with a customer or supplier. */
  @Column({ type: 'text', nullable: true })
  controlKind: ControlKind | null;

  /** Proposed for postings that name no VAT code; never forced on them. */
  @Column({ type: 'text', nullable: true })
  defaultVatCode: string | null;

  /** VAT accounts themselves: a posting on them carries no VAT code. */
  @Column({ type: 'boolean', default: false })
  isVatLocked: boolean;

  @Column({ type: 'boolean', default: false })
  requiresDepartment: boolean;

  @Column({ type: 'boolean', default: false })
  requiresProject: boolean;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** Bumped on every update; the resource's ETag. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;
}

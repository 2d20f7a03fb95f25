import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Company } from '../../companies/index.js';

/**
 * A client company's engagement of an accounting firm (itself a company here): the firm's
 * owners and accountants work in the client as accountants. Tenant row of the client company.
 */
@Entity('accounting_firm_engagements')
// Row-level security finds a person's firms' engagements by firm.
@Index('accounting_firm_engagements_firm_company_id_idx', ['firmCompanyId'])
export class AccountingFirmEngagement {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  firmCompanyId: string;

  // Copied from the firm at engagement time: the firm's own company row is another tenant's,
  // invisible to the client under row-level security.
  @Column({ type: 'char', length: 9 })
  firmOrganizationNumber: string;

  @Column('text')
  firmName: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** Who engaged the firm: `user:<id>`, `client:<id>` or `api_key:<id>`. */
  @Column('text')
  createdBy: string;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'firm_company_id' })
  firmCompany?: Relation<Company>;
}

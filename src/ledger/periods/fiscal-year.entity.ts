import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Company } from '../../companies/index.js';

/** A fiscal year (regnskapsår): twelve monthly periods; voucher numbers restart in each. */
@Entity('fiscal_years')
@Index('fiscal_years_start_date_key', ['companyId', 'startDate'], { unique: true })
@Check('fiscal_years_dates_check', '"end_date" > "start_date"')
export class FiscalYear {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('date')
  startDate: string;

  @Column('date')
  endDate: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;
}

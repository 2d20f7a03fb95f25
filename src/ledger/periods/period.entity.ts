import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { FiscalYear } from './fiscal-year.entity.js';

/**
 * An accounting period (regnskapsperiode), one month. Only an open period takes postings;
 * closing and locking stop them, and reopening needs the `periods:reopen` scope.
 */
export type PeriodStatus = 'open' | 'closed' | 'locked';

@Entity('periods')
@Index('periods_start_date_key', ['companyId', 'startDate'], { unique: true })
@Index('periods_fiscal_year_number_key', ['companyId', 'fiscalYearId', 'number'], { unique: true })
@Check('periods_status_check', `"status" IN ('open', 'closed', 'locked')`)
@Check('periods_dates_check', '"end_date" >= "start_date"')
export class Period {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  fiscalYearId: string;

  /** 1 to 12 within the fiscal year. */
  @Column('smallint')
  number: number;

  @Column('date')
  startDate: string;

  @Column('date')
  endDate: string;

  @Column({ type: 'text', default: 'open' })
  status: PeriodStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @ManyToOne(() => FiscalYear, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'fiscal_year_id', referencedColumnName: 'id' },
  ])
  fiscalYear?: Relation<FiscalYear>;
}

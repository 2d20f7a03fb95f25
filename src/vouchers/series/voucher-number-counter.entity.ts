import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { FiscalYear } from '../../ledger/index.js';
import { VoucherSeries } from './voucher-series.entity.js';

/**
 * The last number given in a series and fiscal year. Booking increments it inside the booking
 * transaction: the row lock orders concurrent bookings, and a rollback gives the number back,
 * so numbers have no gaps (DOMAIN.md rule 4).
 */
@Entity('voucher_number_counters')
export class VoucherNumberCounter {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  seriesId: string;

  @PrimaryColumn('uuid')
  fiscalYearId: string;

  @Column('integer')
  lastNumber: number;

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
}

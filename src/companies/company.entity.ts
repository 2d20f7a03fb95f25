import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type CompanyEnvironment = 'live' | 'test';

/** A client company keeping its books here: the tenant. Its `id` is every tenant row's `company_id`. */
@Entity('companies')
@Check('companies_fiscal_year_start_month_check', '"fiscal_year_start_month" BETWEEN 1 AND 12')
@Check('companies_environment_check', `"environment" IN ('live', 'test')`)
// Live companies are unique by organisation number; test (sandbox) companies may repeat one.
@Index('companies_live_organization_number_key', ['organizationNumber'], {
  unique: true,
  where: `"environment" = 'live'`,
})
export class Company {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 9 })
  organizationNumber: string;

  @Column('text')
  name: string;

  @Column({ type: 'char', length: 3, default: 'NOK' })
  baseCurrency: string;

  @Column({ type: 'smallint', default: 1 })
  fiscalYearStartMonth: number;

  @Column('text')
  environment: CompanyEnvironment;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** Bumped on every update; the resource's ETag. */
  @Column({ type: 'integer', default: 1 })
  version: number;
}

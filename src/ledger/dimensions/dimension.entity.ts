import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Company } from '../../companies/index.js';

export type DimensionKind = 'department' | 'project' | 'free';

/**
 * A way to slice the ledger: the built-in department (avdeling) and project (prosjekt)
 * dimensions that every company has, and free dimensions a company adds.
 */
@Entity('dimensions')
@Check('dimensions_kind_check', `"kind" IN ('department', 'project', 'free')`)
// One department and one project dimension per company; any number of free ones.
@Index('dimensions_builtin_kind_key', ['companyId', 'kind'], { unique: true, where: `"kind" <> 'free'` })
@Index('dimensions_name_key', ['companyId', 'name'], { unique: true })
export class Dimension {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: DimensionKind;

  @Column('text')
  name: string;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;
}

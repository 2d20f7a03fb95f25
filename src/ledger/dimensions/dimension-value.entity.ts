import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Dimension } from './dimension.entity.js';

/** One value of a dimension: a department, a project, a value of a free dimension. */
@Entity('dimension_values')
@Index('dimension_values_code_key', ['companyId', 'dimensionId', 'code'], { unique: true })
export class DimensionValue {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  dimensionId: string;

  /** The company's own short code, e.g. `100` or `SALG`. */
  @Column('text')
  code: string;

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

  @ManyToOne(() => Dimension, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'dimension_id', referencedColumnName: 'id' },
  ])
  dimension?: Relation<Dimension>;
}

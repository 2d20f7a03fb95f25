import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Company } from '../companies/index.js';
import { User } from './user.entity.js';

export const MEMBERSHIP_ROLES = ['owner', 'accountant', 'approver', 'employee', 'viewer'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** A person's role in one company. Tenant row: keyed by company first. */
@Entity('memberships')
@Check('memberships_role_check', `"role" IN ('owner', 'accountant', 'approver', 'employee', 'viewer')`)
export class Membership {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @Column('text')
  role: MembershipRole;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Company>;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}

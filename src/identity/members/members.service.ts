import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '../../audit/index.js';
import { ConflictError, NotFoundError, type TenantContext } from '../../common/index.js';
import { Database } from '../../database/index.js';
import { EventOutbox } from '../../events/index.js';
import { Membership, type MembershipRole } from '../membership.entity.js';
import { User } from '../user.entity.js';
import { MEMBER_ADDED, MEMBER_REMOVED, MEMBER_UPDATED } from './member.events.js';
import { LastOwnerError, NoAccountWithEmailError } from './members.errors.js';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: MembershipRole;
  via: 'direct';
}

const MEMBERS_SQL = `
  SELECT m.user_id, u.email, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id
   WHERE m.company_id = $1`;

type MemberRow = { user_id: string; email: string; name: string; role: MembershipRole };

function toMember(row: MemberRow): Member {
  return { userId: row.user_id, email: row.email, name: row.name, role: row.role, via: 'direct' };
}

/**
 * The people of a company and their roles. A changed or removed role takes effect on the
 * person's next request: the access guard reads the role on every request. Every change is
 * audited and published (the event carries the member as GET returns them).
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
  ) {}

  list(tenant: TenantContext): Promise<Member[]> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const rows: MemberRow[] = await tx.query(`${MEMBERS_SQL} ORDER BY m.created_at, m.user_id`, [
        tenant.companyId,
      ]);
      return rows.map(toMember);
    });
  }

  get(tenant: TenantContext, userId: string): Promise<Member> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) =>
      this.getIn(tx, tenant.companyId, userId),
    );
  }

  add(tenant: TenantContext, input: { email: string; role: MembershipRole }): Promise<Member> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const user = await tx
        .getRepository(User)
        .createQueryBuilder('user')
        .where('lower(user.email) = lower(:email)', { email: input.email.trim() })
        .getOne();
      if (!user) throw new NoAccountWithEmailError();
      const memberships = tx.getRepository(Membership);
      if (await memberships.existsBy({ companyId: tenant.companyId, userId: user.id })) {
        throw new ConflictError('This person is a member of the company already.');
      }
      await memberships.insert({ companyId: tenant.companyId, userId: user.id, role: input.role });
      const member = await this.getIn(tx, tenant.companyId, user.id);
      await this.outbox.add(tx, tenant.companyId, MEMBER_ADDED, member);
      await this.audit.record(tx, tenant, {
        action: MEMBER_ADDED.type,
        resourceType: 'member',
        resourceId: user.id,
        details: { email: user.email, role: input.role },
      });
      return member;
    });
  }

  update(tenant: TenantContext, userId: string, input: { role?: MembershipRole }): Promise<Member> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const owners = await this.lockOwners(tx, tenant.companyId);
      const member = await this.getIn(tx, tenant.companyId, userId);
      if (input.role === undefined || input.role === member.role) return member;
      if (member.role === 'owner' && owners.length === 1) throw new LastOwnerError('demoted');
      await tx
        .getRepository(Membership)
        .update({ companyId: tenant.companyId, userId }, { role: input.role });
      const updated: Member = { ...member, role: input.role };
      await this.outbox.add(tx, tenant.companyId, MEMBER_UPDATED, updated);
      await this.audit.record(tx, tenant, {
        action: 'member.role_changed',
        resourceType: 'member',
        resourceId: userId,
        details: { from: member.role, to: input.role },
      });
      return updated;
    });
  }

  remove(tenant: TenantContext, userId: string): Promise<void> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const owners = await this.lockOwners(tx, tenant.companyId);
      const member = await this.getIn(tx, tenant.companyId, userId);
      if (member.role === 'owner' && owners.length === 1) throw new LastOwnerError('removed');
      await tx.getRepository(Membership).delete({ companyId: tenant.companyId, userId });
      await this.outbox.add(tx, tenant.companyId, MEMBER_REMOVED, member);
      await this.audit.record(tx, tenant, {
        action: 'member.removed',
        resourceType: 'member',
        resourceId: userId,
        details: { email: member.email, role: member.role },
      });
    });
  }

  // Locking the owners serialises changes that could leave none: of two concurrent demotions
  // of the last two owners, the second waits and then counts one.
  private async lockOwners(tx: EntityManager, companyId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await tx.query(
      `SELECT user_id FROM memberships WHERE company_id = $1 AND role = 'owner' FOR UPDATE`,
      [companyId],
    );
    return rows.map((row) => row.user_id);
  }

  private async getIn(tx: EntityManager, companyId: string, userId: string): Promise<Member> {
    const rows: MemberRow[] = await tx.query(`${MEMBERS_SQL} AND m.user_id = $2`, [companyId, userId]);
    if (rows.length === 0) throw new NotFoundError('member', userId);
    return toMember(rows[0]);
  }
}

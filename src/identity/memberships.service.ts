import { Injectable } from '@nestjs/common';
import { Database } from '../database/index.js';
import { Membership, type MembershipRole } from './membership.entity.js';

@Injectable()
export class MembershipsService {
  constructor(private readonly db: Database) {}

  /** The person's current role in the company, or undefined when they have none. */
  async roleOf(companyId: string, userId: string): Promise<MembershipRole | undefined> {
    const membership = await this.db.transaction({ companyId }, (tx) =>
      tx.getRepository(Membership).findOneBy({ companyId, userId }),
    );
    return membership?.role;
  }
}

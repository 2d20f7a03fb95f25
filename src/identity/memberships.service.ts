import { Injectable } from '@nestjs/common';
import { Database } from '../database/index.js';
import { roleIn } from './company-access.js';
import type { MembershipRole } from './membership.entity.js';

@Injectable()
export class MembershipsService {
  constructor(private readonly db: Database) {}

  /**
   * The person's current role in the company, direct or through an accounting firm, or
   * undefined when they have none. Naming the person too lets row-level security show their
   * membership of the firm.
   */
  async roleOf(companyId: string, userId: string): Promise<MembershipRole | undefined> {
    return this.db.transaction({ companyId, userId }, (tx) => roleIn(tx, companyId, userId));
  }
}

import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Company } from '../../companies/index.js';
import { Database } from '../../database/index.js';
import {
  ResourceOwnerDirectory,
  type GrantableCompany,
  type PasswordCheck,
  type ResourceOwnerProfile,
} from '../../oauth/index.js';
import { accessOf } from '../company-access.js';
import { User } from '../user.entity.js';
import { PasswordSignInService } from './password-sign-in.service.js';

/** The identity context's side of the authorization pages: who the person is, what they may grant. */
@Injectable()
export class IdentityResourceOwnerDirectory extends ResourceOwnerDirectory {
  constructor(
    private readonly db: Database,
    private readonly passwords: PasswordSignInService,
  ) {
    super();
  }

  checkPassword(email: string, password: string): Promise<PasswordCheck> {
    return this.passwords.checkPassword(email, password);
  }

  // Naming the person lets row-level security show their own memberships, those of the firms
  // they belong to, and the companies they give access to.
  profile(userId: string): Promise<ResourceOwnerProfile | undefined> {
    return this.db.transaction({ userId }, async (tx) => {
      const user = await tx.getRepository(User).findOneBy({ id: userId });
      if (!user) return undefined;
      const access = await accessOf(tx, userId);
      const companies = await tx
        .getRepository(Company)
        .findBy({ id: In(access.map((row) => row.companyId)) });
      const byId = new Map(companies.map((company) => [company.id, company]));
      const grantable: GrantableCompany[] = access
        .flatMap(({ companyId, role }) => {
          const company = byId.get(companyId);
          return company
            ? [{ id: company.id, name: company.name, organizationNumber: company.organizationNumber, role }]
            : [];
        })
        .sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id));
      return { userId, name: user.name, email: user.email, companies: grantable };
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ConflictError,
  etagOf,
  NotFoundError,
  PreconditionFailedError,
  type TenantContext,
} from '../common/index.js';
import { AuditLog } from '../audit/index.js';
import { Database, isUniqueViolation } from '../database/index.js';
import { EventOutbox } from '../events/index.js';
import { Company, type CompanyEnvironment } from './company.entity.js';
import { COMPANY_UPDATED } from './company.events.js';
import { toCompanyResponse } from './company.mapper.js';
import { CompanySetup } from './company-setup.js';

export interface NewCompany {
  id: string;
  organizationNumber: string;
  name: string;
  environment: CompanyEnvironment;
}

export interface CompanyChanges {
  name?: string;
  fiscalYearStartMonth?: number;
}

@Injectable()
export class CompaniesService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly setup: CompanySetup,
    private readonly outbox: EventOutbox,
  ) {}

  /** Inside the caller's transaction, which must act for `company.id`. */
  async createIn(tx: EntityManager, company: NewCompany): Promise<Company> {
    try {
      await tx.getRepository(Company).insert({ ...company, baseCurrency: 'NOK', fiscalYearStartMonth: 1 });
    } catch (error) {
      if (isUniqueViolation(error, 'companies_live_organization_number_key')) {
        throw new ConflictError(
          `A live company with organisation number ${company.organizationNumber} exists already.`,
        );
      }
      throw error;
    }
    const created = await tx.getRepository(Company).findOneByOrFail({ id: company.id });
    await this.setup.runIn(tx, created);
    return created;
  }

  get(tenant: TenantContext): Promise<Company> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) => this.getIn(tx, tenant.companyId));
  }

  /** With `expectedVersion` (from If-Match), only if nobody has changed the company since. */
  update(tenant: TenantContext, changes: CompanyChanges, expectedVersion?: number): Promise<Company> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      // Locked, so no concurrent update slips in between the version check and the write.
      const company = await this.getIn(tx, tenant.companyId, true);
      if (expectedVersion !== undefined && company.version !== expectedVersion) {
        throw new PreconditionFailedError('company', etagOf(company.version));
      }
      await tx
        .getRepository(Company)
        .update({ id: company.id }, { ...changes, updatedAt: () => 'now()', version: () => 'version + 1' });
      const updated = await this.getIn(tx, tenant.companyId);
      await this.outbox.add(tx, tenant.companyId, COMPANY_UPDATED, toCompanyResponse(updated));
      await this.audit.record(tx, tenant, {
        action: COMPANY_UPDATED.type,
        resourceType: 'company',
        resourceId: company.id,
        details: { changes },
      });
      return updated;
    });
  }

  private async getIn(tx: EntityManager, companyId: string, forUpdate = false): Promise<Company> {
    const company = await tx.getRepository(Company).findOne({
      where: { id: companyId },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!company) throw new NotFoundError('company', companyId);
    return company;
  }
}

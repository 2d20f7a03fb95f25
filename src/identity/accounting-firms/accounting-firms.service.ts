import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '../../audit/index.js';
import {
  type Actor,
  ConflictError,
  DomainError,
  NotFoundError,
  type TenantContext,
} from '../../common/index.js';
import { Database, isUniqueViolation } from '../../database/index.js';
import { AccountingFirmEngagement } from './accounting-firm-engagement.entity.js';

export class AccountingFirmNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(organizationNumber: string) {
    super(`No live company with organisation number ${organizationNumber} is on Hovedbok.`);
  }
}

interface FirmCompany {
  id: string;
  organization_number: string;
  name: string;
}

function actorText(actor: Actor): string {
  const id = actor.kind === 'user' ? actor.userId : actor.kind === 'client' ? actor.clientId : actor.apiKeyId;
  return `${actor.kind}:${id ?? ''}`;
}

/**
 * A client company's accounting firms. Engaging one gives the firm's owners and accountants
 * the accountant role here (the `company_access` view); ending it takes that away on their
 * next request, since roles are read on every request.
 */
@Injectable()
export class AccountingFirmsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  list(tenant: TenantContext): Promise<AccountingFirmEngagement[]> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) =>
      tx.getRepository(AccountingFirmEngagement).find({
        where: { companyId: tenant.companyId },
        order: { createdAt: 'ASC', firmCompanyId: 'ASC' },
      }),
    );
  }

  get(tenant: TenantContext, firmCompanyId: string): Promise<AccountingFirmEngagement> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) =>
      this.getIn(tx, tenant.companyId, firmCompanyId),
    );
  }

  engage(tenant: TenantContext, organizationNumber: string): Promise<AccountingFirmEngagement> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      // The firm is another tenant: found through the one definer function that answers only
      // a live company's id, number and name.
      const [firm]: FirmCompany[] = await tx.query(
        `SELECT id, organization_number, name FROM live_company_by_organization_number($1)`,
        [organizationNumber],
      );
      if (!firm) throw new AccountingFirmNotFoundError(organizationNumber);
      if (firm.id === tenant.companyId)
        throw new ConflictError('A company cannot engage itself as its accounting firm.');
      const engagement = tx.getRepository(AccountingFirmEngagement).create({
        companyId: tenant.companyId,
        firmCompanyId: firm.id,
        firmOrganizationNumber: firm.organization_number,
        firmName: firm.name,
        createdBy: actorText(tenant.actor),
      });
      await tx
        .getRepository(AccountingFirmEngagement)
        .insert(engagement)
        .catch((error: unknown) => {
          if (isUniqueViolation(error, 'accounting_firm_engagements_pkey'))
            throw new ConflictError('This accounting firm is engaged already.');
          throw error;
        });
      await this.audit.record(tx, tenant, {
        action: 'accounting_firm.engaged',
        resourceType: 'accounting_firm',
        resourceId: firm.id,
        details: { organizationNumber: firm.organization_number, name: firm.name },
      });
      return this.getIn(tx, tenant.companyId, firm.id);
    });
  }

  disengage(tenant: TenantContext, firmCompanyId: string): Promise<void> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const engagement = await this.getIn(tx, tenant.companyId, firmCompanyId);
      await tx.getRepository(AccountingFirmEngagement).delete({ companyId: tenant.companyId, firmCompanyId });
      await this.audit.record(tx, tenant, {
        action: 'accounting_firm.disengaged',
        resourceType: 'accounting_firm',
        resourceId: firmCompanyId,
        details: { organizationNumber: engagement.firmOrganizationNumber, name: engagement.firmName },
      });
    });
  }

  private async getIn(
    tx: EntityManager,
    companyId: string,
    firmCompanyId: string,
  ): Promise<AccountingFirmEngagement> {
    const engagement = await tx
      .getRepository(AccountingFirmEngagement)
      .findOneBy({ companyId, firmCompanyId });
    if (!engagement) throw new NotFoundError('accounting firm', firmCompanyId);
    return engagement;
  }
}

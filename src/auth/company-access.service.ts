import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { CompanyRequiredError, NotFoundError, type Scope, type TenantContext } from '../common/index.js';
import { MembershipsService, ROLE_SCOPES } from '../identity/index.js';
import type { VerifiedApiKey } from '../api-keys/index.js';
import type { VerifiedAccessToken } from '../oauth/index.js';
import type { BearerCredentials } from './bearer.strategy.js';

/** The header that names the company when a token covers several. */
export const COMPANY_HEADER = 'Hovedbok-Company';

/**
 * Decides which company a request acts on and what it may do there. A company the token does
 * not cover is "not found", never "forbidden": nobody learns which companies exist.
 */
@Injectable()
export class CompanyAccessService {
  constructor(private readonly memberships: MembershipsService) {}

  async resolve(
    credentials: BearerCredentials,
    requested: string | undefined,
    requestId: string,
  ): Promise<TenantContext> {
    return 'apiKeyId' in credentials
      ? this.resolveApiKey(credentials, requested, requestId)
      : this.resolveAccessToken(credentials, requested, requestId);
  }

  // A key belongs to one company and needs no header; naming another company is a 404 like
  // any other company the credentials do not cover.
  private resolveApiKey(
    key: VerifiedApiKey,
    requested: string | undefined,
    requestId: string,
  ): TenantContext {
    return {
      companyId: this.pickCompany([key.companyId], requested),
      scopes: new Set(key.scopes),
      requestId,
      actor: { kind: 'api_key', apiKeyId: key.apiKeyId },
    };
  }

  private async resolveAccessToken(
    grant: VerifiedAccessToken,
    requested: string | undefined,
    requestId: string,
  ): Promise<TenantContext> {
    const companyId = this.pickCompany(grant.companyIds, requested);
    let scopes = new Set<Scope>(grant.scopes);
    if (grant.userId) {
      const role = await this.memberships.roleOf(companyId, grant.userId);
      if (!role) throw new NotFoundError('company', companyId);
      scopes = new Set(grant.scopes.filter((scope) => ROLE_SCOPES[role].has(scope)));
    }
    return {
      companyId,
      scopes,
      requestId,
      actor: grant.userId
        ? { kind: 'user', userId: grant.userId, clientId: grant.clientId }
        : { kind: 'client', clientId: grant.clientId },
    };
  }

  private pickCompany(covered: string[], requested: string | undefined): string {
    if (requested !== undefined) {
      if (!isUUID(requested) || !covered.includes(requested)) throw new NotFoundError('company', requested);
      return requested;
    }
    if (covered.length !== 1) throw new CompanyRequiredError(covered.length);
    return covered[0];
  }
}

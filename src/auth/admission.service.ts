import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ApiKeysService, type PresentedApiKey } from '../api-keys/index.js';
import {
  hashSecret,
  InsufficientScopeError,
  InvalidTokenError,
  NotFoundError,
  type Scope,
  type TenantContext,
} from '../common/index.js';
import { MEMBERSHIP_ROLES, ROLE_SCOPES } from '../identity/index.js';
import type { VerifiedAccessToken } from '../oauth/index.js';
import {
  RateLimitsService,
  type RateLimitTally,
  type TenantAdmission,
  type TenantCountPlan,
} from '../rate-limits/index.js';
import { AdmissionRepository } from './admission.repository.js';
import type { BearerCredentials } from './bearer.strategy.js';
import { chooseCompany } from './company-choice.js';

/** What the guard asks about one request: the credentials, the company header, the scope. */
export interface AdmissionRequest {
  req: Request;
  credentials: BearerCredentials;
  requestedCompany: string | undefined;
  scope: Scope;
  requestId: string;
}

/**
 * Admits an authenticated request, or refuses it: decides which company it acts on and what it
 * may do there, from the credentials and what the database says about them now (a revoked
 * token or key, a removed role take effect on the next request), and counts it against the
 * rate limit, all in one statement (AdmissionRepository). The checks run in the order their
 * errors take precedence: invalid credentials (401), the company (404, or 400 when a token
 * covering several names none), the scope (403).
 */
@Injectable()
export class AdmissionService {
  constructor(
    private readonly repository: AdmissionRepository,
    private readonly apiKeys: ApiKeysService,
    private readonly rateLimits: RateLimitsService,
  ) {}

  admit(request: AdmissionRequest): Promise<TenantContext> {
    const { credentials } = request;
    return credentials.kind === 'api_key'
      ? this.admitApiKey(request, credentials.key)
      : this.admitAccessToken(request, credentials.grant);
  }

  private admitAccessToken(request: AdmissionRequest, grant: VerifiedAccessToken): Promise<TenantContext> {
    const { requestedCompany, scope } = request;
    let companyId: string | undefined;
    let companyError: unknown;
    try {
      companyId = chooseCompany(grant.companyIds, requestedCompany);
    } catch (error) {
      companyError = error;
    }
    const actor = grant.userId
      ? { kind: 'user' as const, userId: grant.userId, clientId: grant.clientId }
      : { kind: 'client' as const, clientId: grant.clientId };
    return this.rateLimits.admitOnce(request.req, { actor, companyId }, async (plan) => {
      const checked = await this.repository.checkAccessToken({
        jti: grant.jti,
        companyId,
        userId: grant.userId,
        allowsRequest: companyId !== undefined && grant.scopes.includes(scope),
        permittingRoles: MEMBERSHIP_ROLES.filter((role) => ROLE_SCOPES[role].has(scope)),
        count:
          plan && companyId !== undefined ? { ...plan, bucketKey: plan.bucketPrefix + companyId } : undefined,
      });
      return agreeing(checked.tally, () => {
        if (checked.revoked) throw new InvalidTokenError('the token has been revoked');
        if (companyId === undefined) throw companyError;
        let scopes = new Set<Scope>(grant.scopes);
        if (grant.userId) {
          if (!checked.role) throw new NotFoundError('company', companyId);
          const allowed = ROLE_SCOPES[checked.role];
          scopes = new Set(grant.scopes.filter((granted) => allowed.has(granted)));
        }
        const tenant = { companyId, scopes, requestId: request.requestId, actor };
        return admitted(tenant, scope, checked.tally);
      });
    });
  }

  // A key belongs to one company and needs no header; naming another company is a 404 like
  // any other company the credentials do not cover.
  private admitApiKey(request: AdmissionRequest, presented: PresentedApiKey): Promise<TenantContext> {
    const { requestedCompany, scope } = request;
    const actor = { kind: 'api_key' as const, apiKeyId: presented.id };
    return this.rateLimits.admitOnce(request.req, { actor }, async (plan: TenantCountPlan | undefined) => {
      const found = await this.repository.checkApiKey({
        id: presented.id,
        environment: presented.environment,
        secretHash: hashSecret(presented.token),
        requestedCompany,
        scope,
        count: plan,
      });
      const tally = found?.tally ?? null;
      const key = agreeing(tally, () => this.apiKeys.accept(presented, found?.stored));
      await this.apiKeys.noteUse(key, found?.stored.lastUsedAt ?? null);
      return agreeing(tally, () => {
        const companyId = chooseCompany([key.companyId], requestedCompany);
        const tenant = { companyId, scopes: new Set(key.scopes), requestId: request.requestId, actor };
        return admitted(tenant, scope, tally);
      });
    });
  }
}

// The statement counts a request (returns a tally) only when it admits it, under the same
// conditions as the code here; should the two ever disagree, fail loudly rather than keep a
// refused request's count.
function agreeing<T>(tally: RateLimitTally | null | undefined, decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (tally)
      throw new Error(`the admission statement counted a request the guard refused: ${String(error)}`, {
        cause: error,
      });
    throw error;
  }
}

function admitted(
  tenant: TenantContext,
  scope: Scope,
  tally: TenantAdmission<TenantContext>['tally'],
): TenantAdmission<TenantContext> {
  if (!tenant.scopes.has(scope)) throw new InsufficientScopeError(scope);
  return { result: tenant, companyId: tenant.companyId, tally };
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  hashSecret,
  InvalidTokenError,
  isScope,
  newId,
  newSecret,
  NotFoundError,
  secretMatches,
  type Scope,
  type TenantContext,
} from '../common/index.js';
import { AuditLog } from '../audit/index.js';
import { CompaniesService, type CompanyEnvironment } from '../companies/index.js';
import { Database } from '../database/index.js';
import { EventOutbox } from '../events/index.js';
import { apiKeyPrefix, type PresentedApiKey } from './api-key-format.js';
import { ApiKey } from './api-key.entity.js';
import { API_KEY_CREATED, API_KEY_REVOKED } from './api-key.events.js';
import { toApiKeyResponse } from './api-key.mapper.js';
import { ScopeBeyondCreatorError } from './api-keys.errors.js';

export interface CreateApiKeyInput {
  name: string;
  scopes: Scope[];
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** The whole key, shown once at creation; only its hash is kept. */
  key: string;
}

/** What the database holds about a key that authentication needs. */
export interface StoredApiKey {
  companyId: string;
  environment: CompanyEnvironment;
  scopes: string[];
  secretHash: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** What a valid API key grants: one company, the key's scopes. */
export interface VerifiedApiKey {
  apiKeyId: string;
  companyId: string;
  scopes: Scope[];
}

const LAST_USED_RESOLUTION_MS = 60_000;

// The presented key is the stored one: same environment, and its hash (compared in constant time).
function isAcceptable(presented: PresentedApiKey, stored: StoredApiKey): boolean {
  return stored.environment === presented.environment && secretMatches(presented.token, stored.secretHash);
}

/** Restricted API keys: made, listed and revoked by a company; verified on every request. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: Database,
    private readonly companies: CompaniesService,
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
  ) {}

  async create(tenant: TenantContext, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const beyond = input.scopes.find((scope) => !tenant.scopes.has(scope));
    if (beyond) throw new ScopeBeyondCreatorError(beyond);
    // A key's environment is its company's, which never changes once the company exists.
    const { environment } = await this.companies.get(tenant);
    const id = newId();
    const key = newSecret(apiKeyPrefix(environment, id));
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const { actor } = tenant;
      await tx.getRepository(ApiKey).insert({
        companyId: tenant.companyId,
        id,
        name: input.name,
        environment,
        scopes: input.scopes,
        secretHash: hashSecret(key),
        createdByKind: actor.kind,
        createdByUserId: actor.userId ?? null,
        createdByClientId: actor.clientId ?? null,
        createdByApiKeyId: actor.apiKeyId ?? null,
      });
      const apiKey = await this.getIn(tx, tenant.companyId, id);
      await this.outbox.add(tx, tenant.companyId, API_KEY_CREATED, toApiKeyResponse(apiKey));
      await this.audit.record(tx, tenant, {
        action: API_KEY_CREATED.type,
        resourceType: 'api_key',
        resourceId: id,
        details: { name: input.name, environment, scopes: input.scopes },
      });
      return { apiKey, key };
    });
  }

  list(tenant: TenantContext): Promise<ApiKey[]> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) =>
      tx.getRepository(ApiKey).find({
        where: { companyId: tenant.companyId },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    );
  }

  get(tenant: TenantContext, id: string): Promise<ApiKey> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) => this.getIn(tx, tenant.companyId, id));
  }

  /** Revoked keys are refused from the next request on. Revoking twice changes nothing. */
  revoke(tenant: TenantContext, id: string): Promise<ApiKey> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const apiKey = await this.getIn(tx, tenant.companyId, id);
      if (apiKey.revokedAt !== null) return apiKey;
      await tx
        .getRepository(ApiKey)
        .update({ companyId: apiKey.companyId, id: apiKey.id }, { revokedAt: () => 'now()' });
      const revoked = await this.getIn(tx, tenant.companyId, id);
      await this.outbox.add(tx, tenant.companyId, API_KEY_REVOKED, toApiKeyResponse(revoked));
      await this.audit.record(tx, tenant, {
        action: API_KEY_REVOKED.type,
        resourceType: 'api_key',
        resourceId: id,
        details: { name: apiKey.name },
      });
      return revoked;
    });
  }

  /**
   * The grant of a presented key, given what the database holds under its id (`stored`, found
   * by the guard's one statement per request, see src/auth); InvalidTokenError when it is
   * unknown, has a wrong secret or is revoked, without saying which of the first two it was.
   */
  accept(presented: PresentedApiKey, stored: StoredApiKey | undefined): VerifiedApiKey {
    if (!stored || !isAcceptable(presented, stored)) throw new InvalidTokenError('the API key is not valid');
    if (stored.revokedAt) throw new InvalidTokenError('the API key has been revoked');
    return { apiKeyId: presented.id, companyId: stored.companyId, scopes: stored.scopes.filter(isScope) };
  }

  /**
   * Records that an accepted key was used. At most one write a minute per key: the check on
   * the row just read skips the write on most requests, and the condition in the UPDATE keeps
   * concurrent requests from repeating it.
   */
  async noteUse(key: VerifiedApiKey, lastUsedAt: Date | null): Promise<void> {
    if (lastUsedAt && Date.now() - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    await this.db.statement(
      { companyId: key.companyId },
      `UPDATE api_keys SET last_used_at = now()
        WHERE company_id = $1::uuid AND id = $2::uuid
          AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [key.companyId, key.apiKeyId],
    );
  }

  private async getIn(tx: EntityManager, companyId: string, id: string): Promise<ApiKey> {
    const apiKey = await tx.getRepository(ApiKey).findOneBy({ companyId, id });
    if (!apiKey) throw new NotFoundError('API key', id);
    return apiKey;
  }
}

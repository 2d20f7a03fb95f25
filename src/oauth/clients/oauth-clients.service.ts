import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import {
  hashSecret,
  newId,
  newSecret,
  NotFoundError,
  secretMatches,
  type Scope,
  type TenantContext,
} from '../../common/index.js';
import { AuditLog, type AuditContext } from '../../audit/index.js';
import { Database } from '../../database/index.js';
import { EventOutbox } from '../../events/index.js';
import { OAuthClient, type OAuthClientType } from '../entities/oauth-client.entity.js';
import { API_CLIENT_CREATED, API_CLIENT_REVOKED } from './api-client.events.js';
import { toApiClientResponse } from './api-client.mapper.js';

export interface RegisterClientInput {
  name: string;
  type: OAuthClientType;
  redirectUris: string[];
  scopes: Scope[];
}

export interface RegisteredClient {
  client: OAuthClient;
  /** Shown once, at registration; only its hash is kept. */
  clientSecret?: string;
}

const CLIENT_ID_PREFIX = 'hbc_';
const CLIENT_SECRET_PREFIX = 'hbcs_';

/** Registration and authentication of the applications that call the API. */
@Injectable()
export class OAuthClientsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
  ) {}

  register(tenant: TenantContext, input: RegisterClientInput): Promise<RegisteredClient> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const registered = await this.registerIn(tx, tenant.companyId, input, tenant.actor.userId ?? null);
      await this.outbox.add(tx, tenant.companyId, API_CLIENT_CREATED, toApiClientResponse(registered.client));
      await this.recordRegistered(tx, tenant, registered.client);
      return registered;
    });
  }

  /** Audits a registration; sign-up calls it too, for the client it registers with registerIn. */
  recordRegistered(tx: EntityManager, context: AuditContext, client: OAuthClient): Promise<void> {
    return this.audit.record(tx, context, {
      action: 'api_client.registered',
      resourceType: 'api_client',
      resourceId: client.id,
      details: { clientId: client.clientId, name: client.name, type: client.type, scopes: client.scopes },
    });
  }

  /** Also used by sign-up, inside its transaction, to give a new company its first client. */
  async registerIn(
    tx: EntityManager,
    companyId: string,
    input: RegisterClientInput,
    createdByUserId: string | null,
  ): Promise<RegisteredClient> {
    const clientSecret = input.type === 'confidential' ? newSecret(CLIENT_SECRET_PREFIX) : undefined;
    const client = tx.getRepository(OAuthClient).create({
      companyId,
      id: newId(),
      clientId: `${CLIENT_ID_PREFIX}${newId().replaceAll('-', '')}`,
      name: input.name,
      type: input.type,
      secretHash: clientSecret ? hashSecret(clientSecret) : null,
      redirectUris: input.redirectUris,
      scopes: input.scopes,
      createdByUserId,
      revokedAt: null,
    });
    await tx.getRepository(OAuthClient).insert(client);
    return {
      client: await tx.getRepository(OAuthClient).findOneByOrFail({ companyId, id: client.id }),
      clientSecret,
    };
  }

  list(tenant: TenantContext): Promise<OAuthClient[]> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) =>
      tx
        .getRepository(OAuthClient)
        .find({ where: { companyId: tenant.companyId }, order: { createdAt: 'ASC' } }),
    );
  }

  get(tenant: TenantContext, id: string): Promise<OAuthClient> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) => this.getIn(tx, tenant.companyId, id));
  }

  revoke(tenant: TenantContext, id: string): Promise<OAuthClient> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const client = await this.getIn(tx, tenant.companyId, id);
      if (client.revokedAt === null) {
        client.revokedAt = new Date();
        await tx
          .getRepository(OAuthClient)
          .update({ companyId: client.companyId, id: client.id }, { revokedAt: client.revokedAt });
        // The row as written: revokedAt is stored to the millisecond, as GET will return it.
        await this.outbox.add(tx, tenant.companyId, API_CLIENT_REVOKED, toApiClientResponse(client));
        await this.audit.record(tx, tenant, {
          action: 'api_client.revoked',
          resourceType: 'api_client',
          resourceId: client.id,
          details: { clientId: client.clientId, name: client.name },
        });
      }
      return client;
    });
  }

  /**
   * The active client with this client_id, if the secret matches (confidential clients) or
   * none is needed (public clients). Undefined otherwise, whichever part was wrong.
   */
  async authenticate(clientId: string, secret: string | undefined): Promise<OAuthClient | undefined> {
    const client = await this.findActive(clientId);
    if (!client) return undefined;
    if (client.type === 'public') return secret === undefined ? client : undefined;
    return secret !== undefined && client.secretHash && secretMatches(secret, client.secretHash)
      ? client
      : undefined;
  }

  findActive(clientId: string): Promise<OAuthClient | null> {
    return this.db.transaction({ clientId }, (tx) =>
      tx.getRepository(OAuthClient).findOneBy({ clientId, revokedAt: IsNull() }),
    );
  }

  private async getIn(tx: EntityManager, companyId: string, id: string): Promise<OAuthClient> {
    const client = await tx.getRepository(OAuthClient).findOneBy({ companyId, id });
    if (!client) throw new NotFoundError('API client', id);
    return client;
  }
}

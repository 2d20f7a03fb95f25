import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog, type AuditContext } from '../audit/index.js';
import { ALL_SCOPES, ConflictError, DomainError, newId } from '../common/index.js';
import { CompaniesService } from '../companies/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { Database, isUniqueViolation } from '../database/index.js';
import { OAuthClientsService, type RegisteredClient } from '../oauth/index.js';
import type { SignUpDto } from './dto/sign-up.dto.js';
import { Membership } from './membership.entity.js';
import { hashPassword } from './password-hasher.js';
import { User } from './user.entity.js';

export class SignUpDisabledError extends DomainError {
  readonly code = 'SIGN_UP_DISABLED';
  constructor() {
    super('Self-service sign-up is turned off on this server.');
  }
}

export interface SignUpResult {
  user: User;
  companyId: string;
  apiClient: RegisteredClient;
}

/** A newcomer's first step: a person, their company (as owner) and a first API client, at once. */
@Injectable()
export class SignUpService {
  constructor(
    private readonly db: Database,
    private readonly companies: CompaniesService,
    private readonly clients: OAuthClientsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  /** `requestId` is absent when the server itself signs up (the demo company at start-up). */
  async signUp(input: SignUpDto, requestId?: string): Promise<SignUpResult> {
    if (!this.config.oauth.signUpEnabled) throw new SignUpDisabledError();
    // Hashing is slow by design: done before the transaction, so no connection waits on it.
    const passwordHash = await hashPassword(input.password);
    const userId = newId();
    const companyId = newId();
    return this.db.transaction({ companyId, userId }, async (tx) => {
      const user = tx
        .getRepository(User)
        .create({ id: userId, email: input.email.trim(), name: input.name, passwordHash });
      await tx
        .getRepository(User)
        .insert(user)
        .catch((error: unknown) => {
          if (isUniqueViolation(error, 'users_email_key'))
            throw new ConflictError('An account with this email exists already.');
          throw error;
        });
      await this.companies.createIn(tx, {
        id: companyId,
        organizationNumber: input.company.organizationNumber,
        name: input.company.name,
        environment: input.company.environment ?? 'live',
      });
      await tx.getRepository(Membership).insert({ companyId, userId, role: 'owner' });
      const apiClient = await this.clients.registerIn(
        tx,
        companyId,
        { name: 'First API client', type: 'confidential', redirectUris: [], scopes: [...ALL_SCOPES] },
        userId,
      );
      await this.recordSignUp(
        tx,
        { companyId, actor: { kind: 'user', userId }, requestId },
        input,
        apiClient,
      );
      return { user, companyId, apiClient };
    });
  }

  // The new person is the actor: the company and its first client are their doing.
  private async recordSignUp(
    tx: EntityManager,
    context: AuditContext,
    input: SignUpDto,
    apiClient: RegisteredClient,
  ): Promise<void> {
    const { organizationNumber, name, environment } = input.company;
    await this.audit.record(tx, context, {
      action: 'company.created',
      resourceType: 'company',
      resourceId: context.companyId,
      details: { organizationNumber, name, environment: environment ?? 'live' },
    });
    await this.clients.recordRegistered(tx, context, apiClient.client);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  assertVersion,
  NotFoundError,
  RequestValidationError,
  newId,
  type TenantContext,
} from '../common/index.js';
import { AuditLog, type AuditContext } from '../audit/index.js';
import { Database } from '../database/index.js';
import { EventOutbox, findEventDefinition, type EventDefinition } from '../events/index.js';
import { newWebhookSecret } from './delivery/webhook-signature.js';
import { toWebhookSubscriptionResponse } from './webhook-subscription.mapper.js';
import { WebhookSubscription, type SubscriptionDisabledReason } from './webhook-subscription.entity.js';
import { WebhookTarget } from './webhook-target.js';
import {
  WEBHOOK_SUBSCRIPTION_CREATED,
  WEBHOOK_SUBSCRIPTION_DELETED,
  WEBHOOK_SUBSCRIPTION_DISABLED,
  WEBHOOK_SUBSCRIPTION_UPDATED,
} from './webhook.events.js';
import { EventTypeNotReadableError } from './webhooks.errors.js';

export interface NewSubscription {
  url: string;
  description?: string | null;
  eventTypes?: string[];
}

export type SubscriptionChanges = Partial<NewSubscription> & { isEnabled?: boolean };

/** Webhook subscriptions: create, read, change, delete, rotate the secret; every change is audited and published. */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
    private readonly target: WebhookTarget,
  ) {}

  list(tenant: TenantContext): Promise<WebhookSubscription[]> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) =>
      tx.getRepository(WebhookSubscription).find({
        where: { companyId: tenant.companyId },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    );
  }

  get(tenant: TenantContext, id: string): Promise<WebhookSubscription> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) => this.getIn(tx, tenant.companyId, id));
  }

  async create(
    tenant: TenantContext,
    input: NewSubscription,
  ): Promise<{ subscription: WebhookSubscription; secret: string }> {
    const eventTypes = this.readableTypes(tenant, input.eventTypes ?? []);
    await this.target.assertAllowed(input.url);
    const secret = newWebhookSecret();
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const id = newId();
      await tx.getRepository(WebhookSubscription).insert({
        companyId: tenant.companyId,
        id,
        url: input.url,
        description: input.description ?? null,
        eventTypes,
        readableScopes: [...tenant.scopes].filter((scope) => scope.endsWith(':read')).sort(),
        secret,
      });
      const subscription = await this.getIn(tx, tenant.companyId, id);
      await this.published(tx, tenant, WEBHOOK_SUBSCRIPTION_CREATED, subscription, {
        url: input.url,
        eventTypes,
      });
      return { subscription, secret };
    });
  }

  async update(
    tenant: TenantContext,
    id: string,
    changes: SubscriptionChanges,
    expectedVersion?: number,
  ): Promise<WebhookSubscription> {
    const eventTypes = changes.eventTypes && this.readableTypes(tenant, changes.eventTypes);
    if (changes.url !== undefined) await this.target.assertAllowed(changes.url);
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const current = await this.getIn(tx, tenant.companyId, id, true);
      assertVersion(current, expectedVersion, 'webhook subscription');
      const enabling = changes.isEnabled === true && !current.isEnabled;
      const disabling = changes.isEnabled === false && current.isEnabled;
      await tx.getRepository(WebhookSubscription).update(
        { companyId: tenant.companyId, id },
        {
          ...(changes.url !== undefined ? { url: changes.url } : {}),
          ...(changes.description !== undefined ? { description: changes.description } : {}),
          ...(eventTypes ? { eventTypes } : {}),
          ...(enabling
            ? { isEnabled: true, disabledReason: null, disabledAt: null, failingSince: null }
            : {}),
          ...(disabling
            ? { isEnabled: false, disabledReason: 'manual' as const, disabledAt: () => 'now()' }
            : {}),
          updatedAt: () => 'now()',
          version: () => 'version + 1',
        },
      );
      if (disabling) await this.giveUpPending(tx, tenant.companyId, id);
      const subscription = await this.getIn(tx, tenant.companyId, id);
      await this.published(tx, tenant, WEBHOOK_SUBSCRIPTION_UPDATED, subscription, { changes });
      return subscription;
    });
  }

  delete(tenant: TenantContext, id: string, expectedVersion?: number): Promise<void> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const subscription = await this.getIn(tx, tenant.companyId, id, true);
      assertVersion(subscription, expectedVersion, 'webhook subscription');
      await this.published(tx, tenant, WEBHOOK_SUBSCRIPTION_DELETED, subscription, { url: subscription.url });
      await tx.getRepository(WebhookSubscription).delete({ companyId: tenant.companyId, id });
    });
  }

  /** A new secret; the old one keeps signing beside it for `overlapHours`. */
  rotateSecret(
    tenant: TenantContext,
    id: string,
    overlapHours: number,
  ): Promise<{ subscription: WebhookSubscription; secret: string }> {
    const secret = newWebhookSecret();
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      await this.getIn(tx, tenant.companyId, id, true);
      await tx.query(
        `UPDATE webhook_subscriptions
            SET previous_secret = CASE WHEN $3 > 0 THEN secret END,
                previous_secret_expires_at = CASE WHEN $3 > 0 THEN now() + make_interval(hours => $3) END,
                secret = $4, updated_at = now(), version = version + 1
          WHERE company_id = $1 AND id = $2`,
        [tenant.companyId, id, overlapHours, secret],
      );
      const subscription = await this.getIn(tx, tenant.companyId, id);
      await this.published(tx, tenant, WEBHOOK_SUBSCRIPTION_UPDATED, subscription, {
        secretRotated: true,
        overlapHours,
      });
      return { subscription, secret };
    });
  }

  /**
   * Disables a subscription Hovedbok gave up on (410 Gone, or failing for days), tells its owner
   * with an event and an audit entry, and gives up its pending deliveries, in `tx` (the one that
   * records the attempt that decided it). Nothing if it is disabled already.
   */
  async disableByDelivery(
    tx: EntityManager,
    companyId: string,
    id: string,
    reason: SubscriptionDisabledReason,
    why: string,
  ): Promise<void> {
    const context: AuditContext = { companyId, actor: { kind: 'system' } };
    const current = await this.getIn(tx, companyId, id, true).catch(() => null);
    if (!current?.isEnabled) return;
    await tx.getRepository(WebhookSubscription).update(
      { companyId, id },
      {
        isEnabled: false,
        disabledReason: reason,
        disabledAt: () => 'now()',
        version: () => 'version + 1',
      },
    );
    await this.giveUpPending(tx, companyId, id);
    const subscription = await this.getIn(tx, companyId, id);
    await this.outbox.add(
      tx,
      companyId,
      WEBHOOK_SUBSCRIPTION_DISABLED,
      toWebhookSubscriptionResponse(subscription),
    );
    await this.audit.record(tx, context, {
      action: 'webhook_subscription.disabled',
      resourceType: 'webhook_subscription',
      resourceId: id,
      details: { reason, why, url: subscription.url },
    });
  }

  async getIn(
    tx: EntityManager,
    companyId: string,
    id: string,
    forUpdate = false,
  ): Promise<WebhookSubscription> {
    const subscription = await tx.getRepository(WebhookSubscription).findOne({
      where: { companyId, id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!subscription) throw new NotFoundError('webhook subscription', id);
    return subscription;
  }

  private async giveUpPending(tx: EntityManager, companyId: string, id: string): Promise<void> {
    await tx.query(
      `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, completed_at = now()
        WHERE company_id = $1 AND subscription_id = $2 AND status = 'pending'`,
      [companyId, id],
    );
  }

  /** The types, each known and readable with the caller's scopes. */
  private readableTypes(tenant: TenantContext, types: string[]): string[] {
    const unknown = types.flatMap((type, index) =>
      findEventDefinition(type)
        ? []
        : [
            {
              pointer: `/eventTypes/${index}`,
              detail: `${type} is not an event type (see GET /v1/event-types)`,
              rule: 'eventType',
            },
          ],
    );
    if (unknown.length > 0) throw new RequestValidationError(unknown);
    for (const type of types) {
      const definition = findEventDefinition(type)!;
      if (!tenant.scopes.has(definition.scope)) throw new EventTypeNotReadableError(type, definition.scope);
    }
    return [...types].sort();
  }

  private async published(
    tx: EntityManager,
    tenant: TenantContext,
    definition: EventDefinition<object>,
    subscription: WebhookSubscription,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.outbox.add(tx, tenant.companyId, definition, toWebhookSubscriptionResponse(subscription));
    await this.audit.record(tx, tenant, {
      action: definition.type,
      resourceType: 'webhook_subscription',
      resourceId: subscription.id,
      details,
    });
  }
}

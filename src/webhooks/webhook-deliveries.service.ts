import { Injectable } from '@nestjs/common';
import {
  decodeCursor,
  encodeCursor,
  NotFoundError,
  PAGE_DEFAULT,
  RequestValidationError,
  type Page,
  type TenantContext,
} from '../common/index.js';
import { Database } from '../database/index.js';
import type { WebhookDeliveryResponseDto } from './dto/webhook-delivery.dto.js';
import { QUEUE_FIRST_ATTEMPTS } from './event-relay.sql.js';
import { toDeliveryResponse, toAttemptResponse, type DeliveryRow } from './webhook-delivery.mapper.js';
import { WebhookDeliveryAttempt } from './webhook-delivery.entity.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';
import { WebhookSubscriptionDisabledError } from './webhooks.errors.js';

const MAX_REDELIVERY = 10_000;

const DELIVERY_COLUMNS = `d.id, d.subscription_id, d.event_id, e.type AS event_type, e.sequence AS event_sequence,
  d.status, d.is_manual, d.attempt_count, d.next_attempt_at, d.last_attempt_at, d.last_outcome,
  d.last_status_code, d.created_at, d.completed_at`;

// New deliveries of the chosen events that the subscription takes (type and scope), with their
// first jobs, in one statement. $1 company, $2 subscription, then the choice of events.
const REDELIVER = (choice: string) => `
  WITH deliveries AS (
    INSERT INTO webhook_deliveries (company_id, id, subscription_id, event_id, is_manual, next_attempt_at)
    SELECT e.company_id, uuid_v7(), s.id, e.id, true, now()
      FROM events e
      JOIN webhook_subscriptions s ON s.company_id = e.company_id AND s.id = $2
       AND e.scope = ANY (s.readable_scopes) AND (s.event_types = '{}' OR e.type = ANY (s.event_types))
     WHERE e.company_id = $1 AND e.sequence IS NOT NULL AND ${choice}
    RETURNING company_id, subscription_id, id
  ), jobs AS (
    ${QUEUE_FIRST_ATTEMPTS}
  )
  SELECT (SELECT count(*) FROM deliveries)::int AS queued, coalesce((SELECT jobs FROM jobs), 0) AS jobs`;

/** The delivery log of a subscription, and redelivery of one event or a range. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly db: Database,
    private readonly subscriptions: WebhookSubscriptionsService,
  ) {}

  list(
    tenant: TenantContext,
    subscriptionId: string,
    query: { limit?: number; cursor?: string; status?: string },
  ): Promise<Page<WebhookDeliveryResponseDto>> {
    const limit = query.limit ?? PAGE_DEFAULT;
    const [afterTime, afterId] = (query.cursor ? decodeCursor(query.cursor) : undefined) ?? [];
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      await this.subscriptions.getIn(tx, tenant.companyId, subscriptionId);
      const rows = await tx.query<DeliveryRow[]>(
        `SELECT ${DELIVERY_COLUMNS}
           FROM webhook_deliveries d JOIN events e ON e.company_id = d.company_id AND e.id = d.event_id
          WHERE d.company_id = $1 AND d.subscription_id = $2 AND ($3::text IS NULL OR d.status = $3)
            AND ($4::timestamptz IS NULL OR (d.created_at, d.id) < ($4::timestamptz, $5::uuid))
          ORDER BY d.created_at DESC, d.id DESC LIMIT $6`,
        [
          tenant.companyId,
          subscriptionId,
          query.status ?? null,
          afterTime ?? null,
          afterId ?? null,
          limit + 1,
        ],
      );
      const data = rows.slice(0, limit);
      const last = data.at(-1);
      return {
        data: data.map((row) => toDeliveryResponse(row)),
        nextCursor:
          rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
      };
    });
  }

  get(tenant: TenantContext, subscriptionId: string, id: string): Promise<WebhookDeliveryResponseDto> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const [row] = await tx.query<DeliveryRow[]>(
        `SELECT ${DELIVERY_COLUMNS}
           FROM webhook_deliveries d JOIN events e ON e.company_id = d.company_id AND e.id = d.event_id
          WHERE d.company_id = $1 AND d.subscription_id = $2 AND d.id = $3`,
        [tenant.companyId, subscriptionId, id],
      );
      if (!row) throw new NotFoundError('webhook delivery', id);
      const attempts = await tx.getRepository(WebhookDeliveryAttempt).find({
        where: { companyId: tenant.companyId, deliveryId: id },
        order: { attemptNumber: 'ASC' },
      });
      return toDeliveryResponse(row, attempts.map(toAttemptResponse));
    });
  }

  /** Sends one event again (a new delivery with the same `webhook-id`). */
  async redeliverEvent(tenant: TenantContext, subscriptionId: string, eventId: string): Promise<number> {
    const queued = await this.redeliver(tenant, subscriptionId, 'e.id = $3', [eventId]);
    if (queued === 0) throw new NotFoundError('event for this subscription', eventId);
    return queued;
  }

  /** Sends every event of a sequence range again that the subscription takes. */
  redeliverRange(tenant: TenantContext, subscriptionId: string, from: number, to: number): Promise<number> {
    if (to < from || to - from + 1 > MAX_REDELIVERY)
      throw new RequestValidationError([
        {
          pointer: '/toSequence',
          detail: `must be at least fromSequence and at most ${MAX_REDELIVERY - 1} more`,
          rule: 'range',
        },
      ]);
    return this.redeliver(tenant, subscriptionId, 'e.sequence BETWEEN $3 AND $4', [from, to]);
  }

  private redeliver(
    tenant: TenantContext,
    subscriptionId: string,
    choice: string,
    values: (string | number)[],
  ): Promise<number> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const subscription = await this.subscriptions.getIn(tx, tenant.companyId, subscriptionId);
      if (!subscription.isEnabled)
        throw new WebhookSubscriptionDisabledError(subscriptionId, subscription.disabledReason);
      const [{ queued }] = await tx.query<[{ queued: number }]>(REDELIVER(choice), [
        tenant.companyId,
        subscriptionId,
        ...values,
      ]);
      return queued;
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, newId, type Logger, type TenantContext } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { Database } from '../database/index.js';
import { signWebhook } from './delivery/webhook-signature.js';
import type { DeliveryResult } from './delivery/webhook-sender.js';
import { DELIVER_TASK } from './event-relay.sql.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';
import { WebhookTarget } from './webhook-target.js';
import type { WebhookPingResponseDto } from './dto/webhook-delivery.dto.js';
import { WebhookSubscriptionDisabledError } from './webhooks.errors.js';

export interface DeliveryJob {
  companyId: string;
  deliveryId: string;
  /** Which attempt this job is: a job run again after a crash finds it made already and stops. */
  attempt: number;
}

interface DeliveryState {
  status: string;
  attempt_count: number;
  subscription_id: string;
  url: string;
  secrets: string[];
  is_enabled: boolean;
  failing_since: Date | null;
  event_id: string;
  body: string;
}

// The delivery, its subscription's target and secrets (the previous one while it still signs),
// and the webhook body, built by PostgreSQL from the stored event in one round trip.
const LOAD = `
  SELECT d.status, d.attempt_count, s.id AS subscription_id, s.url, s.is_enabled, s.failing_since,
         array_remove(ARRAY[s.secret, CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret END], NULL)
           AS secrets,
         e.id AS event_id,
         json_build_object('id', e.id, 'type', e.type,
                           'timestamp', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                           'companyId', e.company_id, 'sequence', e.sequence, 'data', e.data)::text AS body
    FROM webhook_deliveries d
    JOIN webhook_subscriptions s ON s.company_id = d.company_id AND s.id = d.subscription_id
    JOIN events e ON e.company_id = d.company_id AND e.id = d.event_id
   WHERE d.company_id = $1 AND d.id = $2`;

// The attempt, the delivery's new state, the next attempt's job (when there is one) and the
// subscription's failing_since (only when it changes, so steady success writes no hot row).
const RECORD = `
  WITH attempt AS (
    INSERT INTO webhook_delivery_attempts (company_id, id, delivery_id, attempt_number, attempted_at, duration_ms,
                                           outcome, status_code, response_excerpt, error)
    VALUES ($1, $3, $2, $4, $5::timestamptz, $6, $7, $8, $9, $10)
  ), delivery AS (
    UPDATE webhook_deliveries
       SET attempt_count = $4, status = $11, last_attempt_at = $5::timestamptz, last_outcome = $7,
           last_status_code = $8, next_attempt_at = $12::timestamptz,
           completed_at = CASE WHEN $11 = 'pending' THEN NULL ELSE now() END
     WHERE company_id = $1 AND id = $2
  ), next_job AS (
    SELECT app_add_job('${DELIVER_TASK}',
             json_build_object('companyId', $1::uuid, 'deliveryId', $2::uuid, 'attempt', $4 + 1), $12::timestamptz)
     WHERE $12::timestamptz IS NOT NULL
  ), subscription AS (
    UPDATE webhook_subscriptions
       SET failing_since = CASE WHEN $7 = 'succeeded' THEN NULL ELSE $5::timestamptz END
     WHERE company_id = $1 AND id = $13
       AND (($7 = 'succeeded') = (failing_since IS NOT NULL))
  )
  SELECT (SELECT count(*) FROM next_job)::int AS scheduled`;

/**
 * Delivers one event to one subscription (a `deliver_webhook` job): signs it per Standard
 * Webhooks with the subscription's secret(s), sends it, and records the attempt together with
 * what follows: success, the next attempt on the published schedule (with jitter), or giving up.
 * A 410 disables the subscription at once; so does failing for longer than the configured time.
 */
@Injectable()
export class WebhookDeliverer {
  constructor(
    private readonly db: Database,
    private readonly target: WebhookTarget,
    private readonly subscriptions: WebhookSubscriptionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async deliver(job: DeliveryJob): Promise<void> {
    const [state] = await this.db.statement<DeliveryState>({ companyId: job.companyId }, LOAD, [
      job.companyId,
      job.deliveryId,
    ]);
    if (!state || state.status !== 'pending' || state.attempt_count >= job.attempt) return;
    if (!state.is_enabled) return;
    const timestamp = Math.floor(Date.now() / 1000);
    const attemptedAt = new Date();
    const result = await this.target.sender.send({
      url: state.url,
      body: state.body,
      headers: {
        'webhook-id': state.event_id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(state.secrets, state.event_id, timestamp, state.body),
      },
    });
    await this.record(job, state, attemptedAt, result);
  }

  /** Sends a signed `webhook.ping` now (not an event of the feed, not retried) and returns how it went. */
  async ping(tenant: TenantContext, subscriptionId: string): Promise<WebhookPingResponseDto> {
    const subscription = await this.subscriptions.get(tenant, subscriptionId);
    if (!subscription.isEnabled)
      throw new WebhookSubscriptionDisabledError(subscription.id, subscription.disabledReason);
    const [{ secrets }] = await this.db.statement<{ secrets: string[] }>(
      { companyId: tenant.companyId },
      `SELECT array_remove(ARRAY[secret, CASE WHEN previous_secret_expires_at > now() THEN previous_secret END], NULL)
                AS secrets
           FROM webhook_subscriptions WHERE company_id = $1 AND id = $2`,
      [tenant.companyId, subscriptionId],
    );
    const id = newId();
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({
      id,
      type: 'webhook.ping',
      timestamp: new Date(timestamp * 1000).toISOString(),
      companyId: tenant.companyId,
      sequence: null,
      data: { subscriptionId, message: 'A test delivery from Hovedbok; no change happened.' },
    });
    const result = await this.target.sender.send({
      url: subscription.url,
      body,
      headers: {
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secrets, id, timestamp, body),
      },
    });
    return { id, ...result, durationMs: Math.round(result.durationMs) };
  }

  private async record(
    job: DeliveryJob,
    state: DeliveryState,
    at: Date,
    result: DeliveryResult,
  ): Promise<void> {
    const succeeded = result.outcome === 'succeeded';
    // The wait runs from when this attempt ended (a timeout ends late), as the schedule promises.
    const next = succeeded || result.outcome === 'gone' ? null : this.nextAttemptAt(job.attempt, new Date());
    const status = succeeded ? 'succeeded' : next ? 'pending' : 'failed';
    await this.db.statement({ companyId: job.companyId }, RECORD, [
      job.companyId,
      job.deliveryId,
      newId(),
      job.attempt,
      at.toISOString(),
      Math.round(result.durationMs),
      result.outcome,
      result.statusCode,
      result.responseExcerpt,
      result.error,
      status,
      next?.toISOString() ?? null,
      state.subscription_id,
    ]);
    if (result.outcome === 'gone')
      await this.disable(job.companyId, state.subscription_id, 'gone', 'The receiver answered 410 Gone.');
    else if (!succeeded && this.failingTooLong(state.failing_since, at))
      await this.disable(
        job.companyId,
        state.subscription_id,
        'failing',
        `No delivery succeeded since ${state.failing_since!.toISOString()}.`,
      );
  }

  /** When attempt `attempt + 1` is due: the schedule's wait plus up to 20 % jitter; null when none is left. */
  private nextAttemptAt(attempt: number, from: Date): Date | null {
    const schedule = this.config.webhooks.retryScheduleSeconds;
    if (attempt >= schedule.length) return null;
    const waitMs = schedule[attempt] * 1000 * (1 + Math.random() * 0.2);
    return new Date(from.getTime() + waitMs);
  }

  private failingTooLong(failingSince: Date | null, now: Date): boolean {
    if (!failingSince) return false;
    return now.getTime() - failingSince.getTime() >= this.config.webhooks.disableAfterSeconds * 1000;
  }

  private async disable(
    companyId: string,
    id: string,
    reason: 'gone' | 'failing',
    why: string,
  ): Promise<void> {
    this.logger.warn({ companyId, subscriptionId: id, reason }, `webhook subscription disabled: ${why}`);
    await this.subscriptions.disableByDelivery(companyId, id, reason, why);
  }
}

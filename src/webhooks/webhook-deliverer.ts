import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LOGGER, newId, type Logger, type TenantContext } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { Database } from '../database/index.js';
import { signWebhook } from './delivery/webhook-signature.js';
import type { DeliveryResult } from './delivery/webhook-sender.js';
import {
  ATTEMPT_COLUMNS,
  LOAD_DELIVERIES,
  RECORD_ATTEMPTS,
  type DeliveryState,
  type RecordedSubscription,
} from './webhook-delivery.sql.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';
import { WebhookTarget } from './webhook-target.js';
import type { WebhookPingResponseDto } from './dto/webhook-delivery.dto.js';
import { WebhookSubscriptionDisabledError } from './webhooks.errors.js';

export interface DeliveryJob {
  companyId: string;
  /** Deliveries to one subscription (the relay groups them); a retry's job carries one. */
  deliveryIds?: string[];
  /** A job queued before deliveries were grouped. */
  deliveryId?: string;
  /** Which attempt this job is: a job run again after a crash finds it made already and skips it. */
  attempt: number;
}

interface Attempt {
  delivery: DeliveryState;
  attemptedAt: Date;
  result: DeliveryResult;
}

/**
 * Delivers events to subscriptions (`deliver_webhook` jobs): signs each per Standard Webhooks
 * with the subscription's secret(s), sends the job's deliveries together, and records the
 * attempts in one statement with what follows each: success, the next attempt on the published
 * schedule (with jitter), or giving up. A 410 disables the subscription at once; so does failing
 * for longer than the configured time.
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
    const ids = job.deliveryIds ?? (job.deliveryId ? [job.deliveryId] : []);
    const deliveries = await this.db.statement<DeliveryState>({ companyId: job.companyId }, LOAD_DELIVERIES, [
      job.companyId,
      ids,
      job.attempt,
    ]);
    if (deliveries.length === 0) return;
    const attempts = await Promise.all(deliveries.map((delivery) => this.send(delivery)));
    await this.record(job, attempts);
  }

  private async send(delivery: DeliveryState): Promise<Attempt> {
    const timestamp = Math.floor(Date.now() / 1000);
    const attemptedAt = new Date();
    try {
      const result = await this.target.sender.send({
        url: delivery.url,
        body: delivery.body,
        headers: {
          'webhook-id': delivery.event_id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(delivery.secrets, delivery.event_id, timestamp, delivery.body),
        },
      });
      return { delivery, attemptedAt, result };
    } catch (error) {
      // The sender answers every network failure; this is a fault of ours (say, a header Node
      // refuses). It is recorded and retried like a failed attempt, so that the job's other
      // deliveries, already sent, are recorded rather than sent again with the whole job.
      this.logger.error({ err: error, deliveryId: delivery.delivery_id }, 'webhook could not be sent');
      const durationMs = Date.now() - attemptedAt.getTime();
      const detail = error instanceof Error ? error.message : String(error);
      return {
        delivery,
        attemptedAt,
        result: {
          outcome: 'network_error',
          statusCode: null,
          durationMs,
          responseExcerpt: null,
          error: `not sent: ${detail}`,
        },
      };
    }
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

  private async record(job: DeliveryJob, attempts: Attempt[]): Promise<void> {
    const values = [job.companyId, ...this.attemptColumns(job, attempts)];
    if (!this.mayDisable(attempts)) {
      await this.db.statement({ companyId: job.companyId }, RECORD_ATTEMPTS, values);
      return;
    }
    // The decision reads failing_since as the attempts leave it, and the disabling commits with
    // them: a failure leaves neither, and the job's next run decides again.
    await this.db.transaction({ companyId: job.companyId }, async (tx) => {
      const recorded = await tx.query<RecordedSubscription[]>(RECORD_ATTEMPTS, values);
      for (const subscription of recorded) await this.disableIfDue(tx, job.companyId, subscription);
    });
  }

  /** One array per ATTEMPT_COLUMNS, an element per attempt. */
  private attemptColumns(job: DeliveryJob, attempts: Attempt[]): Array<Array<string | number | null>> {
    // The wait runs from when the attempts ended (a timeout ends late), as the schedule promises.
    const endedAt = new Date();
    const rows = attempts.map(({ delivery, attemptedAt, result }): Array<string | number | null> => {
      const succeeded = result.outcome === 'succeeded';
      const next = succeeded || result.outcome === 'gone' ? null : this.nextAttemptAt(job.attempt, endedAt);
      const status = succeeded ? 'succeeded' : next ? 'pending' : 'failed';
      return [
        delivery.delivery_id,
        delivery.subscription_id,
        newId(),
        job.attempt,
        attemptedAt.toISOString(),
        Math.round(result.durationMs),
        result.outcome,
        result.statusCode,
        result.responseExcerpt,
        result.error,
        status,
        next?.toISOString() ?? null,
      ];
    });
    return ATTEMPT_COLUMNS.map((_, i) => rows.map((row) => row[i]));
  }

  /** Whether these attempts may disable a subscription: a 410, or failing too long as last read. */
  private mayDisable(attempts: Attempt[]): boolean {
    const now = new Date();
    return attempts.some(
      ({ delivery, result }) =>
        result.outcome === 'gone' ||
        (result.outcome !== 'succeeded' && this.failingTooLong(delivery.failing_since, now)),
    );
  }

  /** A 410 disables a subscription at once; failing, once it has failed for too long. */
  private async disableIfDue(
    tx: EntityManager,
    companyId: string,
    { subscription_id: id, gone, failing_since: failingSince }: RecordedSubscription,
  ): Promise<void> {
    if (gone) await this.disable(tx, companyId, id, 'gone', 'The receiver answered 410 Gone.');
    else if (this.failingTooLong(failingSince, new Date()))
      await this.disable(
        tx,
        companyId,
        id,
        'failing',
        `No delivery succeeded since ${failingSince!.toISOString()}.`,
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
    tx: EntityManager,
    companyId: string,
    id: string,
    reason: 'gone' | 'failing',
    why: string,
  ): Promise<void> {
    this.logger.warn({ companyId, subscriptionId: id, reason }, `webhook subscription disabled: ${why}`);
    await this.subscriptions.disableByDelivery(tx, companyId, id, reason, why);
  }
}

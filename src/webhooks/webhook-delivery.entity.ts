import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { WebhookSubscription } from './webhook-subscription.entity.js';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';
export type AttemptOutcome =
  'succeeded' | 'http_error' | 'redirect' | 'gone' | 'timeout' | 'network_error' | 'refused_target';

/** One event on its way to one subscription, however many attempts it takes. */
@Entity('webhook_deliveries')
@Check('webhook_deliveries_status_check', `"status" IN ('pending', 'succeeded', 'failed')`)
// The delivery log of a subscription, newest first.
@Index('webhook_deliveries_subscription_idx', ['companyId', 'subscriptionId', 'createdAt', 'id'])
@Index('webhook_deliveries_event_idx', ['companyId', 'eventId'])
export class WebhookDelivery {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  subscriptionId: string;

  @Column('uuid')
  eventId: string;

  @Column({ type: 'text', default: 'pending' })
  status: DeliveryStatus;

  /** Asked for through the API (a redelivery), not sent because the event happened. */
  @Column({ type: 'boolean', default: false })
  isManual: boolean;

  @Column({ type: 'integer', default: 0 })
  attemptCount: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastOutcome: AttemptOutcome | null;

  @Column({ type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  completedAt: Date | null;

  @ManyToOne(() => WebhookSubscription, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'subscription_id', referencedColumnName: 'id' },
  ])
  subscription?: Relation<WebhookSubscription>;
}

/** One HTTP request of a delivery, as the receiver answered it. */
@Entity('webhook_delivery_attempts')
@Index('webhook_delivery_attempts_delivery_idx', ['companyId', 'deliveryId', 'attemptNumber'])
export class WebhookDeliveryAttempt {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  deliveryId: string;

  @Column('integer')
  attemptNumber: number;

  @Column({ type: 'timestamptz', precision: 3 })
  attemptedAt: Date;

  @Column('integer')
  durationMs: number;

  @Column('text')
  outcome: AttemptOutcome;

  @Column({ type: 'integer', nullable: true })
  statusCode: number | null;

  /** The start of the receiver's answer (1 KiB at most). */
  @Column({ type: 'text', nullable: true })
  responseExcerpt: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @ManyToOne(() => WebhookDelivery, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'company_id', referencedColumnName: 'companyId' },
    { name: 'delivery_id', referencedColumnName: 'id' },
  ])
  delivery?: Relation<WebhookDelivery>;
}

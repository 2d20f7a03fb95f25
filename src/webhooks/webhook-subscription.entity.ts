import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SubscriptionDisabledReason = 'manual' | 'gone' | 'failing';

/**
 * Where a company wants its events delivered. The signing secret is kept readable (delivery has
 * to sign with it) but is returned only when it is made; during a rotation the previous secret
 * signs too, until it expires.
 */
@Entity('webhook_subscriptions')
export class WebhookSubscription {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  url: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The event types delivered; empty means every type the subscription may read. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  eventTypes: string[];

  /** The read scopes of whoever made it: events needing another scope are never sent. */
  @Column({ type: 'text', array: true })
  readableScopes: string[];

  @Column({ type: 'boolean', default: true })
  isEnabled: boolean;

  @Column({ type: 'text', nullable: true })
  disabledReason: SubscriptionDisabledReason | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ type: 'text', select: false })
  secret: string;

  @Column({ type: 'text', nullable: true, select: false })
  previousSecret: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  /** When the first failed attempt after the last success was; null while deliveries succeed. */
  @Column({ type: 'timestamptz', nullable: true })
  failingSince: Date | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One change, as integrators see it: written by the transaction that made the change (the
 * transactional outbox), so an event exists exactly when its change committed. The relay gives
 * it its per-company `sequence` once no older transaction can still add events before it (see
 * event-relay.ts); until then it is invisible to the feed and to webhooks.
 */
@Entity('events')
@Index('events_company_id_sequence_key', ['companyId', 'sequence'], { unique: true })
// The relay's work list: only events still waiting for their number are in it.
@Index('events_unsequenced_idx', ['transactionId', 'id'], { where: '"sequence" IS NULL' })
// Retention deletes by age, across companies.
@Index('events_occurred_at_idx', ['occurredAt'])
export class DomainEvent {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  /** `<resource>.<past-tense verb>`, e.g. `voucher.booked`. */
  @Column('text')
  type: string;

  /** The read scope a caller needs to see this event (that of the resource it carries). */
  @Column('text')
  scope: string;

  // The writing transaction's start, as the resource's own timestamps (full precision like them:
  // both are shown truncated to milliseconds, so they read the same).
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  // pg_current_xact_id() as a number (see the migration): the relay orders by it and waits for older ones.
  @Column({ type: 'bigint', default: () => 'current_transaction_number()' })
  transactionId: string;

  @Column({ type: 'bigint', nullable: true })
  sequence: string | null;

  /** The resource as the API returns it. */
  @Column('jsonb')
  data: object;
}

/** The last sequence number given in each company's event stream. */
@Entity('event_streams')
export class EventStream {
  @PrimaryColumn('uuid')
  companyId: string;

  @Column('bigint')
  lastSequence: string;
}

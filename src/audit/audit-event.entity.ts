import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type AuditActorKind = 'user' | 'client' | 'api_key' | 'system';

/**
 * One write, as it happened: who, in which company, what, when, under which request. Append
 * only: the application role may insert and read but never update or delete (see the
 * migration), so not even our own code can rewrite history. No foreign key to companies:
 * the audit context depends on nothing but common/ and database/, so every context may use it.
 */
@Entity('audit_events')
@Check('audit_events_actor_kind_check', `"actor_kind" IN ('user', 'client', 'api_key', 'system')`)
// The listing reads newest first, optionally narrowed to one resource.
@Index('audit_events_company_id_occurred_at_id_idx', ['companyId', 'occurredAt', 'id'])
@Index('audit_events_company_id_resource_idx', ['companyId', 'resourceType', 'resourceId'])
export class AuditEvent {
  @PrimaryColumn('uuid')
  companyId: string;

  @PrimaryColumn('uuid')
  id: string;

  // Millisecond precision: the pagination cursor carries it through a JavaScript Date exactly.
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  occurredAt: Date;

  @Column('text')
  actorKind: AuditActorKind;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text', nullable: true })
  actorClientId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorApiKeyId: string | null;

  /** `<resource>.<verb>`, e.g. `api_key.created`. */
  @Column('text')
  action: string;

  @Column('text')
  resourceType: string;

  @Column('text')
  resourceId: string;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  /** What changed; never a secret. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  details: object;
}

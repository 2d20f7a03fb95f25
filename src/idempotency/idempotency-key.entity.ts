import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One Idempotency-Key of one caller in one company: the request it was first sent with, and
 * either a lease (the request is running) or the kept response (it has finished). Written with
 * raw SQL by IdempotencyRepository; the entity exists so migrations describe it. No foreign key
 * to companies: like the audit log, this context depends on nothing but common/ and database/.
 */
@Entity('idempotency_keys')
// Running (a lease, no response) or finished (a response, no lease); never both or neither.
@Check('idempotency_keys_state_check', '("response" IS NULL) = ("locked_until" IS NOT NULL)')
export class IdempotencyKey {
  @PrimaryColumn('uuid')
  companyId: string;

  /** Who sent the key: `api_key:<id>`, `client:<id>`, `client:<id>:user:<id>` or `user:<id>`. */
  @PrimaryColumn('text')
  principal: string;

  /** The key's hash (see sealed-response.ts); the key itself is never stored. */
  @PrimaryColumn('text')
  keyDigest: string;

  /** SHA-256 of the request's method, target and canonical body (see request-fingerprint.ts). */
  @Column('text')
  fingerprint: string;

  /** Which execution holds or held the key, so a request whose lease was taken over cannot write. */
  @Column('uuid')
  claimId: string;

  /** The request that ran it, for support. */
  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** While running: until when no retry may take the key over. */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** After this the record is ignored and replaced by the next request with the key. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Once finished: the kept response, sealed with the key. */
  @Column({ type: 'bytea', nullable: true })
  response: Buffer | null;
}

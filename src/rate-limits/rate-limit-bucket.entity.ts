import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One rate-limit counter: requests allowed for one key in one window. Shared by every API
 * process (they keep no state of their own), global rather than per tenant, so it has no
 * company_id: the key names the client and company, e.g. `client:<id>:company:<id>`.
 * Written with raw SQL by RateLimitsRepository; the entity exists so migrations describe it.
 */
@Entity({ name: 'rate_limit_buckets' })
export class RateLimitBucket {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @PrimaryColumn({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer' })
  count: number;
}

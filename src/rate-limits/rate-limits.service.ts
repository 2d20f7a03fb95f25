import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { LOGGER, type Logger } from '../common/index.js';
import { Database } from '../database/index.js';
import type { RateLimitDecision, RateLimitPolicy } from './rate-limit-policy.js';
import { RateLimitsRepository } from './rate-limits.repository.js';
import { RefusalCache } from './refusal-cache.js';
import { quotaState } from './sliding-window.js';

// Old windows are swept by whichever process notices first; once a minute each is plenty, as a
// stale row only costs space (lookups go by exact key and window).
const SWEEP_INTERVAL_MS = 60_000;

/** Counts requests against their policy in PostgreSQL, shared by every API process. */
@Injectable()
export class RateLimitsService implements OnModuleDestroy {
  private lastSweepAt = 0;
  private sweeping: Promise<void> = Promise.resolve();
  private readonly refusals = new RefusalCache();

  constructor(
    private readonly db: Database,
    private readonly repository: RateLimitsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Counts one request for `key` under `policy`, unless its quota is used up. */
  async consume(policy: RateLimitPolicy, key: string): Promise<RateLimitDecision> {
    const now = Date.now();
    const refusedForMs = this.refusals.remainingMs(key, now);
    if (refusedForMs > 0) {
      return { policy, allowed: false, remaining: 0, resetSeconds: Math.ceil(refusedForMs / 1000) };
    }
    // No tenant settings: the buckets are a global table, read and written as the application role.
    const { allowed, counts } = await this.db.transaction({}, (tx) =>
      this.repository.count(tx, key, policy.windowSeconds, policy.quota),
    );
    this.sweepNowAndThen();
    const state = quotaState(allowed, counts, policy.quota, policy.windowSeconds);
    if (!allowed) this.refusals.remember(key, now + state.resetSeconds * 1000, now);
    return { policy, allowed, ...state };
  }

  // Before the pool closes (that happens at application shutdown), so a sweep never outlives it.
  async onModuleDestroy(): Promise<void> {
    await this.sweeping;
  }

  // Not awaited by the request that triggers it: the sweep is housekeeping, not its business.
  private sweepNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastSweepAt < SWEEP_INTERVAL_MS) return;
    this.lastSweepAt = now;
    const windowSeconds = this.config.rateLimits.windowSeconds;
    this.sweeping = this.db
      .transaction({}, (tx) => this.repository.deleteExpired(tx, windowSeconds))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not delete old rate-limit windows'));
  }
}

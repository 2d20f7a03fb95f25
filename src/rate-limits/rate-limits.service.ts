import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { LOGGER, type Actor, type Logger } from '../common/index.js';
import {
  policiesFrom,
  tenantBucketPrefix,
  type RateLimitDecision,
  type RateLimitPolicy,
} from './rate-limit-policy.js';
import { RateLimitsRepository, readTally, type RateLimitTally } from './rate-limits.repository.js';
import { RefusalCache } from './refusal-cache.js';
import { quotaState } from './sliding-window.js';

// Old windows are swept by whichever process notices first; once a minute each is plenty, as a
// stale row only costs space (lookups go by exact key and window).
const SWEEP_INTERVAL_MS = 60_000;

/**
 * What the guard's statement must count for an authenticated request: it calls
 * `rate_limit_count(bucketPrefix || <company id>, windowSeconds, quota)` once it has admitted
 * the request. The company id ends the key because an API key's company is only known there.
 */
export interface TenantCountPlan {
  bucketPrefix: string;
  windowSeconds: number;
  quota: number;
}

/** What the guard's statement reports back when it admitted the request. */
export interface TenantAdmission<T> {
  result: T;
  companyId: string;
  /** The statement's `rate_limit_count` result; null when it was given no plan. */
  tally: RateLimitTally | null;
}

/** Counts requests against their policy in PostgreSQL, shared by every API process. */
@Injectable()
export class RateLimitsService implements OnModuleDestroy {
  private readonly policies: ReturnType<typeof policiesFrom>;
  private lastSweepAt = 0;
  private sweeping: Promise<void> = Promise.resolve();
  private readonly refusals = new RefusalCache();
  // The decision on each authenticated request, for the interceptor; undefined: not counted.
  private readonly tenantDecisions = new WeakMap<Request, Promise<RateLimitDecision | undefined>>();

  constructor(
    private readonly repository: RateLimitsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.policies = policiesFrom(config.rateLimits);
  }

  /** Counts one request for `key` under `policy`, unless its quota is used up. */
  async consume(policy: RateLimitPolicy, key: string): Promise<RateLimitDecision> {
    const known = this.knownRefusal(policy, key);
    if (known) return known;
    return this.decide(policy, key, await this.repository.count(key, policy.windowSeconds, policy.quota));
  }

  /**
   * Runs the guard's `admit` (one statement that checks the credentials and counts the request)
   * for an authenticated request, and records the decision for `tenantDecision`. A request is
   * counted once however often it is admitted: GraphQL runs the guard once per root field,
   * possibly at the same time, so each admission of a request waits for the one before it and
   * gets a plan only if none before it counted. `companyId` is the company when known before
   * the statement (not for API keys), to spare the count of a bucket known to be refused.
   */
  async admitOnce<T>(
    req: Request,
    caller: { actor: Actor; companyId?: string },
    admit: (plan: TenantCountPlan | undefined) => Promise<TenantAdmission<T>>,
  ): Promise<T> {
    const earlier = this.tenantDecisions.get(req);
    let settle!: (decision: RateLimitDecision | undefined) => void;
    this.tenantDecisions.set(req, new Promise((resolve) => (settle = resolve)));
    const decided = await earlier;
    let decision = decided;
    try {
      const policy = decided ? undefined : this.policies.default;
      const prefix = tenantBucketPrefix(caller.actor);
      const known =
        policy && caller.companyId !== undefined
          ? this.knownRefusal(policy, prefix + caller.companyId)
          : undefined;
      const plan = policy && !known ? { bucketPrefix: prefix, ...pick(policy) } : undefined;
      const admitted = await admit(plan);
      if (policy) decision = known ?? this.decide(policy, prefix + admitted.companyId, admitted.tally);
      return admitted.result;
    } finally {
      settle(decision);
    }
  }

  /** The decision `admitOnce` recorded for the request; undefined when nothing was counted. */
  tenantDecision(req: Request): Promise<RateLimitDecision | undefined> {
    return this.tenantDecisions.get(req) ?? Promise.resolve(undefined);
  }

  // Before the pool closes (that happens at application shutdown), so a sweep never outlives it.
  async onModuleDestroy(): Promise<void> {
    await this.sweeping;
  }

  // A key refused moments ago needs no count: see refusal-cache.ts.
  private knownRefusal(policy: RateLimitPolicy, key: string): RateLimitDecision | undefined {
    const refusedForMs = this.refusals.remainingMs(key, Date.now());
    if (refusedForMs <= 0) return undefined;
    return { policy, allowed: false, remaining: 0, resetSeconds: Math.ceil(refusedForMs / 1000) };
  }

  private decide(policy: RateLimitPolicy, key: string, tally: RateLimitTally | null): RateLimitDecision {
    if (!tally) throw new Error(`the request was admitted but not counted in bucket ${key}`);
    const now = Date.now();
    const { allowed, counts } = readTally(tally);
    this.sweepNowAndThen();
    const state = quotaState(allowed, counts, policy.quota, policy.windowSeconds);
    if (!allowed) this.refusals.remember(key, now + state.resetSeconds * 1000, now);
    return { policy, allowed, ...state };
  }

  // Not awaited by the request that triggers it: the sweep is housekeeping, not its business.
  private sweepNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastSweepAt < SWEEP_INTERVAL_MS) return;
    this.lastSweepAt = now;
    this.sweeping = this.repository
      .deleteExpired(this.config.rateLimits.windowSeconds)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not delete old rate-limit windows'));
  }
}

function pick(policy: RateLimitPolicy): { windowSeconds: number; quota: number } {
  return { windowSeconds: policy.windowSeconds, quota: policy.quota };
}

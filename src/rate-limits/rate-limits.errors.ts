import { DomainError } from '../common/index.js';
import type { RateLimitDecision } from './rate-limit-policy.js';

export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  override readonly headers: Record<string, string>;

  constructor(decision: RateLimitDecision) {
    const { policy, resetSeconds } = decision;
    const who =
      policy.name === 'public' ? 'from this address to this endpoint' : 'for this client in this company';
    super(
      `The quota of ${policy.quota} requests per ${policy.windowSeconds} s ${who} is used up. ` +
        `Nothing was done; retry in ${resetSeconds} s.`,
    );
    this.headers = { 'Retry-After': String(resetSeconds) };
  }
}

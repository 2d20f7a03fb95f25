import type { AppConfig } from '../config/index.js';
import type { Actor, TenantContext } from '../common/index.js';
import type { QuotaState } from './sliding-window.js';

/** A named quota, as the `RateLimit-Policy` header publishes it. */
export interface RateLimitPolicy {
  /** `default`: per (OAuth client or API key) × company. `public`: per client address and endpoint. */
  name: 'default' | 'public';
  /** Requests per window (`q`). */
  quota: number;
  /** Window length in seconds (`w`). */
  windowSeconds: number;
}

/** The outcome of counting one request against a policy. */
export interface RateLimitDecision extends QuotaState {
  policy: RateLimitPolicy;
  allowed: boolean;
}

/** The policies the configuration asks for; a quota of 0 turns that policy off (undefined). */
export function policiesFrom(config: AppConfig['rateLimits']): {
  default?: RateLimitPolicy;
  public?: RateLimitPolicy;
} {
  const { perClientAndCompany, publicPerAddress, windowSeconds } = config;
  return {
    default:
      perClientAndCompany > 0 ? { name: 'default', quota: perClientAndCompany, windowSeconds } : undefined,
    public: publicPerAddress > 0 ? { name: 'public', quota: publicPerAddress, windowSeconds } : undefined,
  };
}

/**
 * The bucket of an authenticated request: the caller (API key, else OAuth client) in the company
 * it acts on. People using the same app in the same company share the app's bucket there.
 */
export function tenantBucketKey(tenant: TenantContext): string {
  return `${tenantBucketPrefix(tenant.actor)}${tenant.companyId}`;
}

/** A tenant bucket's key without the company id, which ends it. */
export function tenantBucketPrefix(actor: Actor): string {
  const caller = actor.apiKeyId
    ? `api_key:${actor.apiKeyId}`
    : actor.clientId
      ? `client:${actor.clientId}`
      : `user:${actor.userId}`;
  return `${caller}:company:`;
}

/** The bucket of a public request: the client's address, separately for each endpoint. */
export function publicBucketKey(address: string, endpoint: string): string {
  return `address:${address}:endpoint:${endpoint}`;
}

/** The draft-ietf-httpapi-ratelimit-headers fields (structured fields), and Retry-After on a 429. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const { policy, remaining, resetSeconds } = decision;
  return {
    'RateLimit-Policy': `"${policy.name}";q=${policy.quota};w=${policy.windowSeconds}`,
    RateLimit: `"${policy.name}";r=${remaining};t=${resetSeconds}`,
    ...(decision.allowed ? {} : { 'Retry-After': String(resetSeconds) }),
  };
}

import type { Actor } from '../common/index.js';

/** The methods that change something; GET, HEAD and OPTIONS are idempotent by definition. */
export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whose key it is: an API key; an OAuth client, together with the person when a person acts
 * through it; or a person. Two people using the same app keep apart, so one can never be
 * replayed what the other was sent (e.g. a new API key's secret), even if their keys collide.
 */
export function principalOf(actor: Actor): string {
  if (actor.apiKeyId) return `api_key:${actor.apiKeyId}`;
  if (actor.clientId)
    return actor.userId ? `client:${actor.clientId}:user:${actor.userId}` : `client:${actor.clientId}`;
  return `user:${actor.userId}`;
}

/**
 * Whether an outcome is kept for replay: successes, and client errors that the same request
 * would meet again (malformed input, a missing resource, a broken business rule). Outcomes that
 * may differ on a retry are not kept and release the key, so the retry runs: 401 and 403 (the
 * credentials or grants may change), 409 and 412 (the state may change), 429 (the quota
 * refills) and 5xx (our failure, nothing was done).
 */
export function isKeptOutcome(status: number): boolean {
  return (status >= 200 && status < 300) || status === 400 || status === 404 || status === 422;
}

/** Response headers that belong to the outcome and are replayed with it. */
export const KEPT_RESPONSE_HEADERS = ['location', 'content-location', 'etag', 'last-modified'] as const;

// The algorithm: a sliding window approximated from two fixed windows (the current one and the
// one before it), as popularised by Cloudflare. A request is allowed when
//
//   previous × (1 − elapsed / window) + current + 1 ≤ quota
//
// that is, the previous window's count fades out linearly while the current one fills. We chose
// it over a plain fixed window because a fixed window lets a client send twice its quota across
// a window boundary (all at 0:59, again at 1:00); this one never allows much more than the quota
// in any window-long stretch, and it still costs one row per key and window and one atomic
// statement per request. Only allowed requests are counted, so a client that keeps calling
// while limited does not push its own recovery further out.

/** A bucket's counts at the moment of a request, as the database saw them. */
export interface WindowCounts {
  /** Requests counted in the current window, including this one when it was allowed. */
  current: number;
  /** Requests counted in the window before. */
  previous: number;
  /** Seconds since the current window began. */
  elapsed: number;
}

/** What a limited response tells the client (the `RateLimit` header's `r` and `t`). */
export interface QuotaState {
  /** Requests that would be allowed right now. */
  remaining: number;
  /** Whole seconds until at least one more request is available than `remaining` says. */
  resetSeconds: number;
}

// Floating-point slack, so a usage of 2.9999999999 still leaves exactly one request.
const EPSILON = 1e-9;

export function usage(counts: WindowCounts, windowSeconds: number): number {
  return counts.previous * (1 - counts.elapsed / windowSeconds) + counts.current;
}

/** Seconds from now until the usage has faded to `target` or below, if nothing else is counted. */
export function secondsUntilUsageAtMost(target: number, counts: WindowCounts, windowSeconds: number): number {
  const goal = Math.max(0, target);
  if (usage(counts, windowSeconds) <= goal + EPSILON) return 0;
  const { current, previous, elapsed } = counts;
  if (previous > 0 && current <= goal) {
    // Reached in this window, while the previous window's count fades.
    return windowSeconds * (1 - (goal - current) / previous) - elapsed;
  }
  // Only in the next window, when this window's count has become the one that fades.
  return windowSeconds - elapsed + windowSeconds * (1 - goal / current);
}

/** The quota left after a request was counted (or refused), and when more becomes available. */
export function quotaState(
  allowed: boolean,
  counts: WindowCounts,
  quota: number,
  windowSeconds: number,
): QuotaState {
  const remaining = allowed ? Math.max(0, Math.floor(quota - usage(counts, windowSeconds) + EPSILON)) : 0;
  // One more request is available once the usage is at most quota − (remaining + 1).
  const wait = secondsUntilUsageAtMost(quota - remaining - 1, counts, windowSeconds);
  return { remaining, resetSeconds: Math.max(1, Math.ceil(wait - EPSILON)) };
}

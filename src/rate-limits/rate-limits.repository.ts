import { Injectable } from '@nestjs/common';
import { Database } from '../database/index.js';
import type { WindowCounts } from './sliding-window.js';

/**
 * What `rate_limit_count(key, window_seconds, quota)` returns (see the
 * CreateRateLimitCountFunction migration): `counted` is the current window's count including
 * this request, or null when the quota refused it; `current` is then the count it saw.
 */
export interface RateLimitTally {
  counted: number | null;
  current: number | null;
  previous: number;
  elapsed: number;
}

/** Whether a tally counted its request, and the counts the sliding window works from. */
export function readTally(tally: RateLimitTally): { allowed: boolean; counts: WindowCounts } {
  return {
    allowed: tally.counted !== null,
    counts: {
      current: tally.counted ?? tally.current ?? 0,
      previous: tally.previous,
      elapsed: tally.elapsed,
    },
  };
}

// No tenant settings: the buckets are a global table, read and written as the application role.
// Each is one statement in one round trip, without a transaction of its own.
@Injectable()
export class RateLimitsRepository {
  constructor(private readonly db: Database) {}

  /** Counts one request for `key` if the quota allows it. */
  async count(key: string, windowSeconds: number, quota: number): Promise<RateLimitTally> {
    const [tally] = await this.db.statement<RateLimitTally>(
      {},
      `SELECT counted, current, previous, elapsed FROM rate_limit_count($1, $2::int, $3::int)`,
      [key, windowSeconds, quota],
    );
    return tally;
  }

  /** Deletes windows that can no longer matter: older than the current and the previous one. */
  async deleteExpired(windowSeconds: number): Promise<void> {
    await this.db.statement(
      {},
      `DELETE FROM rate_limit_buckets WHERE window_start < now() - make_interval(secs => $1::int)`,
      [2 * windowSeconds],
    );
  }
}

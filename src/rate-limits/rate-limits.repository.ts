import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WindowCounts } from './sliding-window.js';

// One statement, so it is atomic without locks of our own: the previous window's count is read,
// and the current window's row is inserted or incremented only if the sliding-window usage
// stays within the quota (see sliding-window.ts). ON CONFLICT DO UPDATE re-checks its WHERE on
// the latest row version under the row lock, so concurrent requests from any number of
// processes never count past the quota. Windows are aligned to the Unix epoch on the
// database's clock, so every process agrees where a window starts whatever its own clock says.
// When the request is refused, `current` is the count this statement's snapshot saw.
const COUNT_REQUEST = `
  WITH win AS (
    SELECT to_timestamp(floor(epoch / $2::int) * $2::int) AS current_start,
           epoch - floor(epoch / $2::int) * $2::int AS elapsed
      FROM (SELECT extract(epoch FROM now())::float8 AS epoch) AS clock
  ), previous AS (
    SELECT coalesce((SELECT b.count FROM rate_limit_buckets b
                      WHERE b.key = $1 AND b.window_start = win.current_start - make_interval(secs => $2::int)),
                    0) AS count,
           win.current_start, win.elapsed
      FROM win
  ), carried AS (
    SELECT count * (1 - elapsed / $2::int) AS weight, current_start FROM previous
  ), counted AS (
    INSERT INTO rate_limit_buckets AS b (key, window_start, count)
    SELECT $1, current_start, 1 FROM carried WHERE weight + 1 <= $3::int
    ON CONFLICT (key, window_start) DO UPDATE SET count = b.count + 1
     WHERE (SELECT weight FROM carried) + b.count + 1 <= $3::int
    RETURNING b.count
  )
  SELECT (SELECT count FROM counted) AS counted,
         (SELECT b.count FROM rate_limit_buckets b
           WHERE b.key = $1 AND b.window_start = previous.current_start) AS current,
         previous.count AS previous, previous.elapsed
    FROM previous`;

interface CountRow {
  counted: number | null;
  current: number | null;
  previous: number;
  elapsed: number;
}

@Injectable()
export class RateLimitsRepository {
  /** Counts one request for `key` if the quota allows it; returns whether it did and the counts. */
  async count(
    tx: EntityManager,
    key: string,
    windowSeconds: number,
    quota: number,
  ): Promise<{ allowed: boolean; counts: WindowCounts }> {
    const [row] = await tx.query<CountRow[]>(COUNT_REQUEST, [key, windowSeconds, quota]);
    const allowed = row.counted !== null;
    return {
      allowed,
      counts: { current: row.counted ?? row.current ?? 0, previous: row.previous, elapsed: row.elapsed },
    };
  }

  /** Deletes windows that can no longer matter: older than the current and the previous one. */
  async deleteExpired(tx: EntityManager, windowSeconds: number): Promise<void> {
    await tx.query(
      `DELETE FROM rate_limit_buckets WHERE window_start < now() - make_interval(secs => $1::int)`,
      [2 * windowSeconds],
    );
  }
}

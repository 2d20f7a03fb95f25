import type { MigrationInterface, QueryRunner } from 'typeorm';

// The counting statement that RateLimitsRepository used to send, moved into the database
// unchanged so that authentication can count a request in the same statement that checks its
// credentials (one round trip per request, see src/auth/admission.repository.ts).
//
// One statement, so it is atomic without locks of our own: the previous window's count is read,
// and the current window's row is inserted or incremented only if the sliding-window usage
// stays within the quota (see src/rate-limits/sliding-window.ts). ON CONFLICT DO UPDATE
// re-checks its WHERE on the latest row version under the row lock, so concurrent requests from
// any number of processes never count past the quota. Windows are aligned to the Unix epoch on
// the database's clock, so every process agrees where a window starts whatever its own clock
// says. When the request is refused, `counted` is null and `current` is the count this
// statement's snapshot saw.
//
// PL/pgSQL rather than SQL so that each connection plans the statement once and reuses the
// plan. SECURITY INVOKER (the default): it runs as the caller, the application role.
const RATE_LIMIT_COUNT = `
  CREATE FUNCTION rate_limit_count(bucket_key text, window_seconds integer, quota integer)
    RETURNS rate_limit_tally LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp
  AS $$
  DECLARE
    tally rate_limit_tally;
  BEGIN
    WITH win AS (
      SELECT to_timestamp(floor(epoch / window_seconds) * window_seconds) AS current_start,
             epoch - floor(epoch / window_seconds) * window_seconds AS elapsed
        FROM (SELECT extract(epoch FROM now())::float8 AS epoch) AS clock
    ), previous AS (
      SELECT coalesce((SELECT b.count FROM rate_limit_buckets b
                        WHERE b.key = bucket_key
                          AND b.window_start = win.current_start - make_interval(secs => window_seconds)),
                      0) AS count,
             win.current_start, win.elapsed
        FROM win
    ), carried AS (
      SELECT count * (1 - elapsed / window_seconds) AS weight, current_start FROM previous
    ), counted AS (
      INSERT INTO rate_limit_buckets AS b (key, window_start, count)
      SELECT bucket_key, current_start, 1 FROM carried WHERE weight + 1 <= quota
      ON CONFLICT (key, window_start) DO UPDATE SET count = b.count + 1
       WHERE (SELECT weight FROM carried) + b.count + 1 <= quota
      RETURNING b.count
    )
    SELECT (SELECT count FROM counted),
           (SELECT b.count FROM rate_limit_buckets b
             WHERE b.key = bucket_key AND b.window_start = previous.current_start),
           previous.count, previous.elapsed
      INTO tally
      FROM previous;
    RETURN tally;
  END
  $$`;

/** `rate_limit_count(key, window_seconds, quota)`: counts one request if the quota allows it. */
export class CreateRateLimitCountFunction1795813000000 implements MigrationInterface {
  name = 'CreateRateLimitCountFunction1795813000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE rate_limit_tally AS (counted integer, current integer, previous integer, elapsed float8)`,
    );
    await queryRunner.query(RATE_LIMIT_COUNT);
    await queryRunner.query(
      `REVOKE EXECUTE ON FUNCTION rate_limit_count(text, integer, integer) FROM PUBLIC`,
    );
    await queryRunner.query(
      `GRANT EXECUTE ON FUNCTION rate_limit_count(text, integer, integer) TO hovedbok_app`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION rate_limit_count(text, integer, integer)`);
    await queryRunner.query(`DROP TYPE rate_limit_tally`);
  }
}

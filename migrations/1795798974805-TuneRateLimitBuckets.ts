import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written storage settings for the rate-limit counters (TypeORM cannot describe them).
 *
 * UNLOGGED: the counters are written on every API request, the hottest write there is, and an
 * unlogged table skips the write-ahead log for them. The price is acceptable for counters: after
 * a database crash the table comes back empty (every client gets a fresh quota, which errs on
 * the generous side), and standbys do not have it (only the primary counts; nothing reads the
 * counters on a replica).
 *
 * fillfactor 50: each request updates one row in place; free room on the page lets PostgreSQL
 * make those HOT updates (no index churn, since `count` is not indexed).
 *
 * No row-level security: the table is global, not tenant data. Its keys name the client and
 * the company, and it holds only request counts.
 */
export class TuneRateLimitBuckets1795798974805 implements MigrationInterface {
  name = 'TuneRateLimitBuckets1795798974805';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rate_limit_buckets" SET UNLOGGED`);
    await queryRunner.query(`ALTER TABLE "rate_limit_buckets" SET (fillfactor = 50)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rate_limit_buckets" RESET (fillfactor)`);
    await queryRunner.query(`ALTER TABLE "rate_limit_buckets" SET LOGGED`);
  }
}

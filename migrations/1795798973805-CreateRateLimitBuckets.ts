import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRateLimitBuckets1795798973805 implements MigrationInterface {
  name = 'CreateRateLimitBuckets1795798973805';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit_buckets" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("key", "window_start"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_buckets"`);
  }
}

import type { DataSource } from 'typeorm';
import { migrateJobQueue } from './job-queue-schema.js';

// Any constant works; it only has to be the same for every process of this application.
const MIGRATION_LOCK_KEY = 4_711_020_250;

/**
 * Runs pending migrations while holding an advisory lock, so that several API processes
 * starting at once against one database apply each migration exactly once. The job queue's
 * schema comes with them.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await migrateJobQueue((dataSource.options as { url: string }).url);
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

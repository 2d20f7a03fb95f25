import { Logger, runMigrations as runJobQueueMigrations } from 'graphile-worker';
import pg from 'pg';
import { APPLICATION_ROLE } from './application-role.js';

/**
 * Installs or upgrades the job queue's own schema (graphile_worker), then lets the application
 * role add jobs, so that work is queued in the same transaction as the change that causes it
 * (the event relay adds delivery jobs in its own statement). Repeated on every start, after
 * graphile-worker's own migrations, which the functions depend on.
 */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runJobQueueMigrations({ connectionString, logger: silentLogger() });
  const pool = new pg.Pool({ connectionString, max: 1 });
  try {
    await grantJobQueue(pool);
  } finally {
    await pool.end();
  }
}

// graphile-worker keeps its tables behind row-level security with no policies: only their owner
// (the migration role) may touch them. The application role gets exactly three doors, run with
// the owner's rights: adding jobs (one or many) and unlocking the jobs of dead worker processes.
async function grantJobQueue(pool: pg.Pool): Promise<void> {
  await pool.query(`
    CREATE OR REPLACE FUNCTION app_add_jobs(specs graphile_worker.job_spec[]) RETURNS integer
      LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
      $$ SELECT count(*)::int FROM graphile_worker.add_jobs(specs) $$;
    CREATE OR REPLACE FUNCTION app_add_job(identifier text, payload json, run_at timestamptz) RETURNS integer
      LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
      $$ SELECT 1 FROM graphile_worker.add_job(identifier, payload, run_at => run_at, max_attempts => 25) $$;
    CREATE OR REPLACE FUNCTION app_force_unlock_workers(worker_ids text[]) RETURNS void
      LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
      $$ SELECT graphile_worker.force_unlock_workers(worker_ids) $$;
    REVOKE ALL ON FUNCTION app_add_jobs(graphile_worker.job_spec[]), app_add_job(text, json, timestamptz),
      app_force_unlock_workers(text[]) FROM PUBLIC;
    GRANT USAGE ON SCHEMA graphile_worker TO ${APPLICATION_ROLE};
    GRANT EXECUTE ON FUNCTION app_add_jobs(graphile_worker.job_spec[]), app_add_job(text, json, timestamptz),
      app_force_unlock_workers(text[]) TO ${APPLICATION_ROLE};`);
}

function silentLogger() {
  // graphile-worker logs each migration it applies; ours say what was applied already.
  return new Logger(() => () => undefined);
}

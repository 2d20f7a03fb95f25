import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { Logger as QueueLogger, run, type Runner, type TaskList } from 'graphile-worker';
import pg from 'pg';
import { LOGGER, newId, type Logger } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { Database, DATABASE_URL } from '../database/index.js';
import { JobRegistry } from './job-registry.js';

/**
 * Runs the job queue (graphile-worker) and the registered background loops in this process, and
 * keeps the process's heartbeat. Jobs a dead process held stay locked in graphile-worker for four
 * hours; instead, every process looks for peers whose heartbeat stopped and unlocks their jobs, so
 * a delivery cut off by a kill -9 runs again within seconds of the staleness limit.
 */
@Injectable()
export class WorkerRuntime implements BeforeApplicationShutdown {
  private runner: Runner | null = null;
  private pool: pg.Pool | null = null;
  private readonly processId = newId();
  private readonly queueWorkerIds = new Set<string>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly registry: JobRegistry,
    private readonly db: Database,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get isRunning(): boolean {
    return this.runner !== null;
  }

  async start(): Promise<void> {
    if (this.runner) return;
    const { concurrency, pollIntervalMs } = this.config.workers;
    const events = new EventEmitter();
    events.on('pool:create', ({ workerPool }: { workerPool: { id: string } }) =>
      this.queueWorkerIds.add(workerPool.id),
    );
    events.on('worker:create', ({ worker }: { worker: { workerId: string } }) =>
      this.queueWorkerIds.add(worker.workerId),
    );
    await this.beat();
    this.pool = this.queuePool(concurrency + 2);
    this.runner = await run({
      pgPool: this.pool,
      concurrency,
      pollInterval: pollIntervalMs,
      noHandleSignals: true,
      taskList: this.taskList(),
      logger: this.queueLogger(),
      events,
      // Fetch jobs in batches and complete them in batches: two fewer transactions per job when
      // the queue is busy (a local queue's jobs are locked by the pool, whose id the heartbeat
      // table records, so a dead process's batch is released like its running jobs).
      preset: {
        worker: {
          localQueue: { size: Math.max(2, concurrency) },
          completeJobBatchDelay: 5,
        },
      },
    });
    await this.beat();
    for (const loop of this.registry.backgroundLoops()) await loop.start();
    const everyMs = Math.max(250, (this.config.workers.staleAfterSeconds * 1000) / 3);
    this.heartbeat = setInterval(() => void this.beatAndSweep(), everyMs);
    this.heartbeat.unref();
    this.logger.info({ processId: this.processId, concurrency }, 'workers started in this process');
  }

  // Before the database pool closes (TypeORM closes it on application shutdown): jobs in flight
  // finish and record their outcome, the process leaves the heartbeat table, nothing stays locked.
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.runner) return;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const loop of this.registry.backgroundLoops()) await loop.stop();
    const runner = this.runner;
    this.runner = null;
    await runner.stop();
    // stop() resolves once jobs in flight have finished; their completions may still be on their
    // way to the database, and the pool must outlive them or the jobs stay locked.
    await runner.promise.catch(() => undefined);
    await this.pool?.end();
    this.pool = null;
    // Leave the heartbeat table, and unlock whatever our queue workers still hold (graphile-worker
    // can leave a finished job locked when it stops): its delivery is recorded, so it runs again
    // as a no-op instead of waiting four hours.
    await this.db
      .statement(
        {},
        `WITH gone AS (DELETE FROM worker_processes WHERE id = $1) SELECT app_force_unlock_workers($2::text[])`,
        [this.processId, [...this.queueWorkerIds]],
      )
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not leave the worker table'));
  }

  // The queue's own connections, with error handlers on the pool and on every client: a
  // connection the server drops (a restart, a failover) is logged and replaced, never an
  // unhandled 'error' event that would end the process.
  private queuePool(max: number): pg.Pool {
    const pool = new pg.Pool({ connectionString: this.databaseUrl, max });
    const lost = (error: Error) => this.logger.warn({ err: error }, 'job queue lost a database connection');
    pool.on('error', lost);
    pool.on('connect', (client) => client.on('error', lost));
    return pool;
  }

  private taskList(): TaskList {
    const list: TaskList = {};
    for (const [name, handler] of this.registry.tasks())
      list[name] = (payload, helpers) =>
        handler(payload, { id: helpers.job.id, attempts: helpers.job.attempts });
    return list;
  }

  private async beat(): Promise<void> {
    await this.db.statement(
      {},
      `INSERT INTO worker_processes (id, queue_worker_ids, hostname, pid) VALUES ($1, $2::text[], $3, $4)
       ON CONFLICT (id) DO UPDATE SET queue_worker_ids = excluded.queue_worker_ids, heartbeat_at = now()`,
      [this.processId, [...this.queueWorkerIds], hostname(), process.pid],
    );
  }

  private async beatAndSweep(): Promise<void> {
    try {
      await this.beat();
      const [swept] = await this.db.statement<{ processes: number }>(
        {},
        `WITH dead AS (
           DELETE FROM worker_processes WHERE heartbeat_at < now() - make_interval(secs => $1)
           RETURNING queue_worker_ids
         ), ids AS (SELECT coalesce(array_agg(id), '{}') AS ids FROM dead, unnest(queue_worker_ids) id)
         SELECT (SELECT count(*) FROM dead)::int AS processes,
                app_force_unlock_workers(ids.ids) FROM ids`,
        [this.config.workers.staleAfterSeconds],
      );
      if (swept && swept.processes > 0)
        this.logger.warn(
          { processes: swept.processes },
          'unlocked the jobs of worker processes that stopped',
        );
    } catch (error) {
      this.logger.warn({ err: error }, 'worker heartbeat failed');
    }
  }

  private queueLogger(): QueueLogger {
    return new QueueLogger((scope) => (level, message, meta) => {
      const method = String(level) === 'error' ? 'error' : String(level) === 'warning' ? 'warn' : 'debug';
      this.logger[method]({ component: 'job-queue', ...scope, ...meta }, message);
    });
  }
}

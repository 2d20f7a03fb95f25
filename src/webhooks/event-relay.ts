import type { Logger } from '../common/index.js';
import type { Database } from '../database/index.js';
import { RELAY_EVENTS, RELAY_LOCK_KEY } from './event-relay.sql.js';

const BATCH = 2000;
/** How soon to look again while committed events wait for an older transaction to end. */
const WAITING_RETRY_MS = 10;

export interface RelayPass {
  numbered: number;
  queued: number;
  waiting: number;
}

/**
 * Runs relay passes (RELAY_EVENTS) in a worker process. It polls, every `intervalMs`, with one
 * cheap indexed query, instead of being woken by a NOTIFY from each writing transaction: in
 * PostgreSQL a transaction that notifies holds a database-wide lock through its commit, which
 * serialised every write of every company (2,540 → 820 commits/s in pgbench on our 2-core
 * machine). Passes of all processes take turns on an advisory lock, each in a fresh snapshot,
 * so none numbers what another has numbered.
 */
export class EventRelay {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): Promise<void> {
    this.stopped = false;
    this.poll = setInterval(() => this.wake(), this.intervalMs);
    this.poll.unref();
    this.wake();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass, now: numbers what is ready and queues its deliveries. */
  async pass(): Promise<RelayPass> {
    const results = await this.db.transaction({ system: true }, (tx) =>
      this.db.queries(tx, [
        { sql: 'SELECT pg_advisory_xact_lock($1)', values: [RELAY_LOCK_KEY] },
        { sql: RELAY_EVENTS, values: [BATCH] },
      ]),
    );
    return results[1][0] as unknown as RelayPass;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  private async anyWaiting(): Promise<boolean> {
    const [row] = await this.db.statement<{ waiting: boolean }>(
      { system: true },
      'SELECT EXISTS (SELECT 1 FROM events WHERE sequence IS NULL) AS waiting',
    );
    return row.waiting;
  }

  private async drain(): Promise<void> {
    let waiting: number;
    try {
      if (!(await this.anyWaiting())) return;
      do {
        this.again = false;
        const result = await this.pass();
        waiting = result.waiting;
        if (result.numbered === BATCH) this.again = true;
      } while (this.again && !this.stopped);
    } catch (error) {
      this.logger.error({ err: error }, 'event relay pass failed; retrying');
      waiting = 1;
    }
    if (waiting > 0 && !this.stopped && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.wake();
      }, WAITING_RETRY_MS);
    }
  }
}

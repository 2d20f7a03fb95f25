import pg from 'pg';
import type { Logger } from '../common/index.js';
import type { Database } from '../database/index.js';
import { RELAY_EVENTS, RELAY_LOCK_KEY } from './event-relay.sql.js';

const BATCH = 2000;
/** How soon to look again while committed events wait for an older transaction to end. */
const WAITING_RETRY_MS = 10;
/** A pass now and then even without a notification: a lost connection drops notifications. */
const SAFETY_POLL_MS = 1000;

export interface RelayPass {
  numbered: number;
  queued: number;
  waiting: number;
}

/**
 * Runs relay passes (RELAY_EVENTS) in a worker process: whenever a transaction that wrote events
 * commits (the events table's trigger NOTIFYs), when events are still waiting for an older
 * transaction, and once a second in any case. Passes of all processes take turns on an advisory
 * lock, each in a fresh snapshot, so none numbers what another has numbered.
 */
export class EventRelay {
  private listener: pg.Client | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    private readonly databaseUrl: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.listen();
    this.poll = setInterval(() => this.wake(), SAFETY_POLL_MS);
    this.poll.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
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

  private async drain(): Promise<void> {
    let waiting: number;
    do {
      this.again = false;
      try {
        const result = await this.pass();
        waiting = result.waiting;
        if (result.numbered === BATCH) this.again = true;
      } catch (error) {
        this.logger.error({ err: error }, 'event relay pass failed; retrying');
        waiting = 1;
        break;
      }
    } while (this.again && !this.stopped);
    if (waiting > 0 && !this.stopped && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.wake();
      }, WAITING_RETRY_MS);
    }
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'event relay lost its LISTEN connection; reconnecting');
      this.listener = null;
      this.listenLater();
    });
    await client.connect();
    await client.query('LISTEN hovedbok_events');
    this.listener = client;
  }

  // Until the connection is back, the once-a-second pass keeps events moving.
  private listenLater(): void {
    if (this.stopped) return;
    setTimeout(() => {
      this.listen().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'event relay could not LISTEN; retrying');
        this.listenLater();
      });
    }, 1000).unref();
  }
}

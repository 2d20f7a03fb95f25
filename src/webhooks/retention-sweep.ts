import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { Database } from '../database/index.js';

const EVERY_MS = 60 * 60 * 1000;
const BATCH = 10_000;

/**
 * Deletes events (and their deliveries) older than the retention, and expired Idempotency-Key
 * records, hourly, in batches so no statement holds many rows at once. Event streams keep their
 * last sequence, so numbering goes on where it was.
 */
@Injectable()
export class RetentionSweep {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  start(): Promise<void> {
    this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.failed(error)), EVERY_MS);
    this.timer.unref();
    return Promise.resolve();
  }

  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    return Promise.resolve();
  }

  /** One sweep now; returns how many events were deleted. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ deleted }] = await this.db.statement<{ deleted: number }>(
        { system: true },
        `WITH old AS (
           SELECT company_id, id FROM events WHERE occurred_at < now() - make_interval(days => $1) LIMIT $2
         ), deliveries AS (
           DELETE FROM webhook_deliveries d USING old WHERE d.company_id = old.company_id AND d.event_id = old.id
         ), gone AS (
           DELETE FROM events e USING old WHERE e.company_id = old.company_id AND e.id = old.id RETURNING 1
         )
         SELECT count(*)::int AS deleted FROM gone`,
        [this.config.events.retentionDays, BATCH],
      );
      total += deleted;
      if (deleted < BATCH) break;
    }
    await this.db.statement({ system: true }, 'DELETE FROM idempotency_keys WHERE expires_at < now()');
    return total;
  }

  private failed(error: unknown): void {
    this.logger.warn({ err: error }, 'retention sweep failed; next try in an hour');
  }
}

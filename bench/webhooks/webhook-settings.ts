import { positiveInt } from '../support/settings.js';

/** Issue 5's rate for the latency run: batches of 10 vouchers every 50 ms. */
export const FIXED_RATE_PER_SECOND = 200;
export const FIXED_RATE_BATCH_SIZE = 10;
export const FIXED_RATE_INTERVAL_MS = (1000 * FIXED_RATE_BATCH_SIZE) / FIXED_RATE_PER_SECOND;
/** Throughput runs book through the batch endpoint at its largest size. */
export const BOOKING_BATCH_SIZE = 1000;

export interface WebhookSettings {
  /** Events booked (and committed) before the worker processes start, per throughput run. */
  events: number;
  /** Measured seconds of the fixed-rate run, after `warmupSeconds` at the same rate, uncounted. */
  seconds: number;
  warmupSeconds: number;
  /** How long events may take to arrive after the fixed-rate producer stopped. */
  drainSeconds: number;
  /** How long a throughput run waits for its last delivery before it counts as broken. */
  throughputTimeoutSeconds: number;
  /** The workers' WORKER_CONCURRENCY when set (they inherit the environment), for the report. */
  workerConcurrency: string | undefined;
}

/** Reads BENCH_WEBHOOK_EVENTS and BENCH_WEBHOOK_SECONDS; throws a `SettingsError` on a bad value. */
export function readWebhookSettings(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  const events = positiveInt(env, 'BENCH_WEBHOOK_EVENTS', 5000, 1_000_000);
  return {
    events,
    seconds: positiveInt(env, 'BENCH_WEBHOOK_SECONDS', 15, 3600),
    warmupSeconds: 2,
    drainSeconds: 30,
    // A minute, plus 20 ms an event: slower than about 50 deliveries/s is a broken run.
    throughputTimeoutSeconds: 60 + Math.ceil(events / 50),
    workerConcurrency: env.WORKER_CONCURRENCY?.trim() || undefined,
  };
}

/** A generous ceiling for the webhook suite, for the harness's overall time budget. */
export function webhooksBudgetMs(settings: WebhookSettings): number {
  const startup = 120; // the API server (migrations of an empty database) and a sign-up per run
  const booking = settings.events / 100; // batches of 1,000 take a second or two each
  const throughputRun = booking + 60 + settings.throughputTimeoutSeconds + 30; // + worker start, stop
  const latencyRun = 60 + settings.warmupSeconds + settings.seconds + settings.drainSeconds + 30;
  return (startup + 2 * throughputRun + latencyRun) * 1000;
}

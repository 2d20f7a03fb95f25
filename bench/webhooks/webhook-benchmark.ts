import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { LedgerSection } from '../ledger/index.js';
import type { Cleanup } from '../support/cleanup.js';
import type { WebhookReceiver } from './receiver.js';
import type { WebhookSettings } from './webhook-settings.js';
import { startWorker, type RunningWorker } from './worker-process.js';

/** What one webhook benchmark found: the ledger sections' shape (targets, failures, figures). */
export type WebhookSection = LedgerSection;

export interface WebhookContext {
  /** The suite's API server (WORKERS_IN_PROCESS=false: it delivers nothing itself). */
  baseUrl: string;
  /** The suite's database, for the worker processes. */
  databaseUrl: string;
  receiver: WebhookReceiver;
  settings: WebhookSettings;
  cleanup: Cleanup;
  say: (line?: string) => void;
}

/** Starts `count` worker processes at once; each is stopped by the cleanup too, should a run fail. */
export async function startWorkers(context: WebhookContext, count: number): Promise<RunningWorker[]> {
  const starting = Array.from({ length: count }, (_, i) =>
    startWorker(context.databaseUrl, `worker ${i + 1}`),
  );
  const settled = await Promise.allSettled(starting);
  const workers = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  for (const worker of workers) context.cleanup.add(`stop ${worker.label}`, worker.stop);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) {
    await stopWorkers(workers);
    throw failed.reason;
  }
  return workers;
}

export async function stopWorkers(workers: RunningWorker[]): Promise<void> {
  await Promise.all(workers.map((worker) => worker.stop()));
}

/**
 * Waits until none of the company's deliveries is pending, i.e. every attempt is recorded, and
 * answers performance.now() then (undefined after `timeoutMs`). Stopping a worker before that
 * would cut off deliveries that arrived but are not recorded yet: a worker exits at once on
 * SIGTERM, and another process sends them again once the first one's heartbeat is stale.
 */
export async function waitUntilRecorded(
  databaseUrl: string,
  companyId: string,
  timeoutMs: number,
): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = performance.now() + timeoutMs;
    do {
      const { rows } = await client.query<{ pending: number }>(
        "SELECT count(*)::int AS pending FROM webhook_deliveries WHERE company_id = $1 AND status = 'pending'",
        [companyId],
      );
      if (rows[0].pending === 0) return performance.now();
      await sleep(20);
    } while (performance.now() < deadline);
    return undefined;
  } finally {
    await client.end();
  }
}

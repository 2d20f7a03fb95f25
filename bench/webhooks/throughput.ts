import { performance } from 'node:perf_hooks';
import { emptySection, targetLine } from '../ledger/ledger-benchmark.js';
import { ms, perSecond } from '../ledger/support/latency.js';
import { formatNumber, gridTable } from '../support/report.js';
import { deliverySpan, type DeliverySpan } from './delivery-stats.js';
import {
  startWorkers,
  stopWorkers,
  waitUntilRecorded,
  type WebhookContext,
  type WebhookSection,
} from './webhook-benchmark.js';
import { WebhookCompany } from './webhook-company.js';
import type { RunningWorker } from './worker-process.js';
import { BOOKING_BATCH_SIZE } from './webhook-settings.js';

export const THROUGHPUT_NAME = 'Webhook delivery throughput: 1 and 2 worker processes';
const TARGET_PER_SECOND = 500;
const RECORDED_TIMEOUT_MS = 30_000;

interface ThroughputRun {
  workers: number;
  events: number;
  bookingSeconds: number;
  /** Each worker's spawn to ready line. */
  workerStartupMs: number[];
  /** From the first worker ready (deliveries may start) to the first and the last arrival. */
  span: DeliverySpan;
  /** From the first worker ready to every attempt recorded (undefined: not within the timeout). */
  recordedAfterMs: number | undefined;
  /** CPU the worker processes used from ready to all recorded. */
  workerCpuSeconds: number | undefined;
  missing: number;
}

async function bookAll(company: WebhookCompany, events: number): Promise<string[]> {
  const ids: string[] = [];
  for (let left = events; left > 0; left -= BOOKING_BATCH_SIZE) {
    ids.push(...(await company.book(company.batchBody(Math.min(BOOKING_BATCH_SIZE, left)))));
  }
  return ids;
}

interface Delivered {
  times: number[];
  recordedAt: number | undefined;
  /** CPU the worker processes used from ready to all recorded (undefined without /proc). */
  cpuSeconds: number | undefined;
}

// Waits for every event to arrive and be recorded, then stops the workers.
async function deliverAll(
  context: WebhookContext,
  companyId: string,
  ids: string[],
  running: RunningWorker[],
): Promise<Delivered> {
  const cpuAtReady = running.map((worker) => worker.cpuSeconds());
  try {
    const timeoutMs = context.settings.throughputTimeoutSeconds * 1000;
    const arrivals = await context.receiver.waitFor(companyId, ids.length, timeoutMs);
    const times = ids.flatMap((id) => {
      const at = arrivals.get(id);
      return at === undefined ? [] : [at];
    });
    const recordedAt =
      times.length === ids.length
        ? await waitUntilRecorded(context.databaseUrl, companyId, RECORDED_TIMEOUT_MS)
        : undefined;
    const used = running.map((worker, i) => (worker.cpuSeconds() ?? NaN) - (cpuAtReady[i] ?? NaN));
    const cpuSeconds = used.reduce((sum, seconds) => sum + seconds, 0);
    return { times, recordedAt, cpuSeconds: Number.isNaN(cpuSeconds) ? undefined : cpuSeconds };
  } finally {
    await stopWorkers(running);
  }
}

// Books the events with no worker running, so they wait committed; then starts the workers and
// times them from ready to the last delivery: the relay's numbering and fan-out included.
async function throughputRun(context: WebhookContext, workers: number): Promise<ThroughputRun> {
  const { settings, receiver, say } = context;
  const company = await WebhookCompany.create(context.baseUrl, receiver.url, `Bench Webhooks ${workers} AS`);
  const bookingStarted = performance.now();
  const ids = await bookAll(company, settings.events);
  const bookingSeconds = (performance.now() - bookingStarted) / 1000;
  say(
    `  ${formatNumber(ids.length)} vouchers booked in ${bookingSeconds.toFixed(1)} s with no worker running; ` +
      `starting ${workers} worker process${workers === 1 ? '' : 'es'}`,
  );
  const running = await startWorkers(context, workers);
  const readyAt = Math.min(...running.map((worker) => worker.readyAt));
  const { times, recordedAt, cpuSeconds } = await deliverAll(context, company.companyId, ids, running);
  return {
    workers,
    events: ids.length,
    bookingSeconds,
    workerStartupMs: running.map((worker) => worker.startupMs),
    span: deliverySpan(readyAt, times),
    recordedAfterMs: recordedAt === undefined ? undefined : recordedAt - readyAt,
    workerCpuSeconds: cpuSeconds,
    missing: ids.length - times.length,
  };
}

// The worker processes' CPU seconds, and per delivery.
function cpuCell(run: ThroughputRun): string {
  if (run.workerCpuSeconds === undefined) return 'n/a';
  const perDelivery = (run.workerCpuSeconds * 1000) / Math.max(1, run.span.delivered);
  return `${run.workerCpuSeconds.toFixed(1)} s (${perDelivery.toFixed(2)} ms/delivery)`;
}

function throughputTable(runs: ThroughputRun[]): string {
  return gridTable(
    [
      'Workers',
      'Events',
      'Worker start',
      'Ready → first',
      'Ready → last',
      'Deliveries/s',
      'First→last /s',
      'Ready → all recorded',
      'Worker CPU',
    ],
    runs.map((run) => [
      String(run.workers),
      formatNumber(run.events),
      run.workerStartupMs.map((startup) => `${(startup / 1000).toFixed(1)} s`).join(', '),
      ms(run.span.firstAfterMs),
      ms(run.span.lastAfterMs),
      perSecond(run.span.perSecond),
      run.span.firstToLastPerSecond === null ? '-' : perSecond(run.span.firstToLastPerSecond),
      run.recordedAfterMs === undefined ? 'n/a' : ms(run.recordedAfterMs),
      cpuCell(run),
    ]),
  );
}

function judge(section: WebhookSection, runs: ThroughputRun[]): void {
  const one = runs.find((run) => run.workers === 1);
  const two = runs.find((run) => run.workers === 2);
  for (const run of [one, two]) {
    if (!run) continue;
    const ratio =
      run === two && one
        ? `; 2-worker/1-worker ${(two.span.perSecond / one.span.perSecond).toFixed(2)}x`
        : '';
    section.targets.push({
      target: `deliveries/s with ${run.workers} worker${run.workers === 1 ? '' : 's'} > ${TARGET_PER_SECOND}`,
      actual: `${perSecond(run.span.perSecond)}/s (first→last ${run.span.firstToLastPerSecond === null ? '-' : perSecond(run.span.firstToLastPerSecond)}/s${ratio})`,
      met: run.span.perSecond > TARGET_PER_SECOND,
    });
  }
}

/**
 * Issue 5: deliveries per second to a local receiver with 1 and with 2 worker processes, each
 * run with a company of its own whose events were all committed before its workers started.
 */
export async function measureThroughput(context: WebhookContext): Promise<WebhookSection> {
  const section = emptySection(THROUGHPUT_NAME);
  const { settings, say } = context;
  say(
    `${formatNumber(settings.events)} voucher.booked events per run (batches of ${formatNumber(BOOKING_BATCH_SIZE)}), ` +
      `one subscription; worker concurrency ${settings.workerConcurrency ?? '32 (default)'} per process`,
  );
  const runs: ThroughputRun[] = [];
  for (const workers of [1, 2]) {
    try {
      const run = await throughputRun(context, workers);
      runs.push(run);
      if (run.missing > 0) {
        section.ok = false;
        section.failures.push(
          `${workers} worker(s): ${formatNumber(run.missing)} of ${formatNumber(run.events)} events not delivered within ${settings.throughputTimeoutSeconds} s`,
        );
      } else if (run.recordedAfterMs === undefined) {
        section.ok = false;
        section.failures.push(
          `${workers} worker(s): deliveries still pending ${RECORDED_TIMEOUT_MS / 1000} s after the last arrived`,
        );
      }
    } catch (error) {
      section.ok = false;
      section.failures.push(
        `${workers} worker(s): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (runs.length > 0) {
    say(throughputTable(runs));
    say(
      'Ready: the worker printed that it runs (the first of two); deliveries/s = events / (ready → last). ' +
        'All recorded: no delivery pending in the database; the workers are stopped then. ' +
        'Worker CPU: user + system time of the worker processes from ready to all recorded.',
    );
  }
  judge(section, runs);
  for (const target of section.targets) say(targetLine(target));
  section.figures = { runs };
  return section;
}

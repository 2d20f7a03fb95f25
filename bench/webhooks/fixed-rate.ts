import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { emptySection, targetLine } from '../ledger/ledger-benchmark.js';
import { ms, perSecond } from '../ledger/support/latency.js';
import { formatNumber, gridTable } from '../support/report.js';
import { summariseDelays, type DelaySummary } from './delivery-stats.js';
import {
  startWorkers,
  stopWorkers,
  waitUntilRecorded,
  type WebhookContext,
  type WebhookSection,
} from './webhook-benchmark.js';
import { WebhookCompany } from './webhook-company.js';
import {
  FIXED_RATE_BATCH_SIZE,
  FIXED_RATE_INTERVAL_MS,
  FIXED_RATE_PER_SECOND,
  type WebhookSettings,
} from './webhook-settings.js';

export const LATENCY_NAME = `Webhook delivery latency at ${FIXED_RATE_PER_SECOND} events/s: 1 worker process`;
const TARGET_P99_MS = 1000;

/** One batch request of the producer; times by performance.now(). */
interface BatchRecord {
  measured: boolean;
  dueAt: number;
  sentAt: number;
  answeredAt: number | undefined;
  ids: string[];
}

interface Production {
  records: BatchRecord[];
  failures: string[];
}

// Open loop: a batch goes out every interval on schedule, whether or not the earlier ones were
// answered, so a slow API shows as latency and a lower achieved rate, not as fewer requests.
async function produce(company: WebhookCompany, settings: WebhookSettings): Promise<Production> {
  const ticks = ((settings.warmupSeconds + settings.seconds) * 1000) / FIXED_RATE_INTERVAL_MS;
  const warmupTicks = (settings.warmupSeconds * 1000) / FIXED_RATE_INTERVAL_MS;
  const body = company.batchBody(FIXED_RATE_BATCH_SIZE);
  const production: Production = { records: [], failures: [] };
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let tick = 0; tick < ticks; tick += 1) {
    const dueAt = start + tick * FIXED_RATE_INTERVAL_MS;
    const wait = dueAt - performance.now();
    if (wait > 0) await sleep(wait);
    const record: BatchRecord = {
      measured: tick >= warmupTicks,
      dueAt,
      sentAt: performance.now(),
      answeredAt: undefined,
      ids: [],
    };
    production.records.push(record);
    inFlight.push(
      company.book(body).then(
        (ids) => {
          record.answeredAt = performance.now();
          record.ids = ids;
        },
        (error: unknown) => {
          production.failures.push(error instanceof Error ? error.message : String(error));
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return production;
}

interface LatencyFigures {
  /** 201 received → delivery: the commit came before the 201, so this understates. */
  fromAnswer: DelaySummary;
  /** Request sent → delivery: the commit came after the request was sent, so this overstates. */
  fromSend: DelaySummary;
  /** Request sent → 201, per batch. */
  booking: DelaySummary;
  producedEvents: number;
  producedPerSecond: number;
  maxSendLateMs: number;
  undelivered: number;
}

function figuresOf(records: BatchRecord[], arrivals: Map<string, number>): LatencyFigures {
  const fromAnswer: number[] = [];
  const fromSend: number[] = [];
  let undelivered = 0;
  const measured = records.filter((record) => record.measured && record.answeredAt !== undefined);
  for (const record of records) {
    for (const id of record.ids) {
      const at = arrivals.get(id);
      if (at === undefined) undelivered += 1;
      else if (record.measured) {
        fromAnswer.push(at - record.answeredAt!);
        fromSend.push(at - record.sentAt);
      }
    }
  }
  const firstSent = Math.min(...measured.map((record) => record.sentAt));
  const lastAnswered = Math.max(...measured.map((record) => record.answeredAt!));
  const producedEvents = measured.reduce((sum, record) => sum + record.ids.length, 0);
  return {
    fromAnswer: summariseDelays(fromAnswer),
    fromSend: summariseDelays(fromSend),
    booking: summariseDelays(measured.map((record) => record.answeredAt! - record.sentAt)),
    producedEvents,
    producedPerSecond: measured.length > 0 ? producedEvents / ((lastAnswered - firstSent) / 1000) : 0,
    maxSendLateMs: Math.max(0, ...records.map((record) => record.sentAt - record.dueAt)),
    undelivered,
  };
}

function latencyTable(figures: LatencyFigures): string {
  const row = (label: string, summary: DelaySummary): string[] => [
    label,
    formatNumber(summary.count),
    ms(summary.minMs),
    ms(summary.p50Ms),
    ms(summary.p90Ms),
    ms(summary.p99Ms),
    ms(summary.maxMs),
  ];
  return gridTable(
    ['Measured', 'Count', 'min', 'p50', 'p90', 'p99', 'max'],
    [
      row('201 received → delivery (understates commit → delivery)', figures.fromAnswer),
      row('request sent → delivery (overstates it)', figures.fromSend),
      row(`request sent → 201 (per batch of ${FIXED_RATE_BATCH_SIZE})`, figures.booking),
    ],
  );
}

function report(context: WebhookContext, section: WebhookSection, figures: LatencyFigures): void {
  const { say, settings } = context;
  say(latencyTable(figures));
  say(
    `Produced ${formatNumber(figures.producedEvents)} events in the measured ${settings.seconds} s: ` +
      `${perSecond(figures.producedPerSecond)} events/s achieved (first request sent → last 201); ` +
      `requests sent at most ${ms(figures.maxSendLateMs)} behind schedule`,
  );
  if (figures.undelivered > 0) {
    section.ok = false;
    section.failures.push(
      `${formatNumber(figures.undelivered)} events not delivered within ${settings.drainSeconds} s after the producer stopped`,
    );
  }
  section.targets.push({
    target: `p99 commit→delivery at ${FIXED_RATE_PER_SECOND} events/s < ${TARGET_P99_MS / 1000} s`,
    actual: `${ms(figures.fromAnswer.p99Ms)} from the 201 (${ms(figures.fromSend.p99Ms)} from the request sent)`,
    met: figures.fromAnswer.count > 0 && figures.fromAnswer.p99Ms < TARGET_P99_MS,
  });
  for (const target of section.targets) say(targetLine(target));
}

function cpuShare(
  before: number | undefined,
  after: number | undefined,
  elapsedMs: number,
): number | undefined {
  return before === undefined || after === undefined ? undefined : (after - before) / (elapsedMs / 1000);
}

/**
 * Issue 5: p50/p99 time from the committing transaction to delivery while events are produced
 * at 200 a second, with one worker process running.
 */
export async function measureLatency(context: WebhookContext): Promise<WebhookSection> {
  const section = emptySection(LATENCY_NAME);
  const { settings, receiver, say } = context;
  say(
    `Open loop: a batch of ${FIXED_RATE_BATCH_SIZE} vouchers every ${FIXED_RATE_INTERVAL_MS} ms, ` +
      `${settings.warmupSeconds} s uncounted, then ${settings.seconds} s measured. Batches, because one ` +
      `voucher per request could not keep up ${FIXED_RATE_PER_SECOND}/s on the 2-core machine this was ` +
      'written on, with the API, PostgreSQL, the worker and the receiver sharing it.',
  );
  const [worker] = await startWorkers(context, 1);
  try {
    const company = await WebhookCompany.create(context.baseUrl, receiver.url, 'Bench Webhooks Latency AS');
    const [cpuBefore, startedAt] = [worker.cpuSeconds(), performance.now()];
    const production = await produce(company, settings);
    const expected = production.records.reduce((sum, record) => sum + record.ids.length, 0);
    const arrivals = await receiver.waitFor(company.companyId, expected, settings.drainSeconds * 1000);
    for (const failure of production.failures.slice(0, 5)) section.failures.push(`booking: ${failure}`);
    if (production.failures.length > 0) section.ok = false;
    const figures = figuresOf(production.records, arrivals);
    report(context, section, figures);
    if (figures.undelivered === 0) {
      await waitUntilRecorded(context.databaseUrl, company.companyId, settings.drainSeconds * 1000);
    }
    const workerCpuShare = cpuShare(cpuBefore, worker.cpuSeconds(), performance.now() - startedAt);
    if (workerCpuShare !== undefined) {
      say(
        `Worker process CPU from the first request to all recorded: ${(workerCpuShare * 100).toFixed(0)} % of one core`,
      );
    }
    section.figures = { ...figures, workerCpuShare, bookingFailures: production.failures.length };
  } finally {
    await stopWorkers([worker]);
  }
  return section;
}

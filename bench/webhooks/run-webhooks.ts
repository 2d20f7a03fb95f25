import { performance } from 'node:perf_hooks';
import { emptySection, targetLine } from '../ledger/ledger-benchmark.js';
import type { Cleanup } from '../support/cleanup.js';
import { startServer } from '../support/server.js';
import { LATENCY_NAME, measureLatency } from './fixed-rate.js';
import { siblingDatabase, type SuiteDatabase } from './fresh-database.js';
import { WebhookReceiver } from './receiver.js';
import { measureThroughput, THROUGHPUT_NAME } from './throughput.js';
import type { WebhookContext, WebhookSection } from './webhook-benchmark.js';
import type { WebhookSettings } from './webhook-settings.js';
import { WEBHOOK_PROCESS_ENV } from './worker-process.js';

export interface WebhookRunOptions {
  /** The run's database, and whether another suite has used it already. */
  database: SuiteDatabase & { isFresh: boolean };
  settings: WebhookSettings;
  cleanup: Cleanup;
  say: (line?: string) => void;
}

export interface WebhookRun {
  sections: WebhookSection[];
  /** Undefined when the suite could not start (its one section says why). */
  serverStartupMs: number | undefined;
}

const BENCHMARKS: { name: string; run: (context: WebhookContext) => Promise<WebhookSection> }[] = [
  { name: THROUGHPUT_NAME, run: measureThroughput },
  { name: LATENCY_NAME, run: measureLatency },
];

// A benchmark that throws is reported as failed and the next still runs. Duplicate or malformed
// deliveries during it fail it too: the receiver must see each event once, as it was sent.
async function runOne(
  context: WebhookContext,
  benchmark: (typeof BENCHMARKS)[number],
): Promise<WebhookSection> {
  const { receiver, say } = context;
  const [duplicates, malformed] = [receiver.duplicates, receiver.malformed.length];
  const started = performance.now();
  let section: WebhookSection;
  try {
    section = await benchmark.run(context);
  } catch (error) {
    section = emptySection(benchmark.name);
    section.ok = false;
    section.failures.push(error instanceof Error ? error.message : String(error));
  }
  if (receiver.duplicates > duplicates) {
    section.ok = false;
    section.failures.push(`${receiver.duplicates - duplicates} deliveries arrived a second time`);
  }
  for (const body of receiver.malformed.slice(malformed, malformed + 5)) {
    section.ok = false;
    section.failures.push(`unexpected delivery: ${body}`);
  }
  const seconds = (performance.now() - started) / 1000;
  section.figures = { ...section.figures, seconds };
  for (const failure of section.failures) say(`FAILED ${failure}`);
  say(`(${seconds.toFixed(0)} s)`);
  return section;
}

async function suiteDatabase(options: WebhookRunOptions): Promise<SuiteDatabase> {
  if (options.database.isFresh) return options.database;
  const database = await siblingDatabase(options.database, 'webhooks');
  options.cleanup.add(`drop the database ${database.name}`, database.drop);
  return database;
}

async function runSuite(options: WebhookRunOptions): Promise<WebhookRun> {
  const { settings, cleanup, say } = options;
  const database = await suiteDatabase(options);
  const server = await startServer(database.url, 60_000, {
    env: { ...WEBHOOK_PROCESS_ENV, WORKERS_IN_PROCESS: 'false' },
  });
  cleanup.add('stop the webhooks API server', server.stop);
  const receiver = await WebhookReceiver.start();
  cleanup.add('close the webhook receiver', () => receiver.close());
  say(
    `Database ${database.name}; API server with WORKERS_IN_PROCESS=false ready in ${server.startupMs.toFixed(0)} ms ` +
      '(migrations of the empty database included)',
  );
  const context: WebhookContext = {
    baseUrl: server.baseUrl,
    databaseUrl: database.url,
    receiver,
    settings,
    cleanup,
    say,
  };
  const sections: WebhookSection[] = [];
  for (const benchmark of BENCHMARKS) {
    say(`\nWebhooks: ${benchmark.name}`);
    sections.push(await runOne(context, benchmark));
  }
  say('\nWebhook targets (a miss does not fail the run):');
  const targets = sections.flatMap((section) => section.targets);
  for (const target of targets) say(`  ${targetLine(target)}`);
  if (targets.length === 0) say('  none judged: no run completed');
  return { sections, serverStartupMs: server.startupMs };
}

/**
 * Issue 5's benchmark: an API server of its own that runs no workers, a receiver in this
 * process, worker processes started and stopped per run; prints its tables and targets. A
 * suite that cannot start (database, server, receiver) answers one failed section, so that
 * the suites before it still get their results written.
 */
export async function runWebhookBenchmarks(options: WebhookRunOptions): Promise<WebhookRun> {
  options.say('\nWebhooks: delivery to a receiver in the bench process (127.0.0.1, answers 204)');
  try {
    return await runSuite(options);
  } catch (error) {
    const section = emptySection('Webhooks: setup');
    section.ok = false;
    section.failures.push(error instanceof Error ? error.message : String(error));
    options.say(`FAILED ${section.failures[0]}`);
    return { sections: [section], serverStartupMs: undefined };
  }
}

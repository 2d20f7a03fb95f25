import { performance } from 'node:perf_hooks';
import {
  ledgerBudgetMs,
  readLedgerSettings,
  runLedgerBenchmarks,
  type LedgerSettings,
} from './ledger/index.js';
import { SCENARIOS } from './scenarios/index.js';
import { Cleanup, guard } from './support/cleanup.js';
import { provisionDatabase, type BenchDatabase } from './support/database.js';
import { failuresOf, runScenario, type ScenarioResult } from './support/load.js';
import { RESULTS_FILE } from './support/paths.js';
import {
  describeMachine,
  failureLines,
  machineLine,
  scenarioTable,
  writeReport,
  type BenchReport,
} from './support/report.js';
import { startServer, type RunningServer } from './support/server.js';
import { readSettings, type BenchSettings } from './support/settings.js';
import {
  readWebhookSettings,
  runWebhookBenchmarks,
  webhooksBudgetMs,
  type WebhookRun,
  type WebhookSection,
  type WebhookSettings,
} from './webhooks/index.js';

const say = (line = ''): void => void process.stdout.write(`${line}\n`);

// Startup, database setup and teardown, and every scenario with its warm-up and slowest request.
function timeBudgetMs(settings: BenchSettings, ledger: LedgerSettings, webhooks: WebhookSettings): number {
  const perScenario = settings.warmupSeconds + settings.durationSeconds + 30;
  const http = settings.suites.includes('http') ? SCENARIOS.length * perScenario * 1000 : 0;
  const ledgerMs = settings.suites.includes('ledger') ? ledgerBudgetMs(ledger) : 0;
  const webhooksMs = settings.suites.includes('webhooks') ? webhooksBudgetMs(webhooks) : 0;
  return settings.readyTimeoutMs + 120_000 + http + ledgerMs + webhooksMs;
}

// The results file's shape, with the webhook suite's sections when it ran.
type Report = BenchReport & { webhooks?: WebhookSection[]; webhookSettings?: WebhookSettings };

interface AllSettings {
  bench: BenchSettings;
  ledger: LedgerSettings;
  webhooks: WebhookSettings;
}

async function runScenarios(baseUrl: string, settings: BenchSettings): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of SCENARIOS) {
    say(
      `\nRunning ${scenario.name}: ${settings.warmupSeconds} s warm-up, then ${settings.durationSeconds} s measured`,
    );
    const result = await runScenario(baseUrl, scenario, settings);
    results.push(result);
    say(scenarioTable(result));
  }
  return results;
}

// The server of the http and ledger suites, run as `npm start` runs it (workers in-process).
async function startSharedServer(
  databaseUrl: string,
  settings: BenchSettings,
  cleanup: Cleanup,
): Promise<RunningServer> {
  const server = await startServer(databaseUrl, settings.readyTimeoutMs);
  cleanup.add('stop the server', server.stop);
  say(
    `Server startup: ${Math.round(server.startupMs)} ms (spawn to first 200 on /health/ready, migrations of the empty database included)`,
  );
  return server;
}

async function runWebhooks(
  all: AllSettings,
  database: BenchDatabase,
  isFresh: boolean,
  cleanup: Cleanup,
): Promise<WebhookRun | undefined> {
  if (!all.bench.suites.includes('webhooks')) return undefined;
  return runWebhookBenchmarks({ database: { ...database, isFresh }, settings: all.webhooks, cleanup, say });
}

async function benchmark(all: AllSettings, cleanup: Cleanup): Promise<boolean> {
  const { bench: settings } = all;
  const machine = describeMachine();
  say(machineLine(machine));
  const databaseStarted = performance.now();
  const database = await provisionDatabase(settings.databaseUrl);
  const sweptLater = database.kind === 'embedded' ? ' (the next embedded run drops it)' : '';
  cleanup.add(`drop the database ${database.name}${sweptLater}`, database.release);
  const databaseMs = Math.round(performance.now() - databaseStarted);
  say(`Database: ${database.name} (fresh, on the ${database.kind} PostgreSQL; ready in ${databaseMs} ms)`);

  const usesSharedServer = settings.suites.some((suite) => suite !== 'webhooks');
  const server = usesSharedServer ? await startSharedServer(database.url, settings, cleanup) : undefined;
  const scenarios =
    server && settings.suites.includes('http') ? await runScenarios(server.baseUrl, settings) : [];
  const ledger =
    server && settings.suites.includes('ledger')
      ? await runLedgerBenchmarks({
          baseUrl: server.baseUrl,
          databaseUrl: database.url,
          serverPid: server.pid,
          settings: all.ledger,
          say,
        })
      : undefined;
  // The webhook suite has a server of its own, without workers; this one is done, and its
  // in-process workers would only take CPU from it.
  await server?.stop();
  const webhooks = await runWebhooks(all, database, !usesSharedServer, cleanup);
  const sections = [...(ledger ?? []), ...(webhooks?.sections ?? [])];
  const ok = scenarios.every((result) => failuresOf(result) === 0) && sections.every((section) => section.ok);
  const { durationSeconds, warmupSeconds, connections } = settings;
  const report: Report = {
    generatedAt: new Date().toISOString(),
    ok,
    machine,
    settings: { durationSeconds, warmupSeconds, connections },
    database: { kind: database.kind, name: database.name },
    // With the webhook suite alone, its own server's startup (also on an empty database).
    server: { startupMs: Math.round(server?.startupMs ?? webhooks?.serverStartupMs ?? 0) },
    scenarios,
    ...(ledger ? { ledger, ledgerSettings: all.ledger } : {}),
    ...(webhooks ? { webhooks: webhooks.sections, webhookSettings: all.webhooks } : {}),
  };
  await writeReport(RESULTS_FILE, report);
  say(`\nResults written to ${RESULTS_FILE}`);
  for (const line of failureLines(scenarios)) say(`FAILED ${line}`);
  for (const section of sections.filter((s) => !s.ok)) say(`FAILED ${section.name}`);
  return ok;
}

async function main(): Promise<number> {
  const started = performance.now();
  const all: AllSettings = {
    bench: readSettings(),
    ledger: readLedgerSettings(),
    webhooks: readWebhookSettings(),
  };
  const cleanup = new Cleanup();
  guard(cleanup, timeBudgetMs(all.bench, all.ledger, all.webhooks));
  let ok = false;
  try {
    ok = await benchmark(all, cleanup);
  } finally {
    ok = (await cleanup.run()) && ok;
  }
  say(`Total run time: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

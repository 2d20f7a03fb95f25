import { performance } from 'node:perf_hooks';
import {
  ledgerBudgetMs,
  readLedgerSettings,
  runLedgerBenchmarks,
  type LedgerSettings,
} from './ledger/index.js';
import { SCENARIOS } from './scenarios/index.js';
import { Cleanup, guard } from './support/cleanup.js';
import { provisionDatabase } from './support/database.js';
import { failuresOf, runScenario, type ScenarioResult } from './support/load.js';
import { RESULTS_FILE } from './support/paths.js';
import { describeMachine, failureLines, machineLine, scenarioTable, writeReport } from './support/report.js';
import { startServer } from './support/server.js';
import { readSettings, type BenchSettings } from './support/settings.js';

const say = (line = ''): void => void process.stdout.write(`${line}\n`);

// Startup, database setup and teardown, and every scenario with its warm-up and slowest request.
function timeBudgetMs(settings: BenchSettings, ledger: LedgerSettings): number {
  const perScenario = settings.warmupSeconds + settings.durationSeconds + 30;
  const http = settings.suites.includes('http') ? SCENARIOS.length * perScenario * 1000 : 0;
  const ledgerMs = settings.suites.includes('ledger') ? ledgerBudgetMs(ledger) : 0;
  return settings.readyTimeoutMs + 120_000 + http + ledgerMs;
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

async function benchmark(
  settings: BenchSettings,
  ledgerSettings: LedgerSettings,
  cleanup: Cleanup,
): Promise<boolean> {
  const machine = describeMachine();
  say(machineLine(machine));
  const databaseStarted = performance.now();
  const database = await provisionDatabase(settings.databaseUrl);
  const sweptLater = database.kind === 'embedded' ? ' (the next embedded run drops it)' : '';
  cleanup.add(`drop the database ${database.name}${sweptLater}`, database.release);
  const databaseMs = Math.round(performance.now() - databaseStarted);
  say(`Database: ${database.name} (fresh, on the ${database.kind} PostgreSQL; ready in ${databaseMs} ms)`);

  const server = await startServer(database.url, settings.readyTimeoutMs);
  cleanup.add('stop the server', server.stop);
  const startupMs = Math.round(server.startupMs);
  say(
    `Server startup: ${startupMs} ms (spawn to first 200 on /health/ready, migrations of the empty database included)`,
  );

  const scenarios = settings.suites.includes('http') ? await runScenarios(server.baseUrl, settings) : [];
  const ledger = settings.suites.includes('ledger')
    ? await runLedgerBenchmarks({
        baseUrl: server.baseUrl,
        databaseUrl: database.url,
        serverPid: server.pid,
        settings: ledgerSettings,
        say,
      })
    : undefined;
  const ok =
    scenarios.every((result) => failuresOf(result) === 0) && (ledger ?? []).every((section) => section.ok);
  const { durationSeconds, warmupSeconds, connections } = settings;
  await writeReport(RESULTS_FILE, {
    generatedAt: new Date().toISOString(),
    ok,
    machine,
    settings: { durationSeconds, warmupSeconds, connections },
    database: { kind: database.kind, name: database.name },
    server: { startupMs },
    scenarios,
    ...(ledger ? { ledger, ledgerSettings } : {}),
  });
  say(`\nResults written to ${RESULTS_FILE}`);
  for (const line of failureLines(scenarios)) say(`FAILED ${line}`);
  for (const section of (ledger ?? []).filter((s) => !s.ok)) say(`FAILED ${section.name}`);
  return ok;
}

async function main(): Promise<number> {
  const started = performance.now();
  const settings = readSettings();
  const ledgerSettings = readLedgerSettings();
  const cleanup = new Cleanup();
  guard(cleanup, timeBudgetMs(settings, ledgerSettings));
  let ok = false;
  try {
    ok = await benchmark(settings, ledgerSettings, cleanup);
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

import { performance } from 'node:perf_hooks';
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
function timeBudgetMs(settings: BenchSettings): number {
  const perScenario = settings.warmupSeconds + settings.durationSeconds + 30;
  return settings.readyTimeoutMs + 120_000 + SCENARIOS.length * perScenario * 1000;
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

async function benchmark(settings: BenchSettings, cleanup: Cleanup): Promise<boolean> {
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

  const scenarios = await runScenarios(server.baseUrl, settings);
  const ok = scenarios.every((result) => failuresOf(result) === 0);
  const { durationSeconds, warmupSeconds, connections } = settings;
  await writeReport(RESULTS_FILE, {
    generatedAt: new Date().toISOString(),
    ok,
    machine,
    settings: { durationSeconds, warmupSeconds, connections },
    database: { kind: database.kind, name: database.name },
    server: { startupMs },
    scenarios,
  });
  say(`\nResults written to ${RESULTS_FILE}`);
  for (const line of failureLines(scenarios)) say(`FAILED ${line}`);
  return ok;
}

async function main(): Promise<number> {
  const settings = readSettings();
  const cleanup = new Cleanup();
  guard(cleanup, timeBudgetMs(settings));
  let ok = false;
  try {
    ok = await benchmark(settings, cleanup);
  } finally {
    ok = (await cleanup.run()) && ok;
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

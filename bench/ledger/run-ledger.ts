import { performance } from 'node:perf_hooks';
import { LEDGER_BENCHMARKS } from './benchmarks.js';
import { emptySection, targetLine, type LedgerContext, type LedgerSection } from './ledger-benchmark.js';
import type { LedgerSettings } from './ledger-settings.js';
import { LedgerFixture } from './support/ledger-fixture.js';
import { megabytes, residentBytes } from './support/rss-sampler.js';

export interface LedgerRunOptions {
  baseUrl: string;
  databaseUrl: string;
  serverPid: number | undefined;
  settings: LedgerSettings;
  say: (line?: string) => void;
}

/** A generous ceiling for the ledger benchmarks, for the harness's overall time budget. */
export function ledgerBudgetMs(settings: LedgerSettings): number {
  const booking =
    settings.concurrencies.length * 2 * (settings.warmupSeconds * 2 + settings.bookingSeconds + 30);
  // Generating, vacuuming, exporting: minutes per million postings on a small machine, with room.
  const perMillion = 15 * 60;
  const ledger = (Math.max(...settings.postings) / 1e6) * perMillion;
  return (300 + booking + ledger + settings.batches * 60) * 1000;
}

/**
 * Runs the chosen ledger benchmarks against the running server, each printing its tables and
 * targets; a benchmark that throws is reported as failed and the rest still run.
 */
export async function runLedgerBenchmarks(options: LedgerRunOptions): Promise<LedgerSection[]> {
  const { settings, say } = options;
  const context: LedgerContext = {
    ...options,
    fixture: new LedgerFixture(options.baseUrl, options.databaseUrl),
    references: { rawVouchersPerSecond: new Map() },
  };
  const sections: LedgerSection[] = [];
  const rss = residentBytes(options.serverPid);
  say(`\nLedger benchmarks: API server RSS at the start ${rss === undefined ? 'n/a' : megabytes(rss)}`);
  for (const key of settings.benchmarks) {
    const benchmark = LEDGER_BENCHMARKS[key];
    say(`\nLedger: ${benchmark.name}${settings.quick ? ' (quick mode)' : ''}`);
    const started = performance.now();
    let section: LedgerSection;
    try {
      section = await benchmark.run(context);
    } catch (error) {
      section = emptySection(benchmark.name);
      section.ok = false;
      section.failures.push(error instanceof Error ? error.message : String(error));
    }
    const seconds = (performance.now() - started) / 1000;
    const rss = residentBytes(options.serverPid);
    section.figures = { ...section.figures, seconds, serverRssAfterBytes: rss };
    for (const failure of section.failures) say(`FAILED ${failure}`);
    say(`(${seconds.toFixed(0)} s; API server RSS now ${rss === undefined ? 'n/a' : megabytes(rss)})`);
    sections.push(section);
  }
  say('\nLedger targets (a miss does not fail the run):');
  for (const section of sections) {
    for (const target of section.targets) say(`  ${targetLine(target)}`);
    for (const skipped of section.skipped) say(`  skipped ${skipped}`);
  }
  return sections;
}

import { performance } from 'node:perf_hooks';
import { formatNumber, gridTable } from '../support/report.js';
import { emptySection, targetLine, type LedgerBenchmark, type LedgerContext } from './ledger-benchmark.js';
import { perSecond } from './support/latency.js';
import { megabytes, RssSampler, type MemoryFigures } from './support/rss-sampler.js';
import { startServer, type RunningServer } from '../support/server.js';

const NAME = 'GL export: GET /v1/postings/export.csv';
const ROWS_PER_SECOND_TARGET = 50_000;
const MEMORY_TARGET_BYTES = 300e6;
const NEWLINE = 0x0a;

interface ExportRun {
  label: string;
  query: string;
  rows: number;
  bytes: number;
  seconds: number;
  firstByteMs: number;
  rowsPerSecond: number;
  memory: MemoryFigures | undefined;
}

/** Streams one export to its end, counting rows (lines after the header) and bytes, nothing kept. */
async function streamExport(
  context: LedgerContext,
  server: RunningServer,
  label: string,
  query: string,
): Promise<ExportRun> {
  const session = await context.fixture.api();
  const headers = await session.headers();
  const sampler = RssSampler.start(server.pid);
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}/v1/postings/export.csv${query}`, { headers });
  if (response.status !== 200 || !response.body) {
    sampler?.stop();
    throw new Error(`export${query} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }
  let firstByteMs = 0;
  let lines = 0;
  let bytes = 0;
  for await (const chunk of response.body) {
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += chunk.byteLength;
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) lines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = Math.max(0, lines - 1);
  return {
    label,
    query,
    rows,
    bytes,
    seconds,
    firstByteMs,
    rowsPerSecond: rows / seconds,
    memory: sampler?.stop(),
  };
}

function exportTable(runs: ExportRun[]): string {
  return gridTable(
    ['Export', 'Rows', 'MB', 'Seconds', 'First byte', 'Rows/s', 'Server RSS before', 'Peak during'],
    runs.map((run) => [
      run.label,
      formatNumber(run.rows),
      (run.bytes / 1e6).toFixed(1),
      run.seconds.toFixed(1),
      `${run.firstByteMs.toFixed(0)} ms`,
      perSecond(run.rowsPerSecond),
      run.memory ? megabytes(run.memory.startBytes) : 'n/a',
      run.memory ? megabytes(run.memory.peakBytes) : 'n/a',
    ]),
  );
}

/**
 * Issue 4, item 4: the general-ledger CSV export of the largest generated ledger (1,000,000
 * postings by default), rows per second and the peak resident memory of the API server process
 * that streams it (one started for this benchmark); then the revenue accounts only (accountNumberFrom/To), for the filtered path.
 */
export const csvExport: LedgerBenchmark = {
  name: NAME,
  async run(context) {
    const section = emptySection(NAME);
    const { say } = context;
    const size = context.settings.postings.at(-1)!;
    if (context.fixture.postings < size) {
      const growth = await context.fixture.growTo(size);
      say(
        `Generated the ledger to ${formatNumber(growth.postings)} postings in ${growth.generateSeconds.toFixed(1)} s`,
      );
    }
    const expected = context.fixture.postings;
    // A server process of its own, started for the export: the shared one has grown its heap on
    // the benchmarks before (V8 keeps what it took), which says nothing about what an export
    // costs. Same build, database, settings and public URL: a second process of one deployment,
    // so the shared server's tokens are valid on it.
    const server = await startServer(context.databaseUrl, 60_000, { publicBaseUrl: context.baseUrl });
    say(`Export served by a fresh API server process (ready in ${server.startupMs.toFixed(0)} ms)`);
    let full: ExportRun;
    let revenue: ExportRun;
    try {
      full = await streamExport(context, server, 'all postings', '');
      revenue = await streamExport(
        context,
        server,
        'accounts 3000-3999',
        '?accountNumberFrom=3000&accountNumberTo=3999',
      );
    } finally {
      await server.stop();
    }
    say(exportTable([full, revenue]));
    if (full.rows !== expected) {
      section.ok = false;
      section.failures.push(`the export had ${full.rows} rows; the company has ${expected} postings`);
    }
    section.targets.push({
      target: `export of ${formatNumber(full.rows)} postings > ${formatNumber(ROWS_PER_SECOND_TARGET)} rows/s`,
      actual: `${perSecond(full.rowsPerSecond)} rows/s (${full.seconds.toFixed(1)} s)`,
      met: full.rowsPerSecond > ROWS_PER_SECOND_TARGET,
    });
    if (full.memory) {
      section.targets.push({
        target: `API server peak memory during the export < ${megabytes(MEMORY_TARGET_BYTES)}`,
        actual: `${megabytes(full.memory.peakBytes)} RSS (from ${megabytes(full.memory.startBytes)}; VmHWM over the server's life ${megabytes(full.memory.lifetimePeakBytes)})`,
        met: full.memory.peakBytes < MEMORY_TARGET_BYTES,
      });
    } else section.skipped.push('memory target: the server process memory could not be read (/proc)');
    for (const target of section.targets) say(targetLine(target));
    section.figures = { postings: expected, runs: [full, revenue] };
    return section;
  },
};

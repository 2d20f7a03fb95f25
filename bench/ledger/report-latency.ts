import { addDays, addMonthsToMonthStart, daysInMonth } from '../../src/common/dates/calendar-date.js';
import { failuresOf, type ScenarioResult } from '../support/load.js';
import { formatNumber, gridTable } from '../support/report.js';
import {
  emptySection,
  targetLine,
  type LedgerBenchmark,
  type LedgerContext,
  type LedgerSection,
} from './ledger-benchmark.js';
import { ApiError } from './support/api-session.js';
import { ms, type LatencySummary } from './support/latency.js';
import { loadedGets, sequentialGets } from './support/report-requests.js';

const NAME = 'Reports: trial balance and profit and loss as the ledger grows';
const LATENCY_TARGET_MS = 50;
// "Does not grow with postings": the median at the largest size within this factor of the smallest.
const FLAT_FACTOR = 1.5;

interface Report {
  name: string;
  path: string;
  /** Extra query parameters for a range, e.g. the comparison period. */
  extra: (from: string, to: string) => Record<string, string>;
}

interface Measurement {
  postings: number;
  report: string;
  range: string;
  from: string;
  to: string;
  lines: number | undefined;
  sequential: LatencySummary;
  load: ScenarioResult;
}

const sameDayLastYear = (date: string): string => {
  const [year, month, day] = date.split('-').map(Number);
  const clamped = Math.min(day, daysInMonth(year - 1, month));
  return `${year - 1}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
};

const REPORTS: Report[] = [
  { name: 'Trial balance', path: '/v1/reports/trial-balance', extra: () => ({}) },
  {
    name: 'Profit and loss',
    path: '/v1/reports/profit-and-loss',
    extra: (from, to) => ({ compareFrom: sameDayLastYear(from), compareTo: sameDayLastYear(to) }),
  },
];

/** The whole fiscal year (month rows only), and mid-month to mid-month (day rows at both ends). */
function ranges(year: { startDate: string; endDate: string }) {
  return [
    { label: 'full year', from: year.startDate, to: year.endDate },
    {
      label: 'mid-month to mid-month',
      from: addDays(addMonthsToMonthStart(year.startDate, 1), 14),
      to: addDays(addMonthsToMonthStart(year.startDate, 8), 13),
    },
  ];
}

function urlOf(report: Report, from: string, to: string): string {
  return `${report.path}?${new URLSearchParams({ from, to, ...report.extra(from, to) }).toString()}`;
}

// The profit-and-loss endpoint is being written alongside: measure it where it exists. A
// report that answers anything else than 200 or 404 is a failure, and the others still run.
async function presentReports(context: LedgerContext, section: LedgerSection): Promise<Report[]> {
  const session = await context.fixture.api();
  const year = await context.fixture.fiscalYear();
  const present: Report[] = [];
  for (const report of REPORTS) {
    try {
      await session.request(urlOf(report, year.startDate, year.endDate), { method: 'GET', expected: 200 });
      present.push(report);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        section.skipped.push(`${report.name}: GET ${report.path}: endpoint not present (404)`);
        context.say(`  ${report.name}: GET ${report.path}: endpoint not present (404), skipped`);
      } else {
        section.ok = false;
        section.failures.push(`${report.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return present;
}

/** How many lines a report has, when its body has a `lines` array (the trial balance does). */
function linesOf(body: string): number | undefined {
  const parsed = JSON.parse(body) as { lines?: unknown };
  return Array.isArray(parsed.lines) ? parsed.lines.length : undefined;
}

async function measureSize(
  context: LedgerContext,
  reports: Report[],
  postings: number,
): Promise<Measurement[]> {
  const session = await context.fixture.api();
  const { settings } = context;
  const measurements: Measurement[] = [];
  for (const report of reports) {
    for (const range of ranges(await context.fixture.fiscalYear())) {
      const path = urlOf(report, range.from, range.to);
      const sequential = await sequentialGets(session, path, settings.reportRequests);
      const name = `${report.name}, ${range.label}`;
      const load = await loadedGets(
        session,
        name,
        path,
        settings.reportLoadSeconds,
        settings.reportConnections,
      );
      measurements.push({
        postings,
        report: report.name,
        range: range.label,
        from: range.from,
        to: range.to,
        lines: linesOf(sequential.body),
        sequential: sequential.latency,
        load,
      });
    }
  }
  return measurements;
}

function sizeTable(context: LedgerContext, measurements: Measurement[]): string {
  const { reportRequests, reportConnections, reportLoadSeconds } = context.settings;
  return gridTable(
    [
      'Report, range',
      'Lines',
      `p50 (${reportRequests} seq.)`,
      'p99',
      'max',
      `req/s (${reportConnections} conn., ${reportLoadSeconds} s)`,
      'p50',
      'p99',
    ],
    measurements.map((m) => [
      `${m.report}, ${m.range} ${m.from}..${m.to}`,
      m.lines === undefined ? '-' : String(m.lines),
      ms(m.sequential.p50Ms),
      ms(m.sequential.p99Ms),
      ms(m.sequential.maxMs),
      formatNumber(m.load.requestsPerSecond, 1),
      ms(m.load.latencyP50Ms),
      ms(m.load.latencyP99Ms),
    ]),
  );
}

function judge(section: LedgerSection, all: Measurement[]): void {
  for (const m of all) {
    section.targets.push({
      target: `${m.report}, ${m.range}, ${formatNumber(m.postings)} postings: p99 < ${LATENCY_TARGET_MS} ms`,
      actual: ms(m.sequential.p99Ms),
      met: m.sequential.p99Ms < LATENCY_TARGET_MS,
    });
  }
  const sizes = [...new Set(all.map((m) => m.postings))];
  if (sizes.length < 2) return;
  const [smallest, largest] = [sizes[0], sizes.at(-1)!];
  for (const small of all.filter((m) => m.postings === smallest)) {
    const large = all.find(
      (m) => m.postings === largest && m.report === small.report && m.range === small.range,
    )!;
    const factor = large.sequential.p50Ms / small.sequential.p50Ms;
    section.targets.push({
      target: `${small.report}, ${small.range}: p50 does not grow with postings (${formatNumber(largest)} within ${FLAT_FACTOR}x of ${formatNumber(smallest)})`,
      actual: `${factor.toFixed(2)}x (${ms(small.sequential.p50Ms)} -> ${ms(large.sequential.p50Ms)})`,
      met: factor <= FLAT_FACTOR,
    });
  }
}

/**
 * Issue 4, item 3: report latency for one company at each ledger size (100,000, then
 * 1,000,000 postings by default), full year and mid-month ranges, one request at a time and
 * under a short autocannon load. Reports read maintained balances, so time should stay flat.
 */
export const reportLatency: LedgerBenchmark = {
  name: NAME,
  async run(context) {
    const section = emptySection(NAME);
    const { say } = context;
    const reports = await presentReports(context, section);
    const all: Measurement[] = [];
    for (const postings of context.settings.postings) {
      const growth = await context.fixture.growTo(postings, (done) =>
        say(`  generated ${formatNumber(done)} postings`),
      );
      say(
        `Ledger of ${formatNumber(growth.postings)} postings (${formatNumber(growth.vouchers)} vouchers): ` +
          `${formatNumber(growth.addedPostings)} added in ${growth.generateSeconds.toFixed(1)} s ` +
          `(${formatNumber(growth.addedPostings / growth.generateSeconds)} postings/s), VACUUM ANALYZE ${growth.vacuumSeconds.toFixed(1)} s`,
      );
      const measurements = await measureSize(context, reports, growth.postings);
      say(sizeTable(context, measurements));
      for (const m of measurements.filter((m) => failuresOf(m.load) > 0)) {
        section.ok = false;
        section.failures.push(`${m.report}, ${m.range}: ${failuresOf(m.load)} failed requests under load`);
      }
      all.push(...measurements);
    }
    judge(section, all);
    for (const target of section.targets) say(targetLine(target));
    section.figures = { measurements: all };
    return section;
  },
};

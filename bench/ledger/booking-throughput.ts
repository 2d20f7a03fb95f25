import { gridTable } from '../support/report.js';
import { emptySection, targetLine, type LedgerBenchmark, type LedgerSection } from './ledger-benchmark.js';
import { ApiSession } from './support/api-session.js';
import { runClosedLoop, type LoopResult } from './support/closed-loop.js';
import { ms, perSecond } from './support/latency.js';
import { readCompanyRefs, refreshStatistics } from './support/ledger-refs.js';
import { measureRawBookings, RawBooker } from './support/raw-booking.js';
import { salesVouchersIn, toRequestBody } from './support/sales-vouchers.js';

const NAME = 'Booking throughput: POST /v1/vouchers against raw SQL';
const RATIO_TARGET = 0.5;
const RATIO_CONCURRENCY = 32;
const P99_TARGET_MS = 50;
const P99_CONCURRENCY = 8;

interface Point {
  concurrency: number;
  api: LoopResult;
  raw: LoopResult;
}

function recordFailures(section: LedgerSection, label: string, result: LoopResult): void {
  if (result.failures === 0) return;
  section.ok = false;
  section.failures.push(`${label}: ${result.failures} failed, first: ${result.firstFailure}`);
}

function judge(section: LedgerSection, points: Point[]): void {
  const top = points.find((point) => point.concurrency === RATIO_CONCURRENCY);
  if (top) {
    const ratio = top.api.perSecond / top.raw.perSecond;
    section.targets.push({
      target: `API >= ${RATIO_TARGET * 100} % of raw at concurrency ${RATIO_CONCURRENCY}`,
      actual: `${(ratio * 100).toFixed(0)} % (${perSecond(top.api.perSecond)} vs ${perSecond(top.raw.perSecond)} vouchers/s)`,
      met: ratio >= RATIO_TARGET,
    });
  } else section.skipped.push(`ratio target: concurrency ${RATIO_CONCURRENCY} was not measured`);
  const eight = points.find((point) => point.concurrency === P99_CONCURRENCY);
  if (eight) {
    section.targets.push({
      target: `API p99 < ${P99_TARGET_MS} ms at concurrency ${P99_CONCURRENCY}`,
      actual: ms(eight.api.latency.p99Ms),
      met: eight.api.latency.p99Ms < P99_TARGET_MS,
    });
  } else section.skipped.push(`p99 target: concurrency ${P99_CONCURRENCY} was not measured`);
}

function pointsTable(points: Point[]): string {
  return gridTable(
    [
      'Concurrency',
      'API vouchers/s',
      'API p50',
      'API p99',
      'Raw vouchers/s',
      'Raw p50',
      'Raw p99',
      'API/raw',
    ],
    points.map(({ concurrency, api, raw }) => [
      String(concurrency),
      perSecond(api.perSecond),
      ms(api.latency.p50Ms),
      ms(api.latency.p99Ms),
      perSecond(raw.perSecond),
      ms(raw.latency.p50Ms),
      ms(raw.latency.p99Ms),
      `${((api.perSecond / raw.perSecond) * 100).toFixed(0)} %`,
    ]),
  );
}

/**
 * Issue 4, item 1: booked vouchers per second through `POST /v1/vouchers` at each concurrency,
 * and the raw limit (the same rows through `pg`, no API) at the same concurrency right after,
 * into the same company and series, so both queue on the same number counter.
 */
export const bookingThroughput: LedgerBenchmark = {
  name: NAME,
  async run(context) {
    const section = emptySection(NAME);
    const { settings, say } = context;
    const session = await ApiSession.signUp(context.baseUrl, 'Bench Booking AS');
    const refs = await readCompanyRefs(context.databaseUrl, session.companyId);
    const next = salesVouchersIn(refs.fiscalYear);
    const raw = new RawBooker(context.databaseUrl, refs, session.company.clientId);
    say(
      `One company, series SAL; each voucher: D 1500 (customer), C 3000 VAT code 3, C 3100 VAT code 5, and the ` +
        `generated C 2700: 4 postings. ${settings.warmupSeconds} s warm-up, ${settings.bookingSeconds} s measured per run; ` +
        `API pool ${settings.serverPoolSize ?? 'default (10)'} connections, raw one per worker; ANALYZE before each concurrency.`,
    );
    const points: Point[] = [];
    try {
      for (const concurrency of settings.concurrencies) {
        say(`  concurrency ${concurrency}: API, then raw`);
        await refreshStatistics(context.databaseUrl);
        const api = await runClosedLoop({
          concurrency,
          warmupSeconds: settings.warmupSeconds,
          until: { seconds: settings.bookingSeconds },
          operation: () =>
            session.postJson('/v1/vouchers', JSON.stringify(toRequestBody(next()))).then(() => undefined),
        });
        recordFailures(section, `API at concurrency ${concurrency}`, api);
        const rawResult = await measureRawBookings(context, raw, next, concurrency);
        recordFailures(section, `raw at concurrency ${concurrency}`, rawResult);
        points.push({ concurrency, api, raw: rawResult });
      }
    } finally {
      await raw.close();
    }
    say(pointsTable(points));
    judge(section, points);
    for (const target of section.targets) say(targetLine(target));
    section.figures = { points };
    return section;
  },
};

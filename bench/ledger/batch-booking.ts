import { formatNumber, gridTable } from '../support/report.js';
import { emptySection, targetLine, type LedgerBenchmark, type LedgerContext } from './ledger-benchmark.js';
import { ApiSession } from './support/api-session.js';
import { runClosedLoop, type LoopResult } from './support/closed-loop.js';
import { ms, perSecond } from './support/latency.js';
import { readCompanyRefs, refreshStatistics } from './support/ledger-refs.js';
import { measureRawBookings, RawBooker } from './support/raw-booking.js';
import { salesVouchersIn, toRequestBody } from './support/sales-vouchers.js';

const NAME = 'Batch booking: POST /v1/vouchers/batch';
const SPEED_UP_TARGET = 5;

interface BatchRun {
  label: string;
  result: LoopResult;
  vouchersPerSecond: number;
}

// The raw single-voucher figure at concurrency 1 from the booking benchmark of this run, or,
// when that did not run (BENCH_LEDGER=batch), measured here.
async function rawReference(context: LedgerContext, session: ApiSession): Promise<number> {
  const known = context.references.rawVouchersPerSecond.get(1);
  if (known !== undefined) return known;
  context.say('  raw single-voucher reference at concurrency 1 (the booking benchmark did not run)');
  const refs = await readCompanyRefs(context.databaseUrl, session.companyId);
  const raw = new RawBooker(context.databaseUrl, refs, session.company.clientId);
  try {
    const result = await measureRawBookings(context, raw, salesVouchersIn(refs.fiscalYear), 1);
    if (result.failures > 0) throw new Error(`raw reference failed: ${result.firstFailure}`);
    return result.perSecond;
  } finally {
    await raw.close();
  }
}

/**
 * Issue 4, item 2: vouchers per second through the batch endpoint, batches of 1,000 (all or
 * nothing, one transaction each), one at a time and two at a time, against the raw
 * single-voucher figure of the same run.
 */
export const batchBooking: LedgerBenchmark = {
  name: NAME,
  async run(context) {
    const section = emptySection(NAME);
    const { settings, say } = context;
    const session = await ApiSession.signUp(context.baseUrl, 'Bench Batch AS');
    const next = salesVouchersIn((await readCompanyRefs(context.databaseUrl, session.companyId)).fiscalYear);
    // Bodies are built before the clock starts: the client's JSON work is not the server's.
    const bodies = Array.from({ length: 2 * settings.batches + 1 }, () =>
      JSON.stringify({ vouchers: Array.from({ length: settings.batchSize }, () => toRequestBody(next())) }),
    );
    say(
      `${settings.batches} batches of ${formatNumber(settings.batchSize)} sales vouchers (4 postings each) one at a time, ` +
        `then ${settings.batches} two at a time, after one warm-up batch and ANALYZE; bodies ${formatNumber(bodies[0].length / 1024)} KiB`,
    );
    const post = () => session.postJson('/v1/vouchers/batch', bodies.pop()!).then(() => undefined);
    await post();
    await refreshStatistics(context.databaseUrl);
    const runs: BatchRun[] = [];
    for (const concurrency of [1, 2]) {
      const result = await runClosedLoop({
        concurrency,
        warmupSeconds: 0,
        until: { operations: settings.batches },
        operation: post,
      });
      if (result.failures > 0) {
        section.ok = false;
        section.failures.push(
          `batches ${concurrency} at a time: ${result.failures} failed, first: ${result.firstFailure}`,
        );
      }
      const label = concurrency === 1 ? 'one at a time' : 'two at a time';
      runs.push({ label, result, vouchersPerSecond: result.perSecond * settings.batchSize });
    }
    const rawOne = await rawReference(context, session);
    const bestRaw = Math.max(...context.references.rawVouchersPerSecond.values());
    say(
      gridTable(
        ['Batches', 'Vouchers/s', 'Batch p50', 'Batch max', 'x raw c=1', 'x best raw'],
        runs.map(({ label, result, vouchersPerSecond }) => [
          `${result.operations} ${label}`,
          perSecond(vouchersPerSecond),
          ms(result.latency.p50Ms),
          ms(result.latency.maxMs),
          `${(vouchersPerSecond / rawOne).toFixed(1)}x`,
          `${(vouchersPerSecond / bestRaw).toFixed(1)}x`,
        ]),
      ),
    );
    say(
      `Raw single-voucher reference: ${perSecond(rawOne)} vouchers/s at concurrency 1; best raw ${perSecond(bestRaw)}`,
    );
    const sequential = runs[0].vouchersPerSecond;
    section.targets.push({
      target: `batches one at a time >= ${SPEED_UP_TARGET}x raw single-voucher bookings at concurrency 1`,
      actual: `${(sequential / rawOne).toFixed(1)}x (${perSecond(sequential)} vs ${perSecond(rawOne)} vouchers/s)`,
      met: sequential >= SPEED_UP_TARGET * rawOne,
    });
    for (const target of section.targets) say(targetLine(target));
    section.figures = { runs, rawSingleVoucherAtConcurrency1: rawOne, bestRawSingleVoucher: bestRaw };
    return section;
  },
};

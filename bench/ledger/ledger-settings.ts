import { SettingsError } from '../support/settings.js';

/** The ledger benchmarks by key, in the order they run; `BENCH_LEDGER` picks some. */
export const LEDGER_BENCHMARK_KEYS = ['booking', 'batch', 'reports', 'export'] as const;
export type LedgerBenchmarkKey = (typeof LEDGER_BENCHMARK_KEYS)[number];

export interface LedgerSettings {
  /** `BENCH_QUICK=1`: small sizes and short runs, for developing the benchmarks themselves. */
  quick: boolean;
  benchmarks: LedgerBenchmarkKey[];
  /** Concurrent bookings, each measured through the API and raw. */
  concurrencies: number[];
  /** Measured seconds per booking run, after `warmupSeconds` uncounted. */
  bookingSeconds: number;
  warmupSeconds: number;
  /** Vouchers per batch request, and batches per run (once sequential, once two at a time). */
  batchSize: number;
  batches: number;
  /** Ledger sizes (postings in one company) at which the reports are measured; the export uses the largest. */
  postings: number[];
  /** Sequential requests per report and range. */
  reportRequests: number;
  /** Seconds and connections of the autocannon run per report and range. */
  reportLoadSeconds: number;
  reportConnections: number;
  /** The server's DATABASE_POOL_SIZE when set (it inherits the environment), for the report. */
  serverPoolSize: string | undefined;
}

function wholeNumbers(env: NodeJS.ProcessEnv, name: string, fallback: number[], max: number): number[] {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const values = raw.split(',').map((part) => Number(part.trim().replace(/_/g, '')));
  if (values.some((value) => !Number.isInteger(value) || value < 1 || value > max)) {
    throw new SettingsError(
      `${name}=${JSON.stringify(raw)}: expected whole numbers from 1 to ${max}, comma-separated`,
    );
  }
  return values;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  return wholeNumbers(env, name, [fallback], max)[0];
}

function benchmarks(env: NodeJS.ProcessEnv): LedgerBenchmarkKey[] {
  const raw = env.BENCH_LEDGER?.trim();
  if (!raw) return [...LEDGER_BENCHMARK_KEYS];
  const keys = raw.split(',').map((key) => key.trim());
  const unknown = keys.filter((key) => !(LEDGER_BENCHMARK_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new SettingsError(
      `BENCH_LEDGER=${JSON.stringify(raw)}: expected some of ${LEDGER_BENCHMARK_KEYS.join(',')}`,
    );
  }
  return LEDGER_BENCHMARK_KEYS.filter((key) => keys.includes(key));
}

/**
 * Reads the BENCH_LEDGER_* variables. The defaults are issue 4's sizes; `BENCH_QUICK=1` swaps
 * in small ones, and any variable given explicitly wins over both.
 */
export function readLedgerSettings(env: NodeJS.ProcessEnv = process.env): LedgerSettings {
  const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  return {
    quick,
    benchmarks: benchmarks(env),
    concurrencies: wholeNumbers(env, 'BENCH_LEDGER_CONCURRENCY', [1, 8, 32], 90),
    bookingSeconds: wholeNumber(env, 'BENCH_LEDGER_SECONDS', quick ? 3 : 10, 3600),
    warmupSeconds: quick ? 1 : 2,
    batchSize: wholeNumber(env, 'BENCH_LEDGER_BATCH_SIZE', 1000, 1000),
    batches: wholeNumber(env, 'BENCH_LEDGER_BATCHES', quick ? 2 : 6, 1000),
    postings: wholeNumbers(
      env,
      'BENCH_LEDGER_POSTINGS',
      quick ? [20_000, 100_000] : [100_000, 1_000_000],
      100_000_000,
    ).sort((a, b) => a - b),
    reportRequests: wholeNumber(env, 'BENCH_LEDGER_REPORT_REQUESTS', quick ? 20 : 50, 100_000),
    reportLoadSeconds: wholeNumber(env, 'BENCH_LEDGER_REPORT_SECONDS', quick ? 2 : 5, 3600),
    reportConnections: wholeNumber(env, 'BENCH_LEDGER_REPORT_CONNECTIONS', 4, 1000),
    serverPoolSize: env.DATABASE_POOL_SIZE?.trim() || undefined,
  };
}

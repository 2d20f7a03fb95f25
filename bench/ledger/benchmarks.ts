import { batchBooking } from './batch-booking.js';
import { bookingThroughput } from './booking-throughput.js';
import { csvExport } from './csv-export.js';
import type { LedgerBenchmark } from './ledger-benchmark.js';
import type { LedgerBenchmarkKey } from './ledger-settings.js';
import { reportLatency } from './report-latency.js';

/**
 * By key, for BENCH_LEDGER. They run in LEDGER_BENCHMARK_KEYS order: batch compares with the
 * booking benchmark's raw figure, the export reuses the ledger the reports benchmark grew.
 * Add a file that exports a `LedgerBenchmark` and list it here (and its key in the settings).
 */
export const LEDGER_BENCHMARKS: Record<LedgerBenchmarkKey, LedgerBenchmark> = {
  booking: bookingThroughput,
  batch: batchBooking,
  reports: reportLatency,
  export: csvExport,
};

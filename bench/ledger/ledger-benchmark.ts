import type { LedgerSettings } from './ledger-settings.js';
import type { LedgerFixture } from './support/ledger-fixture.js';

/** A target from issue 4, judged on this run's figures. A miss is reported, never fatal. */
export interface TargetResult {
  target: string;
  /** The figure the target was judged on, as printed. */
  actual: string;
  met: boolean;
}

/** What one ledger benchmark found: printed as it runs, and written to the results file. */
export interface LedgerSection {
  name: string;
  /** False when a request or statement failed (a broken benchmark, not a missed target). */
  ok: boolean;
  failures: string[];
  /** Why parts were left out, e.g. an endpoint the server does not have yet. */
  skipped: string[];
  targets: TargetResult[];
  figures: Record<string, unknown>;
}

/** Figures one benchmark measures and a later one compares against, within the same run. */
export interface SharedReferences {
  /** Raw SQL single-voucher bookings per second, by concurrency. */
  rawVouchersPerSecond: Map<number, number>;
}

export interface LedgerContext {
  baseUrl: string;
  /** The bench database, connected as its owner (the generator and the raw writer use it). */
  databaseUrl: string;
  /** The API server's process, to sample its memory. */
  serverPid: number | undefined;
  settings: LedgerSettings;
  /** The company the report and export benchmarks grow to the sizes they need. */
  fixture: LedgerFixture;
  references: SharedReferences;
  say: (line?: string) => void;
}

/**
 * A benchmark of the ledger that does not fit autocannon's one-request-many-times shape:
 * throughput against a raw SQL reference, batches, reports at ledger sizes, a streamed export.
 */
export interface LedgerBenchmark {
  name: string;
  run: (context: LedgerContext) => Promise<LedgerSection>;
}

export function emptySection(name: string): LedgerSection {
  return { name, ok: true, failures: [], skipped: [], targets: [], figures: {} };
}

export function targetLine(result: TargetResult): string {
  return `${result.met ? 'met   ' : 'MISSED'}  ${result.target}: ${result.actual}`;
}

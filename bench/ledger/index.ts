export { runLedgerBenchmarks, ledgerBudgetMs, type LedgerRunOptions } from './run-ledger.js';
export { readLedgerSettings, type LedgerSettings } from './ledger-settings.js';
export type { LedgerSection } from './ledger-benchmark.js';

export { LedgerBalance, ALL_DIMENSIONS, type BalanceGrain } from './ledger-balance.entity.js';
export { ReportsModule } from './reports.module.js';
export {
  LEDGER_DRIFT_SQL,
  UNBALANCED_VOUCHERS_SQL,
  NUMBER_GAPS_SQL,
  type BalanceDrift,
} from './ledger-consistency.js';
export { ReportsResolver } from './reports.resolver.js';

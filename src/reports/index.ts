export { LedgerBalance, ALL_DIMENSIONS, type BalanceGrain } from './ledger-balance.entity.js';
export { ReportsModule } from './reports.module.js';

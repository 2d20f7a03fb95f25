export { Account, type AccountClass, type ControlKind } from './accounts/account.entity.js';
export { VatCode, type VatDirection, type VatRatePeriod } from './vat/vat-code.entity.js';
export { FiscalYear } from './periods/fiscal-year.entity.js';
export { Period, type PeriodStatus } from './periods/period.entity.js';
export { Dimension, type DimensionKind } from './dimensions/dimension.entity.js';
export { DimensionValue } from './dimensions/dimension-value.entity.js';
export { rateInForce } from './vat/vat-rates.js';
export type { LedgerSnapshot, DimensionValueInfo } from './rules/ledger-snapshot.js';
export { LedgerRulesService } from './rules/ledger-rules.service.js';
export { PeriodClosedError, NoFiscalYearError, PostingRulesBrokenError } from './ledger.errors.js';
export { LedgerModule } from './ledger.module.js';
export { AccountLoader } from './accounts/account.loader.js';
export { AccountModel } from './accounts/graphql/account.model.js';
export { toAccountResponse as toAccountModel } from './accounts/account.mapper.js';
export { AccountsResolver } from './accounts/accounts.resolver.js';
export { VatCodesResolver } from './vat/vat-codes.resolver.js';
export { PeriodsResolver } from './periods/periods.resolver.js';
export { DimensionsResolver } from './dimensions/dimensions.resolver.js';
export {
  PROFIT_AND_LOSS_LAYOUT,
  BALANCE_SHEET_LAYOUT,
  sectionOf,
  type ReportLayout,
  type ReportSection,
} from './reports/report-layout.js';

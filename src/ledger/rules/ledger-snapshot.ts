import type { Account } from '../accounts/account.entity.js';
import type { DimensionKind } from '../dimensions/dimension.entity.js';
import type { Period } from '../periods/period.entity.js';
import type { VatCode } from '../vat/vat-code.entity.js';

export interface DimensionValueInfo {
  id: string;
  dimensionId: string;
  kind: DimensionKind;
  code: string;
  isActive: boolean;
}

/**
 * What booking a voucher needs to know of the ledger, read in the booking transaction: the
 * period of its date (held FOR SHARE, so nobody closes it meanwhile), the accounts, VAT codes
 * and dimension values its lines name, and the rounding account.
 */
export interface LedgerSnapshot {
  date: string;
  period: Period | null;
  accountsByNumber: Map<string, Account>;
  accountsById: Map<string, Account>;
  vatCodes: Map<string, VatCode>;
  dimensionValues: Map<string, DimensionValueInfo>;
  roundingAccount: Account | undefined;
}

export interface LedgerSnapshotRequest {
  date: string;
  accountNumbers: string[];
  accountIds: string[];
  vatCodes: string[];
  dimensionValueIds: string[];
  /** Hold the period FOR SHARE until commit (booking); dry runs and drafts do not. */
  lockPeriod: boolean;
}

/**
 * One line of a voucher as the caller entered it (kept as is on drafts). Amounts are decimal
 * strings: debit positive, credit negative.
 */
export interface VoucherLineInput {
  accountNumber: string;
  /** NOK. May be left out on a foreign-currency line: currencyAmount x exchangeRate, rounded. */
  amount?: string;
  currency?: string;
  currencyAmount?: string;
  exchangeRate?: string;
  vatCode?: string;
  departmentId?: string;
  projectId?: string;
  dimensionValueIds?: string[];
  customerId?: string;
  supplierId?: string;
  description?: string;
}

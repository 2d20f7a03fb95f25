import { formatAmount, formatNumeric, MoneyDecimal } from '../common/index.js';
import type { LedgerPostingDto } from './dto/postings.dto.js';
import type { PostingRow } from './postings-query.js';

export function toLedgerPosting(row: PostingRow): LedgerPostingDto {
  return {
    id: row.id,
    date: row.posting_date,
    voucherId: row.voucher_id,
    voucher: `${row.series} ${row.voucher_number}`,
    voucherUrl: `/v1/vouchers/${row.voucher_id}`,
    lineNumber: row.line_number,
    kind: row.kind,
    accountId: row.account_id,
    accountNumber: row.account_number,
    accountName: row.account_name,
    amount: formatNumeric(row.amount),
    currency: row.currency,
    currencyAmount: formatNumeric(row.currency_amount),
    exchangeRate: formatAmount(new MoneyDecimal(row.exchange_rate), 8),
    vatCode: row.vat_code,
    vatRate: row.vat_rate,
    departmentId: row.department_id,
    projectId: row.project_id,
    dimensionValueIds: row.dimension_value_ids,
    customerId: row.customer_id,
    supplierId: row.supplier_id,
    description: row.description,
  };
}

/** The CSV columns of a postings export, in order, with how each is read from a row. */
export const CSV_COLUMNS: [string, (row: PostingRow) => string | number | null][] = [
  ['date', (row) => row.posting_date],
  ['voucher', (row) => `${row.series} ${row.voucher_number}`],
  ['voucher_id', (row) => row.voucher_id],
  ['line', (row) => row.line_number],
  ['kind', (row) => row.kind],
  ['account', (row) => row.account_number],
  ['account_name', (row) => row.account_name],
  ['amount', (row) => formatNumeric(row.amount)],
  ['currency', (row) => row.currency],
  ['currency_amount', (row) => formatNumeric(row.currency_amount)],
  ['vat_code', (row) => row.vat_code],
  ['department_id', (row) => row.department_id],
  ['project_id', (row) => row.project_id],
  ['customer_id', (row) => row.customer_id],
  ['supplier_id', (row) => row.supplier_id],
  ['description', (row) => row.description],
  ['posting_id', (row) => row.id],
];

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

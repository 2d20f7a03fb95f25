import { formatAmount, formatNumeric, MoneyDecimal, sumAmounts } from '../common/index.js';
import type {
  PostingResponseDto,
  VoucherPreviewResponseDto,
  VoucherResponseDto,
} from './dto/voucher-response.dto.js';
import { toAttachmentResponse } from './attachments/attachment.mapper.js';
import type { Posting } from './postings/posting.entity.js';
import type { VoucherModel } from './graphql/voucher.model.js';
import type { VoucherPreview } from './vouchers.service.js';
import type { VoucherRecord } from './vouchers.repository.js';

export function toPostingResponse(posting: Posting, accountNumber: string): PostingResponseDto {
  return {
    id: posting.id,
    lineNumber: posting.lineNumber,
    kind: posting.kind,
    sourceLineNumber: posting.sourceLineNumber,
    date: posting.postingDate,
    accountId: posting.accountId,
    accountNumber,
    amount: formatNumeric(posting.amount),
    currency: posting.currency,
    currencyAmount: formatNumeric(posting.currencyAmount),
    exchangeRate: formatAmount(new MoneyDecimal(posting.exchangeRate), 8),
    vatCode: posting.vatCode,
    vatRate: posting.vatRate,
    departmentId: posting.departmentId,
    projectId: posting.projectId,
    dimensionValueIds: posting.dimensionValueIds,
    customerId: posting.customerId,
    supplierId: posting.supplierId,
    description: posting.description,
  };
}

export function toVoucherResponse(record: VoucherRecord): VoucherResponseDto {
  const { voucher, series } = record;
  return {
    id: voucher.id,
    status: voucher.status,
    type: series.voucherType,
    series: series.code,
    number: voucher.number,
    fiscalYearId: voucher.fiscalYearId,
    date: voucher.voucherDate,
    description: voucher.description,
    amountsIncludeVat: voucher.amountsIncludeVat,
    postings: record.postings.map((posting) =>
      toPostingResponse(posting, record.accountNumbers.get(posting.accountId) ?? ''),
    ),
    draftPostings: voucher.draftLines,
    attachments: record.attachments.map(toAttachmentResponse),
    reversesVoucherId: voucher.reversesVoucherId,
    reversedByVoucherId: record.reversedByVoucherId,
    version: voucher.version,
    createdAt: voucher.createdAt.toISOString(),
    bookedAt: voucher.bookedAt?.toISOString() ?? null,
  };
}

export function toVoucherPreviewResponse(preview: VoucherPreview): VoucherPreviewResponseDto {
  const { prepared } = preview;
  const amounts = prepared.postings.map((posting) => posting.amount);
  const rounding = sumAmounts(prepared.postings.filter((p) => p.kind === 'rounding').map((p) => p.amount));
  return {
    dryRun: true,
    series: prepared.series.code,
    number: preview.number,
    fiscalYearId: prepared.fiscalYearId,
    date: prepared.input.date,
    postings: prepared.postings.map((posting) => ({
      lineNumber: posting.lineNumber,
      kind: posting.kind,
      sourceLineNumber: posting.sourceLineNumber,
      accountNumber: posting.account.number,
      amount: formatAmount(posting.amount),
      currency: posting.currency,
      currencyAmount: formatAmount(posting.currencyAmount),
      exchangeRate: formatAmount(posting.exchangeRate, 8),
      vatCode: posting.vatCode,
      vatRate: posting.vatRate,
      description: posting.description,
    })),
    debit: formatAmount(sumAmounts(amounts.filter((amount) => amount.isPositive()))),
    credit: formatAmount(sumAmounts(amounts.filter((amount) => amount.isNegative())).negated()),
    rounding: formatAmount(rounding),
  };
}

/** The GraphQL Voucher: the REST shape, its postings knowing their voucher (for `Posting.voucher`). */
export function toVoucherModel(record: VoucherRecord): VoucherModel {
  const response = toVoucherResponse(record);
  return {
    ...response,
    postings: response.postings.map((posting) => ({ ...posting, voucherId: record.voucher.id })),
  };
}

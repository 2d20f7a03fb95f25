import { formatAmount, MoneyDecimal, type Amount } from '../common/index.js';
import type {
  AccountBalancesResponseDto,
  FinancialStatementResponseDto,
  GeneralLedgerResponseDto,
} from './dto/financial-statement.dto.js';
import type { TrialBalanceResponseDto } from './dto/trial-balance.dto.js';
import type { FinancialStatement } from './financial-statement.js';
import type { GeneralLedgerPage } from './general-ledger.service.js';
import type { TrialBalance } from './trial-balance.service.js';

export function toTrialBalanceResponse(report: TrialBalance): TrialBalanceResponseDto {
  const range = `from=${report.from}&to=${report.to}`;
  return {
    from: report.from,
    to: report.to,
    dimensionValueId: report.dimensionValueId,
    lines: report.lines.map((line) => ({
      accountId: line.accountId,
      accountNumber: line.accountNumber,
      accountName: line.accountName,
      accountClass: line.accountClass,
      opening: formatAmount(line.opening),
      debit: formatAmount(line.debit),
      credit: formatAmount(line.credit),
      closing: formatAmount(line.closing),
      postingCount: line.postingCount,
      postingsUrl: `/v1/postings?accountId=${line.accountId}&${range}`,
    })),
    totals: {
      opening: formatAmount(report.totals.opening),
      debit: formatAmount(report.totals.debit),
      credit: formatAmount(report.totals.credit),
      closing: formatAmount(report.totals.closing),
    },
  };
}

const SIGN_CONVENTION =
  'Amounts as on the page: income, assets, equity and liabilities positive; costs negative (profit and loss).';

export function toStatementResponse(
  report: 'profitAndLoss' | 'balanceSheet',
  statement: FinancialStatement,
  range: { from: string | null; to: string; compareFrom: string | null; compareTo: string | null },
): FinancialStatementResponseDto {
  const optional = (amount: Amount | null) => (amount ? formatAmount(amount) : null);
  const postingsRange = range.from ? `from=${range.from}&to=${range.to}` : `to=${range.to}`;
  return {
    report,
    ...range,
    signConvention: SIGN_CONVENTION,
    sections: statement.sections.map((section) => ({
      key: section.key,
      name: section.name,
      englishName: section.englishName,
      amount: formatAmount(section.amount),
      compareAmount: optional(section.compareAmount),
      accounts: section.accounts.map((line) => ({
        accountId: line.account.id,
        accountNumber: line.account.number,
        accountName: line.account.name,
        amount: formatAmount(line.amount),
        compareAmount: optional(line.compareAmount),
        postingsUrl: `/v1/postings?accountId=${line.account.id}&${postingsRange}`,
      })),
    })),
    subtotals: statement.subtotals.map((subtotal) => ({
      key: subtotal.key,
      name: subtotal.name,
      englishName: subtotal.englishName,
      amount: formatAmount(subtotal.amount),
      compareAmount: optional(subtotal.compareAmount),
    })),
  };
}

export function toGeneralLedgerResponse(page: GeneralLedgerPage): GeneralLedgerResponseDto {
  return {
    accountId: page.account.id,
    accountNumber: page.account.number,
    accountName: page.account.name,
    from: page.from,
    to: page.to,
    opening: formatAmount(page.opening),
    closing: formatAmount(page.closing),
    data: page.lines.map(({ row, balance }) => ({
      postingId: row.id,
      date: row.posting_date,
      voucherId: row.voucher_id,
      voucher: `${row.series} ${row.voucher_number}`,
      voucherUrl: `/v1/vouchers/${row.voucher_id}`,
      description: row.description,
      vatCode: row.vat_code,
      amount: formatAmount(new MoneyDecimal(row.amount)),
      balance: formatAmount(balance),
    })),
    nextCursor: page.nextCursor,
  };
}

export function toAccountBalancesResponse(report: TrialBalance, at: string): AccountBalancesResponseDto {
  return {
    at,
    data: report.lines.map((line) => ({
      accountId: line.accountId,
      accountNumber: line.accountNumber,
      accountName: line.accountName,
      balance: formatAmount(line.closing),
    })),
    nextCursor: null,
  };
}

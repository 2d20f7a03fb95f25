import { formatAmount } from '../common/index.js';
import type { TrialBalanceResponseDto } from './dto/trial-balance.dto.js';
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

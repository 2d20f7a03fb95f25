import { formatAmount, formatNumeric, type Amount, type CsvCell } from '../common/index.js';
import type { FinancialStatement } from './financial-statement.js';
import type { GeneralLedgerLine, LedgerAccount } from './general-ledger.service.js';
import type { TrialBalance } from './trial-balance.service.js';

// The reports as CSV: the same figures as their JSON, one row per line. A first column `line`
// says what each row is (an account, a section's sum, a subtotal, a total, an opening or
// closing balance), so a spreadsheet can filter on it and a script never mistakes a sum for an
// account.

export const TRIAL_BALANCE_CSV = [
  'line',
  'account',
  'account_name',
  'account_class',
  'opening',
  'debit',
  'credit',
  'closing',
  'posting_count',
] as const;

export function trialBalanceCsv(report: TrialBalance): CsvCell[][] {
  const { totals } = report;
  return [
    ...report.lines.map((line) => [
      'account',
      line.accountNumber,
      line.accountName,
      line.accountClass,
      formatAmount(line.opening),
      formatAmount(line.debit),
      formatAmount(line.credit),
      formatAmount(line.closing),
      line.postingCount,
    ]),
    [
      'total',
      null,
      'Total',
      null,
      formatAmount(totals.opening),
      formatAmount(totals.debit),
      formatAmount(totals.credit),
      formatAmount(totals.closing),
      report.lines.reduce((count, line) => count + line.postingCount, 0),
    ],
  ];
}

export const STATEMENT_CSV = [
  'line',
  'key',
  'account',
  'name',
  'english_name',
  'amount',
  'compare_amount',
] as const;

/** Each section's accounts, then the section's sum; the subtotals (result lines) after. */
export function statementCsv(statement: FinancialStatement): CsvCell[][] {
  const optional = (amount: Amount | null) => (amount ? formatAmount(amount) : null);
  return [
    ...statement.sections.flatMap((section) => [
      ...section.accounts.map((line) => [
        'account',
        section.key,
        line.account.number,
        line.account.name,
        null,
        formatAmount(line.amount),
        optional(line.compareAmount),
      ]),
      [
        'section',
        section.key,
        null,
        section.name,
        section.englishName,
        formatAmount(section.amount),
        optional(section.compareAmount),
      ],
    ]),
    ...statement.subtotals.map((subtotal) => [
      'subtotal',
      subtotal.key,
      null,
      subtotal.name,
      subtotal.englishName,
      formatAmount(subtotal.amount),
      optional(subtotal.compareAmount),
    ]),
  ];
}

export const GENERAL_LEDGER_CSV = [
  'line',
  'date',
  'account',
  'voucher',
  'description',
  'vat_code',
  'amount',
  'balance',
  'voucher_id',
  'posting_id',
] as const;

/** The opening (at `from`) or closing (at `to`) balance row of a general ledger. */
export function generalLedgerBalanceCsv(
  line: 'opening' | 'closing',
  account: LedgerAccount,
  date: string,
  balance: Amount,
): CsvCell[] {
  return [line, date, account.number, null, account.name, null, null, formatAmount(balance), null, null];
}

export function generalLedgerLinesCsv(account: LedgerAccount, lines: GeneralLedgerLine[]): CsvCell[][] {
  return lines.map(({ row, balance }) => [
    'posting',
    row.posting_date,
    account.number,
    `${row.series} ${row.voucher_number}`,
    row.description,
    row.vat_code,
    formatNumeric(row.amount),
    formatAmount(balance),
    row.voucher_id,
    row.id,
  ]);
}

import { BALANCE_ACCOUNT_GROUPS } from './balance-accounts.js';
import type { AccountGroup } from './chart-row.js';
import { RESULT_ACCOUNT_GROUPS } from './result-accounts.js';

export type AccountClass = 'asset' | 'equity' | 'liability' | 'revenue' | 'expense';
export type ControlKind = 'receivable' | 'payable';

/** One account a new company's chart starts with. */
export interface ChartAccountTemplate {
  /** NS 4102 number, 4 digits. */
  number: string;
  /** Our own Norwegian name (the Regnskap Norge standard-account texts are for SAF-T mapping only). */
  name: string;
  englishName: string;
  accountClass: AccountClass;
  /** SAF-T General Ledger Standard Account (4-character list); same NS 4102 group as `number`. */
  standardAccountId: string;
  /** SAF-T 1.30 GroupingCategory: a category of Skatteetaten's næringsspesifikasjon list. */
  groupingCategory: string;
  /** SAF-T 1.30 GroupingCode from that category's list. */
  groupingCode: string;
  /** A control account: postings to it belong to a customer or supplier sub-ledger. */
  controlKind?: ControlKind;
  /** The VAT code proposed for postings to the account. */
  defaultVatCode?: string;
  /** A VAT account: postings to it must not carry a VAT code. */
  vatLocked?: boolean;
}

// SAF-T 1.30 (mandatory for periods from 2025-01-01) maps accounts only through
// GroupingCategory/GroupingCode. For an AS the lists to use are those of the næringsspesifikasjon
// (which replaced the RF-1167 næringsoppgave from income year 2023): the category is its section,
// e.g. `balanseverdiForOmloepsmiddel`, and Skatteetaten's own 1.30 example file maps 1500 to
// balanseverdiForOmloepsmiddel/1500, 2700 to kortsiktigGjeld/2740 and 4000 to varekostnad/4005.

/** Account numbers of the ledger: 4 digits as NS 4102, up to 6 for finer user accounts; classes 1-8. */
export const ACCOUNT_NUMBER_PATTERN = /^[1-8]\d{3,5}$/;

/**
 * The class of an account from its NS 4102 number: 1 assets; 20 equity; 21-29 liabilities;
 * 3 operating revenue; 4-7 operating expenses; in class 8, 80 financial income and 84
 * (extraordinary income, kept for old charts) are revenue, the rest expense. That rest includes
 * 88 (year's result) and 89 (transfers and appropriations): they are result accounts, closed
 * together with classes 3-8 (after the appropriation D 8960 / C 2050 classes 3-8 sum to zero),
 * and a profit's appropriation is a debit, like an expense; the reports keep them below the
 * year's result (report-layout.ts). Throws for anything ACCOUNT_NUMBER_PATTERN rejects.
 */
export function accountClassOf(number: string): AccountClass {
  if (!ACCOUNT_NUMBER_PATTERN.test(number)) {
    throw new RangeError(`"${number}" is not an account number (4 to 6 digits, first digit 1-8)`);
  }
  const group = number.slice(0, 2);
  switch (number[0]) {
    case '1':
      return 'asset';
    case '2':
      return group === '20' ? 'equity' : 'liability';
    case '3':
      return 'revenue';
    case '8':
      return group === '80' || group === '84' ? 'revenue' : 'expense';
    default:
      return 'expense';
  }
}

/** Trade receivables: the customer sub-ledger's control account. */
export const RECEIVABLES_ACCOUNT = '1500';
/** Trade payables: the supplier sub-ledger's control account. */
export const PAYABLES_ACCOUNT = '2400';
/** Output VAT of every rate, and the payable side of reverse-charge VAT. */
export const OUTPUT_VAT_ACCOUNT = '2700';
/** Input VAT of every rate, and the deductible side of reverse-charge VAT. */
export const INPUT_VAT_ACCOUNT = '2710';
/** Where a VAT term's output and input VAT are settled. */
export const VAT_SETTLEMENT_ACCOUNT = '2740';
/** Rounding differences (øreavrunding), NS 4102 account 7740. */
export const ROUNDING_ACCOUNT = '7740';
export const CASH_ACCOUNT = '1900';
export const BANK_ACCOUNT = '1920';
export const CARD_CLEARING_ACCOUNT = '1940';
export const MOBILE_PAYMENT_CLEARING_ACCOUNT = '1941';
export const PAYMENT_PROVIDER_CLEARING_ACCOUNT = '1942';
/** POS cash over or short (kassedifferanse) on a daily settlement. */
export const CASH_DIFFERENCE_ACCOUNT = '7791';
export const CARD_FEES_ACCOUNT = '7775';
export const BANK_FEES_ACCOUNT = '7770';
/** Payable to employees, e.g. approved expense claims. */
export const EMPLOYEE_PAYABLES_ACCOUNT = '2910';
export const CURRENCY_GAIN_ACCOUNT = '8060';
export const CURRENCY_LOSS_ACCOUNT = '8160';
/** Other equity: takes opening-balance equity and the retained result. */
export const OTHER_EQUITY_ACCOUNT = '2050';
export const UNCOVERED_LOSS_ACCOUNT = '2080';
/** Appropriation of a profit to other equity (D 8960 / C 2050). */
export const PROFIT_TRANSFER_ACCOUNT = '8960';
/** Appropriation of a loss to uncovered loss (D 2080 / C 8990). */
export const LOSS_TRANSFER_ACCOUNT = '8990';

function templatesOf(groups: readonly AccountGroup[]): ChartAccountTemplate[] {
  return groups.flatMap(({ groupingCategory, rows }) =>
    rows.map(([number, name, englishName, groupingCode, extras = {}]) => ({
      number,
      name,
      englishName,
      accountClass: accountClassOf(number),
      standardAccountId: extras.standard ?? number,
      groupingCategory,
      groupingCode,
      ...(extras.control ? { controlKind: extras.control } : {}),
      ...(extras.vat ? { defaultVatCode: extras.vat } : {}),
      ...(extras.vatLocked ? { vatLocked: true } : {}),
    })),
  );
}

/** The chart a new company starts with, sorted by number. */
export const DEFAULT_CHART: readonly ChartAccountTemplate[] = Object.freeze(
  [...templatesOf(BALANCE_ACCOUNT_GROUPS), ...templatesOf(RESULT_ACCOUNT_GROUPS)].sort((a, b) =>
    a.number.localeCompare(b.number),
  ),
);

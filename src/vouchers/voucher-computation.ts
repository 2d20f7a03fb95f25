import type { FieldError } from '../common/index.js';
import {
  formatAmount,
  MoneyDecimal,
  parseAmount,
  roundAmount,
  sumAmounts,
  type Amount,
} from '../common/index.js';
import type { Account, LedgerSnapshot } from '../ledger/index.js';
import type { PostingKind } from './postings/posting.entity.js';
import type { VoucherLineInput } from './voucher-lines.js';
import { checkVat, withVatLines, type VatTreatment } from './vat-lines.js';

/** A posting as booking will write it; amounts still decimals. */
export interface ComputedPosting {
  lineNumber: number;
  kind: PostingKind;
  sourceLineNumber: number | null;
  account: Account;
  amount: Amount;
  currency: string;
  currencyAmount: Amount;
  exchangeRate: Amount;
  vatCode: string | null;
  vatRate: string | null;
  departmentId: string | null;
  projectId: string | null;
  dimensionValueIds: string[];
  customerId: string | null;
  supplierId: string | null;
  description: string;
}

export interface VoucherComputation {
  postings: ComputedPosting[];
  /** Rule breaks, each pointing at a line field; booking refuses when there are any. */
  errors: FieldError[];
  /** The NOK sum of all postings before any rounding line; zero when balanced. */
  imbalance: Amount;
  debit: Amount;
  credit: Amount;
}

const NOK = 'NOK';
const ONE = new MoneyDecimal(1);
const RATE_RULES = { maxDecimals: 8, allowNegative: false };
/** Currency conversion may leave at most half an øre per converted line to the rounding line. */
const ROUNDING_PER_LINE = new MoneyDecimal('0.01');

/**
 * Turns entered lines into postings: NOK amounts from currency amounts, the VAT lines each VAT
 * code generates (from net or gross amounts), and an explicit rounding line for what currency
 * conversion leaves. Pure: the ledger facts come in `ledger`, nothing is read or written.
 */
export function computePostings(
  lines: readonly VoucherLineInput[],
  amountsIncludeVat: boolean,
  ledger: LedgerSnapshot,
): VoucherComputation {
  const errors: FieldError[] = [];
  const postings: ComputedPosting[] = [];
  let convertedLines = 0;
  lines.forEach((line, index) => {
    const pointer = `/postings/${index}`;
    const lineErrors: FieldError[] = [];
    const fail: Fail = (field, rule, detail) =>
      lineErrors.push({ pointer: `${pointer}/${field}`, rule, detail });
    const account = checkAccount(line, ledger, fail);
    const money = convert(line, fail);
    checkDimensions(line, account, ledger, fail);
    const vat = line.vatCode
      ? checkVat(line, account, ledger, money?.currency ?? NOK, amountsIncludeVat, fail)
      : null;
    errors.push(...lineErrors);
    if (!account || !money || lineErrors.length > 0) return;
    if (money.currency !== NOK) convertedLines += 1;
    postings.push(...expand(line, account, money, vat, amountsIncludeVat, postings.length + 1, ledger));
  });
  const debit = sumAmounts(postings.filter((p) => p.amount.isPositive()).map((p) => p.amount));
  const credit = sumAmounts(postings.filter((p) => p.amount.isNegative()).map((p) => p.amount.negated()));
  const imbalance = debit.minus(credit);
  if (errors.length === 0 && !imbalance.isZero() && convertedLines > 0) {
    const tolerance = ROUNDING_PER_LINE.times(convertedLines);
    if (imbalance.abs().lte(tolerance) && ledger.roundingAccount) {
      postings.push(roundingPosting(ledger.roundingAccount, imbalance.negated(), postings.length + 1));
    }
  }
  return { postings, errors, imbalance, debit, credit };
}

/** Records a broken rule: the line's field, the rule's name, and what to fix. */
export type Fail = (field: string, rule: string, detail: string) => void;

interface Money {
  amount: Amount;
  currency: string;
  currencyAmount: Amount;
  exchangeRate: Amount;
}

function checkAccount(line: VoucherLineInput, ledger: LedgerSnapshot, fail: Fail): Account | undefined {
  const account = ledger.accountsByNumber.get(line.accountNumber);
  if (!account) {
    fail('accountNumber', 'accountExists', `account ${line.accountNumber} is not in the chart of accounts`);
    return undefined;
  }
  if (!account.isActive) fail('accountNumber', 'accountActive', `account ${account.number} is deactivated`);
  if (account.controlKind === 'receivable' && !line.customerId)
    fail(
      'customerId',
      'customerRequired',
      `account ${account.number} is the receivables control account: name the customer`,
    );
  if (account.controlKind === 'payable' && !line.supplierId)
    fail(
      'supplierId',
      'supplierRequired',
      `account ${account.number} is the payables control account: name the supplier`,
    );
  return account;
}

function convert(line: VoucherLineInput, fail: Fail): Money | undefined {
  const currency = line.currency ?? NOK;
  if (currency === NOK) {
    if (line.amount === undefined) {
      fail('amount', 'amountRequired', 'is required for a NOK line');
      return undefined;
    }
    const amount = parseAmount(line.amount);
    if (line.currencyAmount !== undefined && !parseAmount(line.currencyAmount).eq(amount))
      fail(
        'currencyAmount',
        'currencyAmountEqualsAmount',
        'must equal amount on a NOK line (or leave it out)',
      );
    if (line.exchangeRate !== undefined && !parseAmount(line.exchangeRate, RATE_RULES).eq(ONE))
      fail('exchangeRate', 'exchangeRateIsOne', 'must be 1 on a NOK line (or leave it out)');
    if (amount.isZero()) fail('amount', 'nonZero', 'must not be zero');
    return { amount, currency, currencyAmount: amount, exchangeRate: ONE };
  }
  if (line.currencyAmount === undefined) {
    fail('currencyAmount', 'currencyAmountRequired', `is required for a ${currency} line`);
    return undefined;
  }
  if (line.exchangeRate === undefined) {
    fail('exchangeRate', 'exchangeRateRequired', `is required for a ${currency} line: NOK per 1 ${currency}`);
    return undefined;
  }
  const currencyAmount = parseAmount(line.currencyAmount);
  const exchangeRate = parseAmount(line.exchangeRate, RATE_RULES);
  if (exchangeRate.isZero()) fail('exchangeRate', 'positive', 'must be greater than zero');
  if (currencyAmount.isZero()) fail('currencyAmount', 'nonZero', 'must not be zero');
  const amount =
    line.amount !== undefined ? parseAmount(line.amount) : roundAmount(currencyAmount.times(exchangeRate));
  if (!amount.isZero() && amount.isPositive() !== currencyAmount.isPositive())
    fail('amount', 'sameSign', 'must have the same sign as currencyAmount');
  return { amount, currency, currencyAmount, exchangeRate };
}

function checkDimensions(
  line: VoucherLineInput,
  account: Account | undefined,
  ledger: LedgerSnapshot,
  fail: Fail,
): void {
  checkBuiltInDimension(line, account, ledger, fail, 'department');
  checkBuiltInDimension(line, account, ledger, fail, 'project');
  const seen = new Set<string>();
  (line.dimensionValueIds ?? []).forEach((id, index) => {
    const field = `dimensionValueIds/${index}`;
    const value = ledger.dimensionValues.get(id);
    if (!value || value.kind !== 'free')
      return fail(field, 'dimensionValueExists', 'is not a value of a free dimension of this company');
    if (!value.isActive) fail(field, 'dimensionValueActive', `dimension value ${value.code} is deactivated`);
    if (seen.has(value.dimensionId))
      fail(field, 'oneValuePerDimension', 'gives a second value of the same dimension');
    seen.add(value.dimensionId);
  });
}

function checkBuiltInDimension(
  line: VoucherLineInput,
  account: Account | undefined,
  ledger: LedgerSnapshot,
  fail: Fail,
  kind: 'department' | 'project',
): void {
  const field = kind === 'department' ? 'departmentId' : 'projectId';
  const id = line[field];
  if (!id) {
    const required = kind === 'department' ? account?.requiresDepartment : account?.requiresProject;
    if (required) fail(field, 'dimensionRequired', `account ${account!.number} requires a ${kind}`);
    return;
  }
  const value = ledger.dimensionValues.get(id);
  if (!value || value.kind !== kind) fail(field, 'dimensionValueExists', `is not a ${kind} of this company`);
  else if (!value.isActive) fail(field, 'dimensionValueActive', `${kind} ${value.code} is deactivated`);
}

function expand(
  line: VoucherLineInput,
  account: Account,
  money: Money,
  vat: VatTreatment | null,
  amountsIncludeVat: boolean,
  firstLineNumber: number,
  ledger: LedgerSnapshot,
): ComputedPosting[] {
  const entry: ComputedPosting = {
    lineNumber: firstLineNumber,
    kind: 'entry',
    sourceLineNumber: null,
    account,
    ...money,
    vatCode: vat?.code.code ?? null,
    vatRate: vat ? formatAmount(vat.rate, 4) : null,
    departmentId: line.departmentId ?? null,
    projectId: line.projectId ?? null,
    dimensionValueIds: line.dimensionValueIds ?? [],
    customerId: line.customerId ?? null,
    supplierId: line.supplierId ?? null,
    description: line.description ?? '',
  };
  return vat ? withVatLines(entry, vat, amountsIncludeVat, ledger) : [entry];
}

function roundingPosting(account: Account, amount: Amount, lineNumber: number): ComputedPosting {
  return {
    lineNumber,
    kind: 'rounding',
    sourceLineNumber: null,
    account,
    amount,
    currency: NOK,
    currencyAmount: amount,
    exchangeRate: ONE,
    vatCode: null,
    vatRate: null,
    departmentId: null,
    projectId: null,
    dimensionValueIds: [],
    customerId: null,
    supplierId: null,
    description: 'Rounding difference from currency conversion',
  };
}

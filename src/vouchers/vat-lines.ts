import type { Amount } from '../common/index.js';
import { MoneyDecimal, roundAmount } from '../common/index.js';
import { rateInForce, type Account, type LedgerSnapshot, type VatCode } from '../ledger/index.js';
import type { ComputedPosting, Fail } from './voucher-computation.js';
import type { VoucherLineInput } from './voucher-lines.js';

const NOK = 'NOK';
const ONE = new MoneyDecimal(1);

export interface VatTreatment {
  code: VatCode;
  rate: Amount;
}

export function checkVat(
  line: VoucherLineInput,
  account: Account | undefined,
  ledger: LedgerSnapshot,
  currency: string,
  amountsIncludeVat: boolean,
  fail: Fail,
): VatTreatment | null {
  const code = ledger.vatCodes.get(line.vatCode!);
  if (!code) {
    fail('vatCode', 'vatCodeExists', `VAT code ${line.vatCode} does not exist`);
    return null;
  }
  if (!code.isActive) fail('vatCode', 'vatCodeActive', `VAT code ${code.code} is deactivated`);
  if (account?.isVatLocked)
    fail('vatCode', 'noVatOnVatAccount', `account ${account.number} is a VAT account and takes no VAT code`);
  const rate = rateInForce(code.rates, ledger.date);
  if (rate === null) {
    fail('vatCode', 'vatCodeInForce', `VAT code ${code.code} is not in force on ${ledger.date}`);
    return null;
  }
  const treatment = { code, rate: new MoneyDecimal(rate) };
  if (treatment.rate.isZero() || code.direction === 'none') return treatment;
  if (
    !code.vatAccountId ||
    (code.direction === 'reverse_charge' && code.isDeductible && !code.deductionAccountId)
  )
    fail('vatCode', 'vatAccountSetUp', `VAT code ${code.code} has no VAT account set up`);
  if (currency !== NOK && amountsIncludeVat && code.direction !== 'reverse_charge')
    fail(
      'vatCode',
      'netAmountOnForeignCurrency',
      'on a foreign-currency line, give the amount without VAT (amountsIncludeVat false)',
    );
  return treatment;
}

/**
 * The entry line and the VAT lines its code generates. Output and input VAT: from the net
 * amount, or split off a gross one (the entry keeps the net). Reverse charge: the buyer computes
 * the VAT the foreign seller did not charge, payable and, when deductible, deductible; the entry
 * keeps its full amount. VAT under half an øre makes no line; the entry still carries its code.
 */
export function withVatLines(
  entry: ComputedPosting,
  vat: VatTreatment,
  amountsIncludeVat: boolean,
  ledger: LedgerSnapshot,
): ComputedPosting[] {
  if (vat.rate.isZero() || vat.code.direction === 'none') return [entry];
  const percent = vat.rate.dividedBy(100);
  const vatLine = (accountId: string, amount: Amount, offset: number): ComputedPosting => ({
    ...entry,
    lineNumber: entry.lineNumber + offset,
    kind: 'vat',
    sourceLineNumber: entry.lineNumber,
    account: ledger.accountsById.get(accountId)!,
    amount,
    currency: NOK,
    currencyAmount: amount,
    exchangeRate: ONE,
  });
  if (vat.code.direction === 'reverse_charge') {
    const computed = roundAmount(entry.amount.times(percent));
    if (computed.isZero()) return [entry];
    const lines = [vatLine(vat.code.vatAccountId!, computed.negated(), 1)];
    // Deductible: the same amount back as input VAT. Not deductible: the VAT is a cost of the
    // purchase, debited to the line's own account.
    lines.push(vatLine(vat.code.isDeductible ? vat.code.deductionAccountId! : entry.account.id, computed, 2));
    return [entry, ...lines];
  }
  const vatAmount = amountsIncludeVat
    ? roundAmount(entry.amount.times(percent).dividedBy(percent.plus(1)))
    : roundAmount(entry.amount.times(percent));
  if (vatAmount.isZero()) return [entry];
  const net = amountsIncludeVat ? entry.amount.minus(vatAmount) : entry.amount;
  return [
    { ...entry, amount: net, currencyAmount: amountsIncludeVat ? net : entry.currencyAmount },
    vatLine(vat.code.vatAccountId!, vatAmount, 1),
  ];
}

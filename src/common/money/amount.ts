import { Decimal } from 'decimal.js';

/**
 * Money arithmetic. Amounts are decimals, never JS numbers (DOMAIN.md rule 2): they arrive as
 * decimal strings, are computed with decimal.js, rounded half away from zero, and leave as
 * decimal strings ("1250.00"). The database column is numeric(19,4).
 */
export const MoneyDecimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP, // half away from zero, in decimal.js's naming
  toExpNeg: -40,
  toExpPos: 40,
});
export type Amount = InstanceType<typeof MoneyDecimal>;

/** numeric(19,4): 15 digits before the point. */
export const MAX_INTEGER_DIGITS = 15;

export interface AmountRules {
  /** Most decimals allowed: 2 for NOK amounts, more for exchange rates. */
  maxDecimals: number;
  allowNegative: boolean;
}

export type AmountProblem = 'notString' | 'format' | 'decimals' | 'tooLarge' | 'negative' | 'negativeZero';

const DESCRIPTIONS: Record<AmountProblem, (rules: AmountRules) => string> = {
  notString: () => 'must be a decimal string such as "1250.00", not a JSON number (numbers lose precision)',
  format: () =>
    'must be a decimal string such as "1250.00" (digits, an optional minus and point; no exponent)',
  decimals: (rules) => `must have at most ${rules.maxDecimals} decimals`,
  tooLarge: () => `must have at most ${MAX_INTEGER_DIGITS} digits before the decimal point`,
  negative: () => 'must not be negative',
  negativeZero: () => 'must not be negative zero; write "0.00"',
};

export function describeAmountProblem(problem: AmountProblem, rules: AmountRules): string {
  return DESCRIPTIONS[problem](rules);
}

const SHAPE = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Why `value` is not an acceptable amount under `rules`, or undefined when it is. */
export function amountProblem(value: unknown, rules: AmountRules): AmountProblem | undefined {
  if (typeof value !== 'string') return 'notString';
  const match = SHAPE.exec(value);
  if (!match) return 'format';
  const [, sign, integer, fraction = ''] = match as unknown as [string, string, string, string | undefined];
  if (integer.length > 1 && integer.startsWith('0')) return 'format';
  if (fraction.length > rules.maxDecimals) return 'decimals';
  if (integer.length > MAX_INTEGER_DIGITS) return 'tooLarge';
  const isZero = /^0+$/.test(integer) && /^0*$/.test(fraction);
  if (sign === '-' && isZero) return 'negativeZero';
  if (sign === '-' && !rules.allowNegative) return 'negative';
  return undefined;
}

/** Parses an amount that `amountProblem` accepted; throws on anything else (a bug upstream). */
export function parseAmount(
  value: string,
  rules: AmountRules = { maxDecimals: 2, allowNegative: true },
): Amount {
  const problem = amountProblem(value, rules);
  if (problem) throw new RangeError(`not an amount: ${describeAmountProblem(problem, rules)}`);
  return new MoneyDecimal(value);
}

/** Rounds half away from zero to `decimals` places (default 2, øre). */
export function roundAmount(amount: Amount, decimals = 2): Amount {
  return amount.toDecimalPlaces(decimals, MoneyDecimal.ROUND_HALF_UP);
}

/** The wire form: exactly `decimals` places, no exponent, never "-0.00". */
export function formatAmount(amount: Amount, decimals = 2): string {
  const rounded = roundAmount(amount, decimals);
  const normalised = rounded.isZero() ? new MoneyDecimal(0) : rounded;
  const [integer, fraction = ''] = normalised.toString().split('.') as [string, string | undefined];
  return decimals === 0 ? integer : `${integer}.${fraction.padEnd(decimals, '0')}`;
}

export function sumAmounts(amounts: Iterable<Amount>): Amount {
  let total = new MoneyDecimal(0);
  for (const amount of amounts) total = total.plus(amount);
  return total;
}

const NUMERIC_WITH_ZERO_TAIL = /^-?\d+\.\d{2}00$/;

/**
 * A numeric(19,4) value from PostgreSQL in the 2-decimal wire form. Ledger amounts are whole
 * øre, so the last two digits are zeros and a string cut is exact; anything else goes through
 * the decimal type. Used where millions of values are formatted (exports).
 */
export function formatNumeric(value: string): string {
  return NUMERIC_WITH_ZERO_TAIL.test(value) ? value.slice(0, -2) : formatAmount(new MoneyDecimal(value));
}

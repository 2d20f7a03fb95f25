export {
  MoneyDecimal,
  MAX_INTEGER_DIGITS,
  amountProblem,
  describeAmountProblem,
  parseAmount,
  roundAmount,
  formatAmount,
  formatNumeric,
  sumAmounts,
  type Amount,
  type AmountRules,
  type AmountProblem,
} from './amount.js';
export { IsAmount } from './is-amount.decorator.js';

import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { amountProblem, describeAmountProblem, type AmountRules } from './amount.js';

const DEFAULT_RULES: AmountRules = { maxDecimals: 2, allowNegative: true };

/**
 * class-validator rule `isAmount`: a decimal string within numeric(19,4) and the given rules.
 * JSON numbers are refused: a float cannot be trusted to carry øre exactly.
 */
export function IsAmount(rules: Partial<AmountRules> = {}, options?: ValidationOptions): PropertyDecorator {
  const effective = { ...DEFAULT_RULES, ...rules };
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAmount',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} ${describeAmountProblem(amountProblem(args.value, effective) ?? 'format', effective)}`,
        ...options,
      },
      validator: { validate: (value: unknown) => amountProblem(value, effective) === undefined },
    });
}

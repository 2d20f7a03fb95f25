import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isValidOrganizationNumber } from './organization-number.js';

/** class-validator rule `isOrganizationNumber`: 9 digits with a valid MOD11 check digit. */
export function IsOrganizationNumber(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isOrganizationNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: 'must be a Norwegian organisation number: 9 digits with a valid MOD11 check digit',
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidOrganizationNumber(value),
      },
    });
}

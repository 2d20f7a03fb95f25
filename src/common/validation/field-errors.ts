import type { ValidationError } from 'class-validator';
import type { FieldError } from '../errors/domain-error.js';

export type InputLocation = 'body' | 'query' | 'param' | 'custom';

// class-validator's messages start with the property name ("name must be a string");
// the pointer already names the field, so the detail keeps only the rule.
function ruleDetail(rule: string, message: string, property: string): string {
  if (rule === 'whitelistValidation') return 'is not a known field; remove it';
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Flattens class-validator's tree into RFC 6901 pointers (body) or parameter names (path, query). */
export function toFieldErrors(
  errors: ValidationError[],
  location: InputLocation,
  parents: string[] = [],
): FieldError[] {
  return errors.flatMap((error) => {
    const path = [...parents, error.property ?? ''];
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]): FieldError => {
      const detail = ruleDetail(rule, message, error.property ?? '');
      return location === 'body'
        ? { pointer: `/${path.map(escapePointerToken).join('/')}`, detail, rule }
        : { parameter: path.join('.'), detail, rule };
    });
    return [...own, ...toFieldErrors(error.children ?? [], location, path)];
  });
}

import type { ValidationError } from 'class-validator';
import { toFieldErrors } from './field-errors.js';

const error = (
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError => ({
  property,
  constraints,
  children,
});

describe('toFieldErrors', () => {
  it('turns nested body errors into JSON pointers and strips the property name from the message', () => {
    const errors = [
      error('lines', undefined, [
        error('2', undefined, [error('amount', { matches: 'amount must be a decimal' })]),
      ]),
    ];
    expect(toFieldErrors(errors, 'body')).toEqual([
      { pointer: '/lines/2/amount', detail: 'must be a decimal', rule: 'matches' },
    ]);
  });

  it('escapes ~ and / in pointer tokens (RFC 6901)', () => {
    expect(toFieldErrors([error('a/b~c', { isString: 'a/b~c must be a string' })], 'body')[0]?.pointer).toBe(
      '/a~1b~0c',
    );
  });

  it('names path and query parameters instead of pointing into the body', () => {
    expect(toFieldErrors([error('limit', { max: 'limit must not be greater than 100' })], 'query')).toEqual([
      { parameter: 'limit', detail: 'must not be greater than 100', rule: 'max' },
    ]);
  });

  it('explains unknown fields', () => {
    expect(
      toFieldErrors([error('role', { whitelistValidation: 'property role should not exist' })], 'body'),
    ).toEqual([{ pointer: '/role', detail: 'is not a known field; remove it', rule: 'whitelistValidation' }]);
  });

  it('points at the whole input when the error names no property (a value of no known class)', () => {
    const unnamed = { constraints: { unknownValue: 'an unknown value was passed to the validate function' } };
    expect(toFieldErrors([unnamed as unknown as ValidationError], 'body')).toEqual([
      { pointer: '/', detail: 'an unknown value was passed to the validate function', rule: 'unknownValue' },
    ]);
  });
});

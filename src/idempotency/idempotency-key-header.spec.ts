import { RequestValidationError } from '../common/index.js';
import { parseIdempotencyKey } from './idempotency-key-header.js';

describe('parseIdempotencyKey', () => {
  it('takes a bare key as it is', () => {
    expect(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe(
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
    );
    expect(parseIdempotencyKey('order:2026/11/27#1')).toBe('order:2026/11/27#1');
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
  });

  it('unquotes a structured-field string, as the draft writes it', () => {
    expect(parseIdempotencyKey('"8e03978e-40d5"')).toBe('8e03978e-40d5');
    expect(parseIdempotencyKey('"a\\"b\\\\c"')).toBe('a"b\\c');
  });

  it('means no key when the header is absent', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['an empty string', '""'],
    ['too long', 'k'.repeat(256)],
    ['a space', 'two words'],
    ['a quoted space', '"two words"'],
    ['a tab', 'a\tb'],
    ['non-ASCII', 'nøkkel'],
    ['two keys joined by a proxy', 'a, b'],
  ])('refuses a key that is %s with a 400 naming the header', (_what, value) => {
    let error: unknown;
    try {
      parseIdempotencyKey(value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).errors).toEqual([
      expect.objectContaining({ parameter: 'Idempotency-Key', rule: 'isIdempotencyKey' }),
    ]);
  });
});

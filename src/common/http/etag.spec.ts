import { RequestValidationError } from '../errors/domain-error.js';
import { etagOf, parseIfMatch, versionOf } from './etag.js';

describe('ETags of versioned resources', () => {
  it('makes a strong ETag of the version', () => {
    expect(etagOf(1)).toBe('"1"');
    expect(etagOf(42)).toBe('"42"');
  });

  it('reads the version of a single resource, and nothing of lists or other values', () => {
    expect(versionOf({ id: 'x', version: 3 })).toBe(3);
    expect(versionOf({ data: [{ version: 3 }], nextCursor: null })).toBeUndefined();
    expect(versionOf([{ version: 3 }])).toBeUndefined();
    expect(versionOf({ version: '3' })).toBeUndefined();
    expect(versionOf({ version: 1.5 })).toBeUndefined();
    expect(versionOf(null)).toBeUndefined();
    expect(versionOf('3')).toBeUndefined();
  });

  it('reads the expected version from If-Match, and no condition from * or no header', () => {
    expect(parseIfMatch('"7"')).toBe(7);
    expect(parseIfMatch(' "7" ')).toBe(7);
    expect(parseIfMatch(etagOf(123))).toBe(123);
    expect(parseIfMatch('*')).toBeUndefined();
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it.each(['7', 'W/"7"', '"7", "8"', '"seven"', '""', '', '"-1"', '"7'])(
    'refuses the malformed If-Match %j with a 400 naming the header',
    (value) => {
      const error = (() => {
        try {
          parseIfMatch(value);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).errors).toEqual([
        expect.objectContaining({ parameter: 'If-Match', rule: 'isETag' }),
      ]);
    },
  );
});

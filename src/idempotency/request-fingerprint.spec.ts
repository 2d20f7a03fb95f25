import fc from 'fast-check';
import { canonicalJson, requestFingerprint } from './request-fingerprint.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }, 3], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1},3]},"b":1}',
    );
  });

  it('writes the same text for any key order of the same object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
    );
  });

  it('keeps what the body means', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value) ?? 'null'));
      }),
    );
  });
});

describe('requestFingerprint', () => {
  const body = { name: 'Kasse 1', scopes: ['company:read'] };
  const base = requestFingerprint('POST', '/v1/api-keys', body);

  it('is a SHA-256 in hex, the same for the same request in another key order', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint('post', '/v1/api-keys', { scopes: ['company:read'], name: 'Kasse 1' })).toBe(
      base,
    );
  });

  it('differs when the method, the target or the body differs', () => {
    expect(requestFingerprint('PUT', '/v1/api-keys', body)).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/api-keys/1/revoke', body)).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/api-keys?dry=1', body)).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/api-keys', { ...body, name: 'Kasse 2' })).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/api-keys', { ...body, scopes: [] })).not.toBe(base);
  });

  it('cannot be confused by moving text between the parts', () => {
    expect(requestFingerprint('POST', '/v1/a', 'b')).not.toBe(requestFingerprint('POST', '/v1/', 'ab'));
  });
});

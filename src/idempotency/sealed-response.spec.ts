import { keyDigest, seal, unseal, type StoredResponse } from './sealed-response.js';

const response: StoredResponse = {
  status: 201,
  headers: { location: '/v1/api-keys/1' },
  body: '{"id":"1","key":"hb_test_secret"}',
};

describe('sealed responses', () => {
  it('opens with the key it was sealed with', () => {
    expect(unseal(seal(response, 'key-1'), 'key-1')).toEqual(response);
  });

  it('does not hold the response or the key in clear', () => {
    const blob = seal(response, 'key-1').toString('latin1');
    expect(blob).not.toContain('hb_test_secret');
    expect(blob).not.toContain('key-1');
    expect(keyDigest('key-1')).toMatch(/^[0-9a-f]{64}$/);
    expect(keyDigest('key-1')).not.toBe(keyDigest('key-2'));
  });

  it('refuses another key and an altered blob', () => {
    const blob = seal(response, 'key-1');
    expect(() => unseal(blob, 'key-2')).toThrow();
    const altered = Buffer.from(blob);
    altered[altered.length - 1] ^= 1;
    expect(() => unseal(altered, 'key-1')).toThrow();
  });
});

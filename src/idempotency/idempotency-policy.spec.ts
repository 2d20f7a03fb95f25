import { isKeptOutcome, principalOf } from './idempotency-policy.js';

describe('idempotency policy', () => {
  it('scopes a key to the API key, the client (with the person acting through it) or the person', () => {
    expect(principalOf({ kind: 'api_key', apiKeyId: 'k1' })).toBe('api_key:k1');
    expect(principalOf({ kind: 'client', clientId: 'hbc_1' })).toBe('client:hbc_1');
    expect(principalOf({ kind: 'user', clientId: 'hbc_1', userId: 'u1' })).toBe('client:hbc_1:user:u1');
    expect(principalOf({ kind: 'user', userId: 'u1' })).toBe('user:u1');
  });

  it('keeps successes and the client errors a retry would meet again', () => {
    expect([200, 201, 202, 204, 400, 404, 422].filter(isKeptOutcome)).toEqual([
      200, 201, 202, 204, 400, 404, 422,
    ]);
  });

  it('releases the key after outcomes that a retry may change', () => {
    expect([401, 403, 409, 412, 429, 500, 503].filter(isKeptOutcome)).toEqual([]);
  });
});

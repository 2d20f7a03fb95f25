import { newSecret } from '../common/index.js';
import { apiKeyPrefix, looksLikeApiKey, parseApiKey } from './api-key-format.js';

describe('API key format', () => {
  const id = '0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b';

  it('round-trips the environment and the id through a new key', () => {
    const key = newSecret(apiKeyPrefix('test', id));
    expect(key).toMatch(/^hb_test_0193a0b1c2d37e4f8a9b0c1d2e3f4a5b_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(key)).toEqual({ environment: 'test', id });
  });

  it('parses a secret that itself contains underscores', () => {
    const key = `${apiKeyPrefix('live', id)}${'_'.repeat(43)}`;
    expect(parseApiKey(key)).toEqual({ environment: 'live', id });
  });

  it.each([
    ['an unknown environment', `hb_prod_${'a'.repeat(32)}_${'b'.repeat(43)}`],
    ['a short id', `hb_live_${'a'.repeat(31)}_${'b'.repeat(43)}`],
    ['a short secret', `hb_live_${'a'.repeat(32)}_${'b'.repeat(42)}`],
    ['upper-case hex', `hb_live_${'A'.repeat(32)}_${'b'.repeat(43)}`],
    ['a JWT', 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'],
  ])('refuses %s', (_case, token) => {
    expect(parseApiKey(token)).toBeUndefined();
  });

  it('tells API keys from OAuth access tokens by their prefix alone', () => {
    expect(looksLikeApiKey('hb_live_whatever')).toBe(true);
    expect(looksLikeApiKey('hb_test_')).toBe(true);
    expect(looksLikeApiKey('eyJhbGciOiJFUzI1NiJ9.x.y')).toBe(false);
    expect(looksLikeApiKey('hbcs_secret')).toBe(false);
  });
});

import { VerifiedTokenCache } from './verified-token-cache.js';

describe('VerifiedTokenCache', () => {
  const entry = (value: string, validUntilMs: number) => ({ value, kid: 'k1', validUntilMs });

  it('answers a remembered token until its lifetime check would fail, then forgets it', () => {
    const cache = new VerifiedTokenCache<string>(10);
    cache.remember('t1', entry('claims', 5_000), 1_000);
    expect(cache.get('t1', 4_999)).toEqual(entry('claims', 5_000));
    expect(cache.get('t1', 5_000)).toBeUndefined();
    expect(cache.get('t1', 1_000)).toBeUndefined();
    expect(cache.get('t2', 1_000)).toBeUndefined();
  });

  it('does not remember a token that has already expired', () => {
    const cache = new VerifiedTokenCache<string>(10);
    cache.remember('t1', entry('claims', 1_000), 1_000);
    expect(cache.get('t1', 999)).toBeUndefined();
  });

  it('makes room by dropping expired entries first, then the oldest', () => {
    const cache = new VerifiedTokenCache<string>(2);
    cache.remember('expiring', entry('a', 2_000), 1_000);
    cache.remember('lasting', entry('b', 9_000), 1_000);
    cache.remember('new', entry('c', 9_000), 3_000);
    expect(cache.get('lasting', 3_000)?.value).toBe('b');
    expect(cache.get('new', 3_000)?.value).toBe('c');
    cache.remember('newest', entry('d', 9_000), 3_000);
    expect(cache.get('lasting', 3_000)).toBeUndefined();
    expect(cache.get('new', 3_000)?.value).toBe('c');
    expect(cache.get('newest', 3_000)?.value).toBe('d');
  });
});

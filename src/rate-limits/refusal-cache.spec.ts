import { RefusalCache } from './refusal-cache.js';

describe('RefusalCache', () => {
  it('refuses a key until the remembered moment, then asks again', () => {
    const cache = new RefusalCache();
    cache.remember('client:a', 5_000, 1_000);
    expect(cache.remainingMs('client:a', 2_000)).toBe(3_000);
    expect(cache.remainingMs('client:b', 2_000)).toBe(0);
    expect(cache.remainingMs('client:a', 5_000)).toBe(0);
  });

  it('forgets expired keys once it holds many', () => {
    const cache = new RefusalCache();
    for (let i = 0; i < 10_000; i++) cache.remember(`old:${i}`, 10, 0);
    cache.remember('new', 100, 50);
    expect(cache.remainingMs('new', 60)).toBe(40);
    expect((cache as unknown as { refusedUntil: Map<string, number> }).refusedUntil.size).toBe(1);
  });
});

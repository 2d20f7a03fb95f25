import { summarise } from './latency.js';

describe('summarise', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarise(samples)).toEqual({ count: 100, meanMs: 50.5, p50Ms: 50, p99Ms: 99, maxMs: 100 });
  });

  it('answers zeros for no samples', () => {
    expect(summarise([])).toEqual({ count: 0, meanMs: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 });
  });
});

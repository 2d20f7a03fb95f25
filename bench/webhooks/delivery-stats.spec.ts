import { deliverySpan, percentile, summariseDelays } from './delivery-stats.js';

describe('summariseDelays', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summariseDelays(samples)).toEqual({
      count: 100,
      minMs: 1,
      p50Ms: 50,
      p90Ms: 90,
      p99Ms: 99,
      maxMs: 100,
    });
  });

  it('sorts numerically and keeps negative delays', () => {
    expect(summariseDelays([10, -2, 9, 100]).minMs).toBe(-2);
    expect(summariseDelays([10, -2, 9, 100]).p50Ms).toBe(9);
  });

  it('answers zeros for no samples', () => {
    expect(summariseDelays([])).toEqual({ count: 0, minMs: 0, p50Ms: 0, p90Ms: 0, p99Ms: 0, maxMs: 0 });
  });

  it('takes the largest sample as the p99 of fewer than a hundred', () => {
    expect(percentile([1, 2, 3], 0.99)).toBe(3);
    expect(percentile([1, 2, 3], 0)).toBe(1);
  });
});

describe('deliverySpan', () => {
  it('counts from the start to the last arrival, and between the first and the last', () => {
    const span = deliverySpan(1000, [1500, 3000, 2000]);
    expect(span).toEqual({
      delivered: 3,
      perSecond: 1.5,
      firstToLastPerSecond: (3 - 1) / 1.5,
      firstAfterMs: 500,
      lastAfterMs: 2000,
    });
  });

  it('has no first-to-last rate for a single arrival, and zeros for none', () => {
    expect(deliverySpan(0, [500]).firstToLastPerSecond).toBeNull();
    expect(deliverySpan(0, []).perSecond).toBe(0);
  });
});

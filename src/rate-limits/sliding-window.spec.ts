import { quotaState, secondsUntilUsageAtMost, usage } from './sliding-window.js';

const WINDOW = 60;

describe('sliding window', () => {
  it('weighs the previous window by the part of it still inside the sliding window', () => {
    expect(usage({ previous: 10, current: 3, elapsed: 15 }, WINDOW)).toBeCloseTo(10 * 0.75 + 3);
  });

  it('counts down the remaining requests of a fresh bucket one by one', () => {
    expect(quotaState(true, { previous: 0, current: 1, elapsed: 5 }, 5, WINDOW).remaining).toBe(4);
    expect(quotaState(true, { previous: 0, current: 5, elapsed: 5 }, 5, WINDOW).remaining).toBe(0);
  });

  it('frees a request of a fresh bucket only when its window has faded, not at the boundary', () => {
    // 5 of 5 used at 0:20: the next request is possible once 1 of 5 has faded in the next window.
    const state = quotaState(true, { previous: 0, current: 5, elapsed: 20 }, 5, WINDOW);
    expect(state.resetSeconds).toBe(40 + 12);
  });

  it('tells a refused client when the fading previous window leaves room for one request', () => {
    // 10 before and 2 now at 0:12, quota 10: one more fits once 10 × (1 − e/60) + 2 ≤ 9, at e = 18.
    const refused = quotaState(false, { previous: 10, current: 2, elapsed: 12 }, 10, WINDOW);
    expect(refused).toEqual({ remaining: 0, resetSeconds: 6 });
  });

  it('never lets more than the quota through at a window boundary', () => {
    // All 5 used just before the boundary: just after it they still weigh almost 5.
    const justAfter = { previous: 5, current: 0, elapsed: 0.5 };
    expect(usage(justAfter, WINDOW) + 1).toBeGreaterThan(5);
    expect(quotaState(false, justAfter, 5, WINDOW).resetSeconds).toBe(12);
  });

  it('answers zero seconds when the usage is already low enough', () => {
    expect(secondsUntilUsageAtMost(3, { previous: 0, current: 2, elapsed: 1 }, WINDOW)).toBe(0);
  });

  it('reports at least one second, as Retry-After takes whole seconds', () => {
    const nearlyFaded = { previous: 6, current: 0, elapsed: 49.99 };
    expect(quotaState(false, nearlyFaded, 2, WINDOW).resetSeconds).toBe(1);
  });
});

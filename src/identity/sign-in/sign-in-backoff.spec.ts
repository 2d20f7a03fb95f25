import { signInBlockedUntil } from './sign-in-backoff.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const minutesBlocked = (failures: number) => {
  const until = signInBlockedUntil(failures, NOW);
  return until === null ? null : (until.getTime() - NOW.getTime()) / 60_000;
};

describe('signInBlockedUntil', () => {
  it('lets the first four failures through without waiting', () => {
    expect([0, 1, 2, 3, 4].map(minutesBlocked)).toEqual([null, null, null, null, null]);
  });

  it('blocks for one minute after the fifth failure and doubles with each further one', () => {
    expect([5, 6, 7, 8, 9, 10].map(minutesBlocked)).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it('never blocks for more than an hour', () => {
    expect([11, 12, 40, 1000].map(minutesBlocked)).toEqual([60, 60, 60, 60]);
  });
});

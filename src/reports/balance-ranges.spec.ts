import fc from 'fast-check';
import { addDays, endOfMonth } from '../common/index.js';
import { balanceRanges } from './balance-ranges.js';

function datesOf(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** The days a set of ranges covers, months expanded to their days. */
function covered(from: string, to: string): string[] {
  const ranges = balanceRanges(from, to);
  const days = ranges.days.flatMap(([a, b]) => datesOf(a, b));
  if (ranges.months) days.push(...datesOf(ranges.months[0], endOfMonth(ranges.months[1])));
  return days.sort();
}

describe('balanceRanges', () => {
  it('uses only month rows for whole months', () => {
    expect(balanceRanges('2026-01-01', '2026-03-31')).toEqual({
      months: ['2026-01-01', '2026-03-01'],
      days: [],
    });
  });

  it('uses day rows for the partial months at both ends', () => {
    expect(balanceRanges('2026-01-15', '2026-04-10')).toEqual({
      months: ['2026-02-01', '2026-03-01'],
      days: [
        ['2026-01-15', '2026-01-31'],
        ['2026-04-01', '2026-04-10'],
      ],
    });
  });

  it('uses day rows only inside one month', () => {
    expect(balanceRanges('2026-02-03', '2026-02-27')).toEqual({
      months: null,
      days: [['2026-02-03', '2026-02-27']],
    });
  });

  it('covers every day of any range exactly once', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((offset) => addDays('2024-01-01', offset));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(covered(from, to)).toEqual(datesOf(from, to));
      }),
      { numRuns: 300 },
    );
  });
});

import { postingsOfVouchers, vouchersForPostings } from './ledger-generator.js';

describe('the generated ledger cycle', () => {
  it('writes 4, 4, 2, 4, 4, 2 and 3 postings for the seven vouchers of a cycle', () => {
    const perVoucher = Array.from(
      { length: 14 },
      (_, i) => postingsOfVouchers(i + 1) - postingsOfVouchers(i),
    );
    expect(perVoucher).toEqual([4, 4, 2, 4, 4, 2, 3, 4, 4, 2, 4, 4, 2, 3]);
  });

  it('picks the fewest vouchers that reach a posting count', () => {
    for (const target of [1, 4, 5, 23, 24, 100_000, 1_000_000]) {
      const vouchers = vouchersForPostings(target);
      expect(postingsOfVouchers(vouchers)).toBeGreaterThanOrEqual(target);
      expect(postingsOfVouchers(vouchers - 1)).toBeLessThan(target);
    }
  });
});

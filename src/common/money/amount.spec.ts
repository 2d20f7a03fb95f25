import fc from 'fast-check';
import {
  amountProblem,
  formatAmount,
  formatNumeric,
  MoneyDecimal,
  parseAmount,
  roundAmount,
  sumAmounts,
} from './amount.js';

const NOK = { maxDecimals: 2, allowNegative: true };

// Any whole number of øre within numeric(19,4)'s 15 integer digits, as its wire string.
const oreAmount = fc.bigInt({ min: -(10n ** 17n) + 1n, max: 10n ** 17n - 1n }).map((ore) => {
  const sign = ore < 0n ? '-' : '';
  const digits = (ore < 0n ? -ore : ore).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
});

describe('amountProblem', () => {
  it.each([
    ['1250.00', undefined],
    ['-1250.5', undefined],
    ['0', undefined],
    ['999999999999999.99', undefined],
    [1250, 'notString'],
    [1250.5, 'notString'],
    [null, 'notString'],
    ['1e3', 'format'],
    ['1e309', 'format'],
    ['NaN', 'format'],
    ['Infinity', 'format'],
    ['-Infinity', 'format'],
    ['', 'format'],
    [' 1.00', 'format'],
    ['+1.00', 'format'],
    ['1,00', 'format'],
    ['01.00', 'format'],
    ['1.', 'format'],
    ['.5', 'format'],
    ['0x10', 'format'],
    ['1.234', 'decimals'],
    ['1000000000000000.00', 'tooLarge'],
    ['-0', 'negativeZero'],
    ['-0.00', 'negativeZero'],
  ])('judges %p as %p', (value, expected) => {
    expect(amountProblem(value, NOK)).toBe(expected);
  });

  it('refuses negatives where the rules say so', () => {
    expect(amountProblem('-1.00', { maxDecimals: 2, allowNegative: false })).toBe('negative');
  });

  it('allows more decimals where the rules say so (exchange rates)', () => {
    expect(amountProblem('10.123456', { maxDecimals: 6, allowNegative: false })).toBeUndefined();
  });
});

describe('money arithmetic', () => {
  it('formats every amount it parses back to the same string', () => {
    fc.assert(fc.property(oreAmount, (wire) => formatAmount(parseAmount(wire)) === wire));
  });

  it('adds exactly: a sum and its negation cancel to zero', () => {
    fc.assert(
      fc.property(fc.array(oreAmount, { maxLength: 50 }), (wires) => {
        const amounts = wires.map((wire) => parseAmount(wire));
        return sumAmounts([...amounts, ...amounts.map((amount) => amount.negated())]).isZero();
      }),
    );
  });

  it('rounds half away from zero, symmetrically', () => {
    expect(formatAmount(roundAmount(new MoneyDecimal('2.345')))).toBe('2.35');
    expect(formatAmount(roundAmount(new MoneyDecimal('-2.345')))).toBe('-2.35');
    expect(formatAmount(roundAmount(new MoneyDecimal('2.344999')))).toBe('2.34');
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (tenthsOfOre) => {
        const value = new MoneyDecimal(tenthsOfOre).dividedBy(1000);
        return roundAmount(value.negated()).equals(roundAmount(value).negated());
      }),
    );
  });

  it('keeps 25 % VAT on 0.10 exact where floats drift', () => {
    // 0.1 + 0.2 !== 0.3 in binary floating point; in decimals it is.
    expect(formatAmount(sumAmounts([parseAmount('0.10'), parseAmount('0.20')]))).toBe('0.30');
    expect(formatAmount(parseAmount('1000.00').times('0.25'))).toBe('250.00');
  });

  it('never writes negative zero or an exponent', () => {
    expect(formatAmount(new MoneyDecimal('-0.001'))).toBe('0.00');
    expect(formatAmount(new MoneyDecimal('1e20'))).toBe('100000000000000000000.00');
    expect(formatAmount(new MoneyDecimal('1e-9'))).toBe('0.00');
  });

  it('refuses to parse what the rules refuse', () => {
    expect(() => parseAmount('1.234')).toThrow(RangeError);
  });
});

describe('formatNumeric', () => {
  it('formats numeric(19,4) values exactly as the decimal type does', () => {
    const numeric = fc
      .tuple(
        fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }),
        fc.integer({ min: 0, max: 9999 }),
        fc.boolean(),
      )
      .map(([whole, fraction, wholeOre]) => {
        const digits = String(wholeOre ? fraction - (fraction % 100) : fraction).padStart(4, '0');
        return `${whole}.${digits}`;
      });
    fc.assert(
      fc.property(numeric, (value) => {
        expect(formatNumeric(value)).toBe(formatAmount(new MoneyDecimal(value)));
      }),
    );
  });
});

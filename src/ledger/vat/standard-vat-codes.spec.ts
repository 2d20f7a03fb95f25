import fc from 'fast-check';
import {
  readStandardTaxCodes,
  readVatRates,
  readVatReturnCodes,
  type KodelisteEntry,
} from '../../../test/support/reference-files.js';
import { formatAmount, MoneyDecimal } from '../../common/index.js';
import { DEFAULT_CHART } from '../chart/default-chart.js';
import {
  STANDARD_VAT_CODES,
  rateOn,
  type VatCodeTemplate,
  type VatRatePeriod,
} from './standard-vat-codes.js';

const officialCodes = readStandardTaxCodes();
const returnCodes = new Map(readVatReturnCodes().map((entry) => [entry.code, entry]));
const templates = new Map(STANDARD_VAT_CODES.map((template) => [template.code, template]));
const template = (code: string): VatCodeTemplate => templates.get(code)!;

// Standard_Tax_Codes.csv names a code's rate in words; the rate list (sats.xml) names the same
// rates by `satstype`. A code without a rate in the CSV is given the zero rate (see vat-rate-history.ts).
const RATE_TYPE: Record<string, string> = {
  'Regular rate': 'alminnelig sats',
  'Reduced rate, middle': 'redusert sats, næringsmiddel',
  'Reduced rate, raw fish': 'redusert sats, råfisk',
  'Reduced rate, low': 'redusert sats',
  'Zero rate': 'nullsats',
  '': 'nullsats',
};

/** The official rate periods of a rate type, cut to the date the VAT-return code list gives the code. */
function officialRates(rateType: string, returnCode: KodelisteEntry | undefined): VatRatePeriod[] {
  const start = returnCode?.validFrom ?? '1970-01-01';
  return readVatRates()
    .filter((rate) => rate.rateType === rateType)
    .map((rate) => ({
      // The official list writes rates with a decimal comma, e.g. 11,11; compared as decimals.
      rate: formatAmount(new MoneyDecimal(rate.rate.replace(',', '.'))),
      validFrom: rate.validFrom ?? '1970-01-01',
      validTo: rate.validTo,
    }))
    .filter((period) => period.validTo === null || period.validTo >= start)
    .map((period) => (period.validFrom < start ? { ...period, validFrom: start } : period))
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

describe('STANDARD_VAT_CODES against the official lists', () => {
  it('reads the official lists (guards the checks below against an empty file)', () => {
    expect(officialCodes.length).toBeGreaterThan(25);
    expect(returnCodes.get('86')?.extra.kodeBrukesTilSpesifiseringAv).toBe(
      'Inngående og utgående merverdiavgift',
    );
    expect(readVatRates().find((rate) => rate.rate === '6')?.validTo).toBe('2021-09-30');
  });

  it('has every code of Standard_Tax_Codes.csv and no other', () => {
    const codes = STANDARD_VAT_CODES.map((code) => code.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(officialCodes.map((code) => code.code).sort());
  });

  it.each(officialCodes.map((code) => [code.code, code.taxRate]))(
    'gives code %s (%s) the official rates of its rate type',
    (code, taxRate) => {
      const rateType = RATE_TYPE[taxRate];
      expect(rateType).toBeDefined();
      const returnCode = returnCodes.get(code);
      // The two official lists agree on the rate type wherever both give one.
      if (returnCode?.extra.satstype) expect(returnCode.extra.satstype).toBe(rateType);
      expect(template(code).rates).toEqual(officialRates(rateType, returnCode));
    },
  );

  it('marks exactly the codes the VAT return takes (mvaKodeSAFT) with their return line', () => {
    const withLine = STANDARD_VAT_CODES.filter((code) => code.vatReturnLine !== undefined);
    expect(withLine.map((code) => code.code).sort()).toEqual([...returnCodes.keys()].sort());
    expect(withLine.filter((code) => code.vatReturnLine !== code.code)).toEqual([]);
  });

  it.each([...returnCodes.values()].map((entry) => [entry.code, entry]))(
    'gives code %s the direction and deduction the VAT-return code list implies',
    (code, entry) => {
      const used = entry.extra.kodeBrukesTilSpesifiseringAv ?? '';
      const purchase = entry.description.startsWith('Kjøp');
      const direction =
        used === 'Inngående merverdiavgift'
          ? 'input'
          : purchase
            ? 'reverse_charge'
            : entry.extra.satstype
              ? 'output'
              : 'none';
      expect(template(code).direction).toBe(direction);
      expect(template(code).deductible).toBe(used.includes('Inngående'));
    },
  );

  it('computes no VAT on the codes the VAT return does not take', () => {
    const offReturn = STANDARD_VAT_CODES.filter((code) => !returnCodes.has(code.code));
    expect(offReturn.map((code) => [code.code, code.direction])).toEqual(
      ['0', '20', '21', '22', '7'].map((code) => [code, 'none']),
    );
  });
});

describe('STANDARD_VAT_CODES', () => {
  it('keeps every rate history in date order without overlaps or empty periods', () => {
    for (const code of STANDARD_VAT_CODES) {
      expect(code.rates.length).toBeGreaterThan(0);
      code.rates.forEach((period, i) => {
        expect(period.rate).toMatch(/^\d{1,2}\.\d{2}$/);
        if (period.validTo !== null) expect(period.validFrom <= period.validTo).toBe(true);
        const next = code.rates[i + 1];
        if (next) expect(period.validTo !== null && period.validTo < next.validFrom).toBe(true);
      });
    }
  });

  it('posts output VAT to 2700, input VAT to 2710, and reverse charge to both when deductible', () => {
    const charged = (code: VatCodeTemplate): boolean => code.rates.some((period) => period.rate !== '0.00');
    for (const code of STANDARD_VAT_CODES) {
      const expected =
        !charged(code) || code.direction === 'none'
          ? [undefined, undefined]
          : code.direction === 'input'
            ? ['2710', undefined]
            : code.direction === 'output'
              ? ['2700', undefined]
              : ['2700', code.deductible ? '2710' : undefined];
      expect([code.code, code.vatAccountNumber, code.reverseChargeInputAccountNumber]).toEqual([
        code.code,
        ...expected,
      ]);
    }
  });

  it('posts VAT only to VAT-locked accounts of the default chart', () => {
    const locked = new Set(
      DEFAULT_CHART.filter((account) => account.vatLocked).map((account) => account.number),
    );
    const targets = STANDARD_VAT_CODES.flatMap((code) => [
      code.vatAccountNumber,
      code.reverseChargeInputAccountNumber,
    ]);
    for (const number of targets.filter((target) => target !== undefined)) expect(locked).toContain(number);
  });

  it('deducts input VAT and never output VAT', () => {
    for (const code of STANDARD_VAT_CODES) {
      if (code.direction === 'input') expect(code.deductible).toBe(true);
      if (code.direction === 'output' || code.direction === 'none') expect(code.deductible).toBe(false);
    }
    expect(['81', '83', '86', '88', '91'].map((code) => template(code).deductible)).toEqual(
      Array(5).fill(true),
    );
    expect(['82', '84', '87', '89', '92'].map((code) => template(code).deductible)).toEqual(
      Array(5).fill(false),
    );
  });
});

describe('rateOn', () => {
  it.each([
    ['3', '2004-12-31', null],
    ['3', '2005-01-01', '25.00'],
    ['3', '2099-12-31', '25.00'],
    ['31', '2011-12-31', null],
    ['31', '2012-01-01', '15.00'],
    ['32', '1970-01-01', '11.11'],
    ['33', '2005-12-31', null],
    ['33', '2006-01-01', '8.00'],
    ['33', '2015-12-31', '8.00'],
    ['33', '2016-01-01', '10.00'],
    ['33', '2017-12-31', '10.00'],
    ['33', '2018-01-01', '12.00'],
    ['33', '2020-03-31', '12.00'],
    ['33', '2020-04-01', '6.00'],
    ['13', '2021-09-30', '6.00'],
    ['13', '2021-10-01', '12.00'],
    ['88', '2020-06-15', '6.00'],
    ['81', '2016-12-31', null],
    ['81', '2017-01-01', '25.00'],
    ['14', '2005-12-31', null],
    ['14', '2006-01-01', '25.00'],
    ['6', '2024-02-29', '0.00'],
    ['52', '2016-12-31', null],
  ])('gives code %s on %s the rate %s', (code, date, rate) => {
    expect(rateOn(template(code), date)).toBe(rate);
  });

  it.each(['2024-13-01', '2024-1-01', '20240101', '', '2024-01-01T00:00:00Z'])(
    'refuses the date "%s"',
    (date) => {
      expect(() => rateOn(template('3'), date)).toThrow(RangeError);
    },
  );

  it('finds the one period containing any date, or none before the first', () => {
    const day = fc
      .date({
        min: new Date('1960-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...STANDARD_VAT_CODES), day, (code, date) => {
        const containing = code.rates.filter(
          (period) => period.validFrom <= date && (period.validTo === null || date <= period.validTo),
        );
        expect(containing.length).toBeLessThanOrEqual(1);
        expect(rateOn(code, date)).toBe(containing[0]?.rate ?? null);
        if (date >= code.rates[0].validFrom) expect(rateOn(code, date)).not.toBeNull();
      }),
    );
  });
});

import fc from 'fast-check';
import { DEFAULT_CHART, accountClassOf } from '../chart/default-chart.js';
import {
  BALANCE_SHEET_LAYOUT,
  PROFIT_AND_LOSS_LAYOUT,
  type ReportLayout,
  sectionOf,
} from './report-layout.js';

const LAYOUTS: [string, ReportLayout, string, string][] = [
  ['the balance sheet', BALANCE_SHEET_LAYOUT, '1000', '2999'],
  ['the income statement', PROFIT_AND_LOSS_LAYOUT, '3000', '8999'],
];
const layoutOf = { balance: BALANCE_SHEET_LAYOUT, result: PROFIT_AND_LOSS_LAYOUT };

const isBalanceClass = (number: string): boolean =>
  ['asset', 'equity', 'liability'].includes(accountClassOf(number));
const next = (number: string): string => String(Number(number) + 1);
const sectionKeys = (layout: ReportLayout): string[] => layout.sections.map((section) => section.key);

describe.each(LAYOUTS)('%s', (_name, layout, first, last) => {
  it(`covers ${first}-${last} with contiguous, non-overlapping 4-digit ranges in order`, () => {
    const { sections } = layout;
    expect(sections[0].from).toBe(first);
    expect(sections[sections.length - 1].to).toBe(last);
    sections.forEach((section, i) => {
      expect(section.from).toMatch(/^\d{4}$/);
      expect(section.to).toMatch(/^\d{4}$/);
      expect(section.from <= section.to).toBe(true);
      if (i > 0) expect([section.key, section.from]).toEqual([section.key, next(sections[i - 1].to)]);
    });
  });

  it('has unique keys, and subtotals made of its own sections', () => {
    const keys = [...sectionKeys(layout), ...layout.subtotals.map((subtotal) => subtotal.key)];
    expect(new Set(keys).size).toBe(keys.length);
    for (const subtotal of layout.subtotals) {
      expect(subtotal.sections.length).toBeGreaterThan(0);
      expect(sectionKeys(layout)).toEqual(expect.arrayContaining(subtotal.sections));
      expect(new Set(subtotal.sections).size).toBe(subtotal.sections.length);
    }
  });
});

describe('report layouts and the default chart', () => {
  it('puts every account of the chart in exactly one section, of the layout its class belongs to', () => {
    for (const account of DEFAULT_CHART) {
      const [own, other] = isBalanceClass(account.number)
        ? [BALANCE_SHEET_LAYOUT, PROFIT_AND_LOSS_LAYOUT]
        : [PROFIT_AND_LOSS_LAYOUT, BALANCE_SHEET_LAYOUT];
      const matches = own.sections.filter(
        (section) => section.from <= account.number && account.number <= section.to,
      );
      expect([account.number, matches.length]).toEqual([account.number, 1]);
      expect(sectionOf(own, account.number)).toBe(matches[0]);
      expect(sectionOf(other, account.number)).toBeUndefined();
    }
  });

  it('agrees with the næringsspesifikasjon category of each income-statement account', () => {
    const categories: Record<string, string[]> = {
      salesRevenue: ['salgsinntekt'],
      otherOperatingIncome: ['annenDriftsinntekt'],
      costOfGoodsSold: ['varekostnad'],
      payrollExpenses: ['loennskostnad'],
      depreciation: ['annenDriftskostnad'],
      otherOperatingExpenses: ['annenDriftskostnad'],
      financialIncome: ['finansinntekt'],
      financialExpenses: ['finanskostnad'],
      incomeTax: ['skattekostnad'],
      appropriations: ['resultatDisponeringForSAF-T'],
    };
    for (const account of DEFAULT_CHART.filter((candidate) => !isBalanceClass(candidate.number))) {
      const key = sectionOf(PROFIT_AND_LOSS_LAYOUT, account.number)!.key;
      expect([account.number, categories[key]]).toEqual([
        account.number,
        expect.arrayContaining([account.groupingCategory]),
      ]);
    }
  });

  it('puts every account number of classes 1-8 in exactly one layout, the one of its class', () => {
    const accountNumber = fc
      .tuple(fc.integer({ min: 1, max: 8 }), fc.stringMatching(/^\d{3,5}$/))
      .map(([first, rest]) => `${first}${rest}`);
    fc.assert(
      fc.property(accountNumber, (number) => {
        const balance = sectionOf(BALANCE_SHEET_LAYOUT, number);
        const result = sectionOf(PROFIT_AND_LOSS_LAYOUT, number);
        expect(balance === undefined).not.toBe(result === undefined);
        expect(balance !== undefined).toBe(isBalanceClass(number));
      }),
    );
  });
});

describe('subtotals', () => {
  const subtotal = (layout: ReportLayout, key: string): string[] =>
    layout.subtotals.find((candidate) => candidate.key === key)!.sections;

  it('splits the balance sheet into assets and equity and liabilities, each section on one side', () => {
    const assets = subtotal(BALANCE_SHEET_LAYOUT, 'totalAssets');
    const equityAndLiabilities = subtotal(BALANCE_SHEET_LAYOUT, 'totalEquityAndLiabilities');
    expect([...assets, ...equityAndLiabilities].sort()).toEqual(sectionKeys(BALANCE_SHEET_LAYOUT).sort());
    const classOf = (key: string): string =>
      BALANCE_SHEET_LAYOUT.sections.find((section) => section.key === key)!.from[0];
    expect(assets.map(classOf)).toEqual(assets.map(() => '1'));
    expect(equityAndLiabilities.map(classOf)).toEqual(equityAndLiabilities.map(() => '2'));
    expect(subtotal(BALANCE_SHEET_LAYOUT, 'totalAssets')).toEqual([
      ...subtotal(BALANCE_SHEET_LAYOUT, 'fixedAssets'),
      ...subtotal(BALANCE_SHEET_LAYOUT, 'currentAssets'),
    ]);
  });

  it('builds the year’s result from everything but the appropriations', () => {
    const annual = subtotal(PROFIT_AND_LOSS_LAYOUT, 'annualResult');
    expect([...annual, 'appropriations'].sort()).toEqual(sectionKeys(PROFIT_AND_LOSS_LAYOUT).sort());
    expect(subtotal(PROFIT_AND_LOSS_LAYOUT, 'resultBeforeTax')).toEqual([
      ...subtotal(PROFIT_AND_LOSS_LAYOUT, 'operatingResult'),
      ...subtotal(PROFIT_AND_LOSS_LAYOUT, 'netFinancialItems'),
    ]);
    expect(subtotal(PROFIT_AND_LOSS_LAYOUT, 'operatingResult')).toEqual([
      ...subtotal(PROFIT_AND_LOSS_LAYOUT, 'operatingIncome'),
      ...subtotal(PROFIT_AND_LOSS_LAYOUT, 'operatingExpenses'),
    ]);
  });
});

describe('sectionOf', () => {
  it.each([
    ['result', '3399', 'salesRevenue'],
    ['result', '3400', 'otherOperatingIncome'],
    ['result', '6099', 'depreciation'],
    ['result', '6100', 'otherOperatingExpenses'],
    ['result', '7999', 'otherOperatingExpenses'],
    ['result', '8000', 'financialIncome'],
    ['result', '8299', 'financialExpenses'],
    ['result', '8300', 'incomeTax'],
    ['result', '8799', 'extraordinaryItems'],
    ['result', '8800', 'appropriations'],
    ['result', '300001', 'salesRevenue'],
    ['balance', '1099', 'intangibleAssets'],
    ['balance', '1100', 'tangibleFixedAssets'],
    ['balance', '1499', 'inventories'],
    ['balance', '1500', 'receivables'],
    ['balance', '19201', 'cashAndBankDeposits'],
    ['balance', '2039', 'paidInEquity'],
    ['balance', '2040', 'retainedEarnings'],
    ['balance', '2299', 'otherLongTermLiabilities'],
    ['balance', '2300', 'currentLiabilities'],
  ] as const)('finds in the %s layout account %s in %s', (layout, number, key) => {
    expect(sectionOf(layoutOf[layout], number)?.key).toBe(key);
  });

  it.each(['1920', '2999', '0999', '9000', '192', '1234567', 'abcd', ''])(
    'finds no income-statement section for "%s"',
    (number) => {
      expect(sectionOf(PROFIT_AND_LOSS_LAYOUT, number)).toBeUndefined();
    },
  );
});

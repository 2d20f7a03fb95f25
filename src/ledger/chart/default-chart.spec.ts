import {
  readGroupingCodes,
  readStandardAccountGroups,
  readStandardAccounts,
} from '../../../test/support/reference-files.js';
import { STANDARD_VAT_CODES } from '../vat/standard-vat-codes.js';
import * as chart from './default-chart.js';
import { DEFAULT_CHART, accountClassOf, type AccountClass } from './default-chart.js';

const numbers = DEFAULT_CHART.map((account) => account.number);
const byNumber = new Map(DEFAULT_CHART.map((account) => [account.number, account]));

describe('DEFAULT_CHART against the official SAF-T lists', () => {
  const standardAccounts = readStandardAccounts();
  const standardIds = new Set(standardAccounts.map((account) => account.accountId));

  it('reads the official lists (guards the checks below against an empty file)', () => {
    expect(standardAccounts.length).toBeGreaterThan(500);
    expect(standardAccounts.find((account) => account.accountId === '2770')?.descriptionEng).toBe(
      'Unpaid employers’ national insurance contributions', // 0x92 in Windows-1252
    );
  });

  it('maps every account to a standard account of the 4-character list', () => {
    const unknown = DEFAULT_CHART.filter((account) => !standardIds.has(account.standardAccountId));
    expect(unknown.map((account) => `${account.number} -> ${account.standardAccountId}`)).toEqual([]);
  });

  it('maps every account to a standard account of its own NS 4102 group, a group of the 2-character list', () => {
    const groups = new Set(readStandardAccountGroups().map((group) => group.accountId));
    expect(groups.size).toBeGreaterThan(60);
    const outside = DEFAULT_CHART.filter(
      (account) =>
        account.standardAccountId.slice(0, 2) !== account.number.slice(0, 2) ||
        !groups.has(account.number.slice(0, 2)),
    );
    expect(outside.map((account) => `${account.number} -> ${account.standardAccountId}`)).toEqual([]);
  });

  it('gives every account a grouping code from its category’s official næringsspesifikasjon list', () => {
    const codesOf = new Map<string, Set<string>>();
    const codes = (category: string): Set<string> => {
      if (!codesOf.has(category)) {
        codesOf.set(category, new Set(readGroupingCodes(category).map((row) => row.code)));
      }
      return codesOf.get(category)!;
    };
    const wrong = DEFAULT_CHART.filter(
      (account) => !codes(account.groupingCategory).has(account.groupingCode),
    );
    expect(
      wrong.map((account) => `${account.number}: ${account.groupingCategory}/${account.groupingCode}`),
    ).toEqual([]);
  });

  it('uses the grouping category that matches the account’s NS 4102 group', () => {
    const expected = (number: string): string[] => {
      const group = Number(number.slice(0, 2));
      if (group <= 13) return ['balanseverdiForAnleggsmiddel'];
      if (group <= 19) return ['balanseverdiForOmloepsmiddel'];
      if (group === 20) return ['egenkapital'];
      if (group <= 22) return ['langsiktigGjeld'];
      if (group <= 29) return ['kortsiktigGjeld'];
      if (group <= 39) return ['salgsinntekt', 'annenDriftsinntekt'];
      if (group <= 49) return ['varekostnad'];
      if (group <= 59) return ['loennskostnad'];
      if (group <= 79) return ['annenDriftskostnad'];
      const financial: Record<number, string> = {
        80: 'finansinntekt',
        81: 'finanskostnad',
        83: 'skattekostnad',
      };
      return [financial[group] ?? 'resultatDisponeringForSAF-T'];
    };
    const misplaced = DEFAULT_CHART.filter(
      (account) => !expected(account.number).includes(account.groupingCategory),
    );
    expect(misplaced.map((account) => `${account.number}: ${account.groupingCategory}`)).toEqual([]);
  });

  it('names no account with an official standard-account description (their licence is SAF-T mapping only)', () => {
    const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
    const officialNor = new Set(standardAccounts.map((account) => normalise(account.descriptionNor)));
    const officialEng = new Set(standardAccounts.map((account) => normalise(account.descriptionEng)));
    expect(DEFAULT_CHART.filter((account) => officialNor.has(normalise(account.name)))).toEqual([]);
    expect(DEFAULT_CHART.filter((account) => officialEng.has(normalise(account.englishName)))).toEqual([]);
  });
});

describe('DEFAULT_CHART', () => {
  it('has unique 4-digit numbers in ascending order', () => {
    expect(numbers.every((number) => /^[1-8]\d{3}$/.test(number))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect([...numbers].sort()).toEqual(numbers);
  });

  it('has unique, non-empty names in both languages', () => {
    for (const key of ['name', 'englishName'] as const) {
      const names = DEFAULT_CHART.map((account) => account[key].trim());
      expect(names.filter((name) => name === '')).toEqual([]);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('holds the accounts the domain primer names, and the payroll, equity and result accounts', () => {
    const required = [
      ...['1500', '1900', '1920', '2400', '2700', '2710', '2740', '3000', '3100', '4300'],
      ...['6300', '7140', '7770', '8050', '8150'],
      ...['2000', '2050', '2080', '5000', '5400', '2600', '2770', '2780', '2940', '8060', '8160'],
      ...['8800', '8960', '7740', '1940'],
    ];
    expect(required.filter((number) => !byNumber.has(number))).toEqual([]);
  });

  it('derives every account’s class from its number', () => {
    const wrong = DEFAULT_CHART.filter((account) => account.accountClass !== accountClassOf(account.number));
    expect(wrong.map((account) => account.number)).toEqual([]);
  });

  it('makes 1500 the receivable and 2400 the payable control account, and nothing else a control account', () => {
    const controls = DEFAULT_CHART.filter((account) => account.controlKind !== undefined);
    expect(controls.map((account) => [account.number, account.controlKind])).toEqual([
      ['1500', 'receivable'],
      ['2400', 'payable'],
    ]);
  });

  it('locks the VAT accounts against VAT codes and gives them no default code', () => {
    const locked = DEFAULT_CHART.filter((account) => account.vatLocked);
    expect(locked.map((account) => account.number)).toEqual(['2700', '2710', '2740']);
    expect(locked.filter((account) => account.defaultVatCode !== undefined)).toEqual([]);
  });

  it('proposes only existing VAT codes, output codes on revenue and input or reverse-charge codes on costs', () => {
    const codes = new Map(STANDARD_VAT_CODES.map((code) => [code.code, code]));
    const allowed: Record<AccountClass, string[]> = {
      revenue: ['output', 'none'],
      expense: ['input', 'reverse_charge', 'none'],
      asset: ['input', 'reverse_charge', 'none'],
      equity: [],
      liability: [],
    };
    for (const account of DEFAULT_CHART.filter((candidate) => candidate.defaultVatCode !== undefined)) {
      const code = codes.get(account.defaultVatCode!);
      expect([account.number, code?.code]).toEqual([account.number, account.defaultVatCode]);
      expect(allowed[account.accountClass]).toContain(code!.direction);
    }
    expect(byNumber.get('3000')?.defaultVatCode).toBe('3');
    expect(byNumber.get('3100')?.defaultVatCode).toBe('5');
    expect(byNumber.get('4300')?.defaultVatCode).toBe('1');
  });

  it('names special accounts that exist in the chart, with the right class', () => {
    const expectations: [string, AccountClass][] = [
      [chart.RECEIVABLES_ACCOUNT, 'asset'],
      [chart.PAYABLES_ACCOUNT, 'liability'],
      [chart.OUTPUT_VAT_ACCOUNT, 'liability'],
      [chart.INPUT_VAT_ACCOUNT, 'liability'],
      [chart.VAT_SETTLEMENT_ACCOUNT, 'liability'],
      [chart.ROUNDING_ACCOUNT, 'expense'],
      [chart.CASH_ACCOUNT, 'asset'],
      [chart.BANK_ACCOUNT, 'asset'],
      [chart.CARD_CLEARING_ACCOUNT, 'asset'],
      [chart.MOBILE_PAYMENT_CLEARING_ACCOUNT, 'asset'],
      [chart.PAYMENT_PROVIDER_CLEARING_ACCOUNT, 'asset'],
      [chart.CASH_DIFFERENCE_ACCOUNT, 'expense'],
      [chart.CARD_FEES_ACCOUNT, 'expense'],
      [chart.BANK_FEES_ACCOUNT, 'expense'],
      [chart.EMPLOYEE_PAYABLES_ACCOUNT, 'liability'],
      [chart.CURRENCY_GAIN_ACCOUNT, 'revenue'],
      [chart.CURRENCY_LOSS_ACCOUNT, 'expense'],
      [chart.OTHER_EQUITY_ACCOUNT, 'equity'],
      [chart.UNCOVERED_LOSS_ACCOUNT, 'equity'],
      [chart.PROFIT_TRANSFER_ACCOUNT, 'expense'],
      [chart.LOSS_TRANSFER_ACCOUNT, 'expense'],
    ];
    for (const [number, accountClass] of expectations) {
      expect([number, byNumber.get(number)?.accountClass]).toEqual([number, accountClass]);
    }
    expect([chart.RECEIVABLES_ACCOUNT, chart.PAYABLES_ACCOUNT]).toEqual(['1500', '2400']);
    expect(byNumber.get(chart.ROUNDING_ACCOUNT)?.standardAccountId).toBe('7740'); // Øresavrunding
  });
});

describe('accountClassOf', () => {
  it.each([
    ['1000', 'asset'],
    ['1999', 'asset'],
    ['2000', 'equity'],
    ['2099', 'equity'],
    ['2100', 'liability'],
    ['2999', 'liability'],
    ['3000', 'revenue'],
    ['3999', 'revenue'],
    ['4000', 'expense'],
    ['7999', 'expense'],
    ['8000', 'revenue'],
    ['8099', 'revenue'],
    ['8100', 'expense'],
    ['8399', 'expense'],
    ['8400', 'revenue'],
    ['8499', 'revenue'],
    ['8500', 'expense'],
    ['8800', 'expense'],
    ['8999', 'expense'],
    ['19201', 'asset'],
    ['209999', 'equity'],
    ['210000', 'liability'],
    ['80501', 'revenue'],
    ['81501', 'expense'],
  ])('puts %s in class %s', (number, accountClass) => {
    expect(accountClassOf(number)).toBe(accountClass);
  });

  it.each(['', '192', '1234567', '0123', '9000', '12a4', ' 1920', '1920 ', '-192', '19.2'])(
    'refuses "%s", which is no account number',
    (number) => {
      expect(() => accountClassOf(number)).toThrow(RangeError);
    },
  );
});

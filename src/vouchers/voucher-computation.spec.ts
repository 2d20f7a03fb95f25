import { formatAmount } from '../common/index.js';
import type { Account, LedgerSnapshot, VatCode } from '../ledger/index.js';
import { computePostings, type VoucherComputation } from './voucher-computation.js';

function account(number: string, overrides: Partial<Account> = {}): Account {
  return {
    companyId: 'c',
    id: `account-${number}`,
    number,
    name: `Account ${number}`,
    description: null,
    accountClass: 'asset',
    standardAccountId: number,
    groupingCategory: 'RF-1167',
    groupingCode: number,
    controlKind: null,
    defaultVatCode: null,
    isVatLocked: false,
    requiresDepartment: false,
    requiresProject: false,
    isActive: true,
    createdAt: new Date(),
    updatedAt: new Date(),
    version: 1,
    ...overrides,
  };
}

function vatCode(
  code: string,
  direction: VatCode['direction'],
  rate: string,
  overrides: Partial<VatCode> = {},
): VatCode {
  return {
    companyId: 'c',
    code,
    name: `VAT ${code}`,
    direction,
    rates: [{ rate, validFrom: '2005-01-01', validTo: null }],
    vatAccountId: direction === 'input' ? 'account-2710' : 'account-2700',
    deductionAccountId: direction === 'reverse_charge' ? 'account-2710' : null,
    isDeductible: true,
    isActive: true,
    ...overrides,
  };
}

const ACCOUNTS = [
  account('1500', { controlKind: 'receivable' }),
  account('1920'),
  account('2400', { controlKind: 'payable' }),
  account('2700', { isVatLocked: true }),
  account('2710', { isVatLocked: true }),
  account('3000'),
  account('4300'),
  account('6300', { requiresDepartment: true }),
  account('8160'),
  account('7000', { isActive: false }),
];

function ledger(overrides: Partial<LedgerSnapshot> = {}): LedgerSnapshot {
  return {
    date: '2026-11-27',
    period: null,
    accountsByNumber: new Map(ACCOUNTS.map((a) => [a.number, a])),
    accountsById: new Map(ACCOUNTS.map((a) => [a.id, a])),
    vatCodes: new Map(
      [
        vatCode('3', 'output', '25.00'),
        vatCode('1', 'input', '25.00'),
        vatCode('31', 'output', '15.00'),
        vatCode('81', 'reverse_charge', '25.00'),
      ].map((code) => [code.code, code]),
    ),
    dimensionValues: new Map(),
    roundingAccount: ACCOUNTS.find((a) => a.number === '8160'),
    ...overrides,
  };
}

function lines(result: VoucherComputation): string[] {
  return result.postings.map((p) => `${p.kind} ${p.account.number} ${formatAmount(p.amount)}`);
}

const CUSTOMER = '0192c0de-0000-7000-8000-000000000001';
const SUPPLIER = '0192c0de-0000-7000-8000-000000000002';

describe('computePostings', () => {
  it('generates output VAT from a net sales line', () => {
    const result = computePostings(
      [
        { accountNumber: '1500', amount: '1250.00', customerId: CUSTOMER },
        { accountNumber: '3000', amount: '-1000.00', vatCode: '3' },
      ],
      false,
      ledger(),
    );
    expect(result.errors).toEqual([]);
    expect(lines(result)).toEqual(['entry 1500 1250.00', 'entry 3000 -1000.00', 'vat 2700 -250.00']);
    expect(result.imbalance.isZero()).toBe(true);
  });

  it('splits VAT off gross amounts, rounding the VAT half away from zero', () => {
    const result = computePostings(
      [
        { accountNumber: '4300', amount: '99.99', vatCode: '1' },
        { accountNumber: '2400', amount: '-99.99', supplierId: SUPPLIER },
      ],
      true,
      ledger(),
    );
    // 99.99 x 25 / 125 = 19.998 -> 20.00; the net line takes the rest, so the sum stays exact.
    expect(lines(result)).toEqual(['entry 4300 79.99', 'vat 2710 20.00', 'entry 2400 -99.99']);
    expect(result.imbalance.isZero()).toBe(true);
  });

  it('posts reverse-charge VAT both as payable and as deductible', () => {
    const result = computePostings(
      [
        { accountNumber: '4300', amount: '1000.00', vatCode: '81' },
        { accountNumber: '2400', amount: '-1000.00', supplierId: SUPPLIER },
      ],
      false,
      ledger(),
    );
    expect(lines(result)).toEqual([
      'entry 4300 1000.00',
      'vat 2700 -250.00',
      'vat 2710 250.00',
      'entry 2400 -1000.00',
    ]);
  });

  it("charges non-deductible reverse-charge VAT to the line's own account, so the voucher still balances", () => {
    const ledgerWithCode82 = ledger();
    ledgerWithCode82.vatCodes.set(
      '82',
      vatCode('82', 'reverse_charge', '25.00', { isDeductible: false, deductionAccountId: null }),
    );
    const result = computePostings(
      [
        { accountNumber: '4300', amount: '1000.00', vatCode: '82' },
        { accountNumber: '2400', amount: '-1000.00', supplierId: SUPPLIER },
      ],
      false,
      ledgerWithCode82,
    );
    expect(lines(result)).toEqual([
      'entry 4300 1000.00',
      'vat 2700 -250.00',
      'vat 4300 250.00',
      'entry 2400 -1000.00',
    ]);
    expect(result.imbalance.isZero()).toBe(true);
  });

  it('converts currency lines and books what conversion leaves on an explicit rounding line', () => {
    const result = computePostings(
      [
        { accountNumber: '1920', currency: 'EUR', currencyAmount: '10.01', exchangeRate: '11.555' },
        { accountNumber: '1920', currency: 'EUR', currencyAmount: '10.01', exchangeRate: '11.555' },
        { accountNumber: '1920', currency: 'EUR', currencyAmount: '-20.02', exchangeRate: '11.555' },
      ],
      false,
      ledger(),
    );
    // 10.01 x 11.555 = 115.66555 -> 115.67 twice; 20.02 x 11.555 = 231.3311 -> 231.33: 0.01 left over.
    expect(lines(result)).toEqual([
      'entry 1920 115.67',
      'entry 1920 115.67',
      'entry 1920 -231.33',
      'rounding 8160 -0.01',
    ]);
  });

  it('leaves an imbalance beyond conversion rounding for the caller to refuse', () => {
    const result = computePostings(
      [
        { accountNumber: '1920', amount: '100.00' },
        { accountNumber: '3000', amount: '-99.00' },
      ],
      false,
      ledger(),
    );
    expect(result.errors).toEqual([]);
    expect(formatAmount(result.imbalance)).toBe('1.00');
    expect(result.postings.some((p) => p.kind === 'rounding')).toBe(false);
  });

  it('points at each broken rule with its name', () => {
    const result = computePostings(
      [
        { accountNumber: '9999', amount: '1.00' },
        { accountNumber: '1500', amount: '1.00' },
        { accountNumber: '2700', amount: '1.00', vatCode: '3' },
        { accountNumber: '7000', amount: '1.00' },
        { accountNumber: '6300', amount: '1.00' },
        { accountNumber: '3000', amount: '-5.00', vatCode: '77' },
        { accountNumber: '3000', amount: '0.00' },
      ],
      false,
      ledger(),
    );
    expect(result.errors.map((e) => `${e.pointer} ${e.rule}`)).toEqual([
      '/postings/0/accountNumber accountExists',
      '/postings/1/customerId customerRequired',
      '/postings/2/vatCode noVatOnVatAccount',
      '/postings/3/accountNumber accountActive',
      '/postings/4/departmentId dimensionRequired',
      '/postings/5/vatCode vatCodeExists',
      '/postings/6/amount nonZero',
    ]);
  });

  it('refuses a VAT code on a date outside its rates', () => {
    const result = computePostings(
      [
        { accountNumber: '1920', amount: '125.00' },
        { accountNumber: '3000', amount: '-100.00', vatCode: '3' },
      ],
      false,
      ledger({ date: '2004-06-30' }),
    );
    expect(result.errors.map((e) => e.rule)).toEqual(['vatCodeInForce']);
  });
});

/** A report line: the accounts whose NS 4102 number (first 4 digits) lies in [from, to]. */
export interface ReportSection {
  key: string;
  name: string;
  englishName: string;
  /** First account number of the range, 4 digits, inclusive. */
  from: string;
  /** Last account number of the range, 4 digits, inclusive. */
  to: string;
}

/** A sum of sections, e.g. the operating result. */
export interface ReportSubtotal {
  key: string;
  name: string;
  englishName: string;
  /** Keys of the sections it adds up. */
  sections: string[];
}

export interface ReportLayout {
  key: 'profitAndLoss' | 'balanceSheet';
  name: string;
  englishName: string;
  /** In report order; the ranges are contiguous and cover the layout's account classes. */
  sections: readonly ReportSection[];
  /** In report order. */
  subtotals: readonly ReportSubtotal[];
}

const section = (
  key: string,
  name: string,
  englishName: string,
  from: string,
  to: string,
): ReportSection => ({
  key,
  name,
  englishName,
  from,
  to,
});

const subtotal = (key: string, name: string, englishName: string, sections: string[]): ReportSubtotal => ({
  key,
  name,
  englishName,
  sections,
});

const OPERATING_INCOME = ['salesRevenue', 'otherOperatingIncome'];
const OPERATING_EXPENSES = ['costOfGoodsSold', 'payrollExpenses', 'depreciation', 'otherOperatingExpenses'];
const FINANCIAL_ITEMS = ['financialIncome', 'financialExpenses'];
const RESULT_BEFORE_TAX = [...OPERATING_INCOME, ...OPERATING_EXPENSES, ...FINANCIAL_ITEMS];

// The income statement of regnskapsloven's layout (oppstillingsplan) by NS 4102 groups.
// Extraordinary items (84-86) left the law in 2016 but old charts still have the accounts;
// they count in the year's result. 88-89 (year's result and its appropriation) are shown
// after it and are not part of it.
export const PROFIT_AND_LOSS_LAYOUT: ReportLayout = {
  key: 'profitAndLoss',
  name: 'Resultatregnskap',
  englishName: 'Income statement',
  sections: [
    section('salesRevenue', 'Salgsinntekt', 'Sales revenue', '3000', '3399'),
    section('otherOperatingIncome', 'Annen driftsinntekt', 'Other operating income', '3400', '3999'),
    section('costOfGoodsSold', 'Varekostnad', 'Cost of goods sold', '4000', '4999'),
    section('payrollExpenses', 'Lønnskostnad', 'Payroll expenses', '5000', '5999'),
    section('depreciation', 'Av- og nedskrivninger', 'Depreciation and impairment', '6000', '6099'),
    section('otherOperatingExpenses', 'Annen driftskostnad', 'Other operating expenses', '6100', '7999'),
    section('financialIncome', 'Finansinntekter', 'Financial income', '8000', '8099'),
    section('financialExpenses', 'Finanskostnader', 'Financial expenses', '8100', '8299'),
    section('incomeTax', 'Skattekostnad', 'Income tax expense', '8300', '8399'),
    section('extraordinaryItems', 'Ekstraordinære poster', 'Extraordinary items', '8400', '8799'),
    section(
      'appropriations',
      'Overføringer og disponeringer',
      'Transfers and appropriations',
      '8800',
      '8999',
    ),
  ],
  subtotals: [
    subtotal('operatingIncome', 'Sum driftsinntekter', 'Total operating income', OPERATING_INCOME),
    subtotal('operatingExpenses', 'Sum driftskostnader', 'Total operating expenses', OPERATING_EXPENSES),
    subtotal('operatingResult', 'Driftsresultat', 'Operating result', [
      ...OPERATING_INCOME,
      ...OPERATING_EXPENSES,
    ]),
    subtotal('netFinancialItems', 'Netto finansposter', 'Net financial items', FINANCIAL_ITEMS),
    subtotal('resultBeforeTax', 'Resultat før skattekostnad', 'Result before tax', RESULT_BEFORE_TAX),
    subtotal('annualResult', 'Årsresultat', 'Result for the year', [
      ...RESULT_BEFORE_TAX,
      'incomeTax',
      'extraordinaryItems',
    ]),
    subtotal('totalAppropriations', 'Sum overføringer og disponeringer', 'Total appropriations', [
      'appropriations',
    ]),
  ],
};

const FIXED_ASSETS = ['intangibleAssets', 'tangibleFixedAssets', 'financialFixedAssets'];
const CURRENT_ASSETS = ['inventories', 'receivables', 'investments', 'cashAndBankDeposits'];
const EQUITY = ['paidInEquity', 'retainedEarnings'];
const LIABILITIES = ['provisions', 'otherLongTermLiabilities', 'currentLiabilities'];

// The balance sheet of regnskapsloven's layout by NS 4102 groups: 10 intangible, 11-12
// tangible, 13 financial fixed assets; 14 inventories; 15-17 receivables (VAT receivable and
// prepaid costs included); 18 investments; 19 cash and bank; 20 equity (paid-in up to 2039);
// 21 provisions; 22 other long-term liabilities; 23-29 current liabilities. During the year
// the equity sections do not yet hold the year's result; the report adds it.
export const BALANCE_SHEET_LAYOUT: ReportLayout = {
  key: 'balanceSheet',
  name: 'Balanse',
  englishName: 'Balance sheet',
  sections: [
    section('intangibleAssets', 'Immaterielle eiendeler', 'Intangible assets', '1000', '1099'),
    section('tangibleFixedAssets', 'Varige driftsmidler', 'Property, plant and equipment', '1100', '1299'),
    section('financialFixedAssets', 'Finansielle anleggsmidler', 'Financial fixed assets', '1300', '1399'),
    section('inventories', 'Varer', 'Inventories', '1400', '1499'),
    section('receivables', 'Fordringer', 'Receivables', '1500', '1799'),
    section('investments', 'Investeringer', 'Investments', '1800', '1899'),
    section('cashAndBankDeposits', 'Bankinnskudd, kontanter o.l.', 'Cash and bank deposits', '1900', '1999'),
    section('paidInEquity', 'Innskutt egenkapital', 'Paid-in equity', '2000', '2039'),
    section('retainedEarnings', 'Opptjent egenkapital', 'Retained earnings', '2040', '2099'),
    section('provisions', 'Avsetning for forpliktelser', 'Provisions', '2100', '2199'),
    section(
      'otherLongTermLiabilities',
      'Annen langsiktig gjeld',
      'Other long-term liabilities',
      '2200',
      '2299',
    ),
    section('currentLiabilities', 'Kortsiktig gjeld', 'Current liabilities', '2300', '2999'),
  ],
  subtotals: [
    subtotal('fixedAssets', 'Sum anleggsmidler', 'Total fixed assets', FIXED_ASSETS),
    subtotal('currentAssets', 'Sum omløpsmidler', 'Total current assets', CURRENT_ASSETS),
    subtotal('totalAssets', 'Sum eiendeler', 'Total assets', [...FIXED_ASSETS, ...CURRENT_ASSETS]),
    subtotal('totalEquity', 'Sum egenkapital', 'Total equity', EQUITY),
    subtotal('totalLiabilities', 'Sum gjeld', 'Total liabilities', LIABILITIES),
    subtotal('totalEquityAndLiabilities', 'Sum egenkapital og gjeld', 'Total equity and liabilities', [
      ...EQUITY,
      ...LIABILITIES,
    ]),
  ],
};

/**
 * The section of `layout` an account number falls in, by its first 4 digits (user accounts may
 * have 5 or 6); undefined when the number belongs to the other layout or is no account number.
 */
export function sectionOf(layout: ReportLayout, accountNumber: string): ReportSection | undefined {
  if (!/^\d{4,6}$/.test(accountNumber)) return undefined;
  const group = accountNumber.slice(0, 4);
  return layout.sections.find((candidate) => candidate.from <= group && group <= candidate.to);
}

// TEMPORARY minimal chart so the ledger can be built and tested while the full default chart
// (with its checks against the official SAF-T lists) is being prepared; replaced by it.
import type { AccountClass, ControlKind } from '../accounts/account.entity.js';

export interface ChartAccountTemplate {
  number: string;
  name: string;
  englishName: string;
  accountClass: AccountClass;
  standardAccountId: string;
  groupingCategory: string;
  groupingCode: string;
  controlKind?: ControlKind;
  defaultVatCode?: string;
  vatLocked?: boolean;
}

export const ROUNDING_ACCOUNT = '7790';

export function accountClassOf(number: string): AccountClass {
  const first = number[0];
  const two = Number(number.slice(0, 2));
  if (first === '1') return 'asset';
  if (first === '2') return two <= 20 ? 'equity' : 'liability';
  if (first === '3') return 'revenue';
  if (first === '8') return two === 80 ? 'revenue' : 'expense';
  return 'expense';
}

const rows: [string, string, string, string, string?, ControlKind?, boolean?][] = [
  ['1500', 'Kundefordringer', 'Trade receivables', '1500', undefined, 'receivable'],
  ['1900', 'Kontanter', 'Cash', '1900'],
  ['1920', 'Bank', 'Bank', '1920'],
  ['2050', 'Annen egenkapital', 'Other equity', '2059'],
  ['2400', 'Leverandørgjeld', 'Trade payables', '2400', undefined, 'payable'],
  ['2700', 'Utgående mva', 'Output VAT', '2740', undefined, undefined, true],
  ['2710', 'Inngående mva', 'Input VAT', '2740', undefined, undefined, true],
  ['2740', 'Mva-oppgjør', 'VAT settlement', '2740', undefined, undefined, true],
  ['3000', 'Salg, avgiftspliktig', 'Sales, VAT', '3000', '3'],
  ['3100', 'Salg, avgiftsfritt', 'Sales, no VAT', '3100', '6'],
  ['4300', 'Innkjøp av varer', 'Purchases of goods', '4300', '1'],
  ['6300', 'Husleie', 'Rent', '6300'],
  ['7140', 'Reise', 'Travel', '7140', '1'],
  ['7770', 'Bankgebyr', 'Bank fees', '7770'],
  ['7790', 'Øreavrunding', 'Rounding', '7790'],
  ['8050', 'Renteinntekt', 'Interest income', '8050'],
  ['8150', 'Rentekostnad', 'Interest cost', '8150'],
];

export const DEFAULT_CHART: readonly ChartAccountTemplate[] = rows.map(
  ([number, name, englishName, groupingCode, defaultVatCode, controlKind, vatLocked]) => ({
    number,
    name,
    englishName,
    accountClass: accountClassOf(number),
    standardAccountId: number,
    groupingCategory: 'RF-1167',
    groupingCode,
    ...(defaultVatCode ? { defaultVatCode } : {}),
    ...(controlKind ? { controlKind } : {}),
    ...(vatLocked ? { vatLocked } : {}),
  }),
);

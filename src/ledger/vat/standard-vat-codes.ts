// TEMPORARY minimal VAT code list while the full one (checked against the official SAF-T list)
// is being prepared; replaced by it.
import type { VatDirection, VatRatePeriod } from './vat-code.entity.js';

export interface VatCodeTemplate {
  code: string;
  name: string;
  englishName: string;
  direction: VatDirection;
  rates: readonly VatRatePeriod[];
  vatAccountNumber?: string;
  reverseChargeInputAccountNumber?: string;
  deductible: boolean;
}

const always = (rate: string): VatRatePeriod[] => [{ rate, validFrom: '2005-01-01', validTo: null }];

export const STANDARD_VAT_CODES: readonly VatCodeTemplate[] = [
  {
    code: '0',
    name: 'Ingen mva',
    englishName: 'No VAT',
    direction: 'none',
    rates: always('0.00'),
    deductible: false,
  },
  {
    code: '1',
    name: 'Inngående mva 25 %',
    englishName: 'Input VAT 25 %',
    direction: 'input',
    rates: always('25.00'),
    vatAccountNumber: '2710',
    deductible: true,
  },
  {
    code: '3',
    name: 'Utgående mva 25 %',
    englishName: 'Output VAT 25 %',
    direction: 'output',
    rates: always('25.00'),
    vatAccountNumber: '2700',
    deductible: false,
  },
  {
    code: '31',
    name: 'Utgående mva 15 %',
    englishName: 'Output VAT 15 %',
    direction: 'output',
    rates: always('15.00'),
    vatAccountNumber: '2700',
    deductible: false,
  },
  {
    code: '6',
    name: 'Utenfor mva-loven',
    englishName: 'Outside the VAT act',
    direction: 'none',
    rates: always('0.00'),
    deductible: false,
  },
  {
    code: '81',
    name: 'Omvendt avgiftsplikt, varer',
    englishName: 'Reverse charge, goods',
    direction: 'reverse_charge',
    rates: always('25.00'),
    vatAccountNumber: '2700',
    reverseChargeInputAccountNumber: '2710',
    deductible: true,
  },
];

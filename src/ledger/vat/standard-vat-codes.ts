import { INPUT_VAT_ACCOUNT, OUTPUT_VAT_ACCOUNT } from '../chart/default-chart.js';
import {
  FOOD_RATE,
  LOW_RATE,
  RAW_FISH_RATE,
  STANDARD_RATE,
  ZERO_RATE,
  fromDate,
} from './vat-rate-history.js';

/**
 * What a VAT code makes the ledger do: `output` computes VAT payable on a sale; `input` VAT
 * deductible on a purchase; `reverse_charge` has the buyer compute VAT the seller did not charge
 * (import of goods and services, emission allowances and gold): payable, and when `deductible`
 * the same amount deductible; `none` computes nothing, whatever its rate.
 */
export type VatDirection = 'output' | 'input' | 'reverse_charge' | 'none';

/** One rate of a VAT code and its dates (inclusive; `validTo` null = still in force). */
export interface VatRatePeriod {
  /** Percent as a decimal string, e.g. '25.00', '11.11'. */
  rate: string;
  /** ISO date. */
  validFrom: string;
  validTo: string | null;
}

export interface VatCodeTemplate {
  /** SAF-T standard tax code, e.g. '3'. */
  code: string;
  name: string;
  englishName: string;
  direction: VatDirection;
  /** Rate history, in date order, never overlapping. */
  rates: readonly VatRatePeriod[];
  /** Where the computed VAT posts: output VAT (also reverse charge) or input VAT. */
  vatAccountNumber?: string;
  /** Reverse charge with deduction: the deductible input VAT posts here. */
  reverseChargeInputAccountNumber?: string;
  /** Input and reverse-charge codes: whether the VAT is deducted. */
  deductible: boolean;
  /**
   * The code the VAT return (mva-melding) reports the posting under. The return has no
   * numbered posts any more: each line names its SAF-T code. Absent for codes the return does
   * not take (0, 7, 20-22: no VAT, or basis of VAT already paid at customs).
   */
  vatReturnLine?: string;
}

// A rate string such as '0.00' means nothing is charged.
const isCharged = (period: VatRatePeriod): boolean => !/^0+(\.0+)?$/.test(period.rate);

interface Names {
  code: string;
  name: string;
  englishName: string;
}

function output({ code, name, englishName }: Names, rates: readonly VatRatePeriod[]): VatCodeTemplate {
  const charged = rates.some(isCharged);
  return {
    code,
    name,
    englishName,
    direction: 'output',
    rates,
    ...(charged ? { vatAccountNumber: OUTPUT_VAT_ACCOUNT } : {}),
    deductible: false,
    vatReturnLine: code,
  };
}

function input({ code, name, englishName }: Names, rates: readonly VatRatePeriod[]): VatCodeTemplate {
  const line = { vatAccountNumber: INPUT_VAT_ACCOUNT, vatReturnLine: code };
  return { code, name, englishName, direction: 'input', rates, ...line, deductible: true };
}

function reverseCharge(
  { code, name, englishName }: Names,
  rates: readonly VatRatePeriod[],
  deductible: boolean,
): VatCodeTemplate {
  const charged = rates.some(isCharged);
  return {
    code,
    name,
    englishName,
    direction: 'reverse_charge',
    rates,
    ...(charged ? { vatAccountNumber: OUTPUT_VAT_ACCOUNT } : {}),
    ...(charged && deductible ? { reverseChargeInputAccountNumber: INPUT_VAT_ACCOUNT } : {}),
    deductible,
    vatReturnLine: code,
  };
}

function none(names: Names, rates: readonly VatRatePeriod[], onVatReturn = false): VatCodeTemplate {
  return {
    ...names,
    direction: 'none',
    rates,
    deductible: false,
    ...(onVatReturn ? { vatReturnLine: names.code } : {}),
  };
}

const names = (code: string, name: string, englishName: string): Names => ({ code, name, englishName });

// The VAT-return code list (mvaKodeSAFT) gives codes 51, 52, 81-85, 91 and 92 the start date
// 2017-01-01, when registered businesses began to self-assess import VAT; we follow it, so
// those codes have no rate (are not in force) before it.
const FROM_2017 = '2017-01-01';

/**
 * Every SAF-T standard VAT code (Skatteetaten's Standard_Tax_Codes list, nothing more), with
 * rates from the VAT return's rate list, each cut to the date the return's code list gives
 * the code (mvaKodeSAFT). Names are our own and short.
 */
export const STANDARD_VAT_CODES: readonly VatCodeTemplate[] = [
  none(names('0', 'Ingen mva-behandling (kjøp)', 'No VAT treatment (purchases)'), ZERO_RATE),
  input(names('1', 'Inngående mva, høy sats', 'Input VAT, standard rate'), STANDARD_RATE),
  input(names('11', 'Inngående mva, middels sats', 'Input VAT, middle rate'), FOOD_RATE),
  input(names('12', 'Inngående mva, råfisk', 'Input VAT, raw fish'), RAW_FISH_RATE),
  input(names('13', 'Inngående mva, lav sats', 'Input VAT, low rate'), LOW_RATE),
  // VAT paid at customs (customs or forwarder's bill): deductible input VAT on the customs value.
  input(
    names('14', 'Innførselsmva betalt i tollen, høy sats', 'Import VAT paid at customs, standard rate'),
    fromDate(STANDARD_RATE, '2006-01-01'),
  ),
  input(
    names('15', 'Innførselsmva betalt i tollen, middels sats', 'Import VAT paid at customs, middle rate'),
    fromDate(FOOD_RATE, '2006-01-01'),
  ),
  // 20-22 mark the cost of goods whose VAT was paid at customs (booked with 14/15): no VAT.
  none(names('20', 'Import av varer, ingen mva-behandling', 'Goods imported, no VAT treatment'), ZERO_RATE),
  none(
    names('21', 'Import av varer, kostnad høy sats', 'Goods imported, cost at standard rate'),
    STANDARD_RATE,
  ),
  none(
    names('22', 'Import av varer, kostnad middels sats', 'Goods imported, cost at middle rate'),
    FOOD_RATE,
  ),
  output(names('3', 'Utgående mva, høy sats', 'Output VAT, standard rate'), STANDARD_RATE),
  output(names('31', 'Utgående mva, middels sats', 'Output VAT, middle rate'), FOOD_RATE),
  output(names('32', 'Utgående mva, råfisk', 'Output VAT, raw fish'), RAW_FISH_RATE),
  output(names('33', 'Utgående mva, lav sats', 'Output VAT, low rate'), LOW_RATE),
  output(names('5', 'Salg fritatt for mva', 'Zero-rated sales'), ZERO_RATE),
  output(
    names('51', 'Innenlandsk salg, omvendt avgiftsplikt', 'Domestic sales, reverse charge'),
    fromDate(ZERO_RATE, FROM_2017),
  ),
  output(
    names('52', 'Eksport av varer og tjenester', 'Exports of goods and services'),
    fromDate(ZERO_RATE, FROM_2017),
  ),
  none(names('6', 'Salg utenfor mva-loven', 'Sales outside the VAT act'), ZERO_RATE, true),
  none(names('7', 'Ingen mva-behandling (inntekter)', 'No VAT treatment (income)'), ZERO_RATE),
  reverseCharge(
    names('81', 'Import av varer med fradrag, høy sats', 'Goods imported, deductible, standard rate'),
    fromDate(STANDARD_RATE, FROM_2017),
    true,
  ),
  reverseCharge(
    names('82', 'Import av varer uten fradrag, høy sats', 'Goods imported, not deductible, standard rate'),
    fromDate(STANDARD_RATE, FROM_2017),
    false,
  ),
  reverseCharge(
    names('83', 'Import av varer med fradrag, middels sats', 'Goods imported, deductible, middle rate'),
    fromDate(FOOD_RATE, FROM_2017),
    true,
  ),
  reverseCharge(
    names('84', 'Import av varer uten fradrag, middels sats', 'Goods imported, not deductible, middle rate'),
    fromDate(FOOD_RATE, FROM_2017),
    false,
  ),
  reverseCharge(
    names('85', 'Import av varer, nullsats', 'Goods imported, zero rate'),
    fromDate(ZERO_RATE, FROM_2017),
    false,
  ),
  reverseCharge(
    names(
      '86',
      'Tjenester fra utlandet med fradrag, høy sats',
      'Services bought abroad, deductible, standard rate',
    ),
    STANDARD_RATE,
    true,
  ),
  reverseCharge(
    names(
      '87',
      'Tjenester fra utlandet uten fradrag, høy sats',
      'Services bought abroad, not deductible, standard rate',
    ),
    STANDARD_RATE,
    false,
  ),
  reverseCharge(
    names(
      '88',
      'Tjenester fra utlandet med fradrag, lav sats',
      'Services bought abroad, deductible, low rate',
    ),
    LOW_RATE,
    true,
  ),
  reverseCharge(
    names(
      '89',
      'Tjenester fra utlandet uten fradrag, lav sats',
      'Services bought abroad, not deductible, low rate',
    ),
    LOW_RATE,
    false,
  ),
  reverseCharge(
    names('91', 'Klimakvoter og gull med fradrag', 'Emission allowances and gold, deductible'),
    fromDate(STANDARD_RATE, FROM_2017),
    true,
  ),
  reverseCharge(
    names('92', 'Klimakvoter og gull uten fradrag', 'Emission allowances and gold, not deductible'),
    fromDate(STANDARD_RATE, FROM_2017),
    false,
  ),
];

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The rate (percent, decimal string) of `code` in force on the ISO date `date`, null when none. */
export function rateOn(code: VatCodeTemplate, date: string): string | null {
  if (!ISO_DATE.test(date)) throw new RangeError(`"${date}" is not an ISO date (YYYY-MM-DD)`);
  const period = code.rates.find(
    (candidate) => candidate.validFrom <= date && (candidate.validTo === null || date <= candidate.validTo),
  );
  return period?.rate ?? null;
}

import type { VatRatePeriod } from './standard-vat-codes.js';

// The Norwegian VAT rates and when each was in force, as Skatteetaten's rate list (kodeliste
// `sats` of the VAT return) gives them; history before its first dates is not in that list and
// not here. Dates are inclusive; validTo null means still in force.

/** Alminnelig sats. */
export const STANDARD_RATE: readonly VatRatePeriod[] = [
  { rate: '25.00', validFrom: '2005-01-01', validTo: null },
];

/** Redusert sats, næringsmiddel (food): the "middle" rate. */
export const FOOD_RATE: readonly VatRatePeriod[] = [
  { rate: '15.00', validFrom: '2012-01-01', validTo: null },
];

/** Redusert sats, råfisk (first-hand sales of raw fish). */
export const RAW_FISH_RATE: readonly VatRatePeriod[] = [
  { rate: '11.11', validFrom: '1970-01-01', validTo: null },
];

/**
 * Redusert sats (passenger transport, lodging, cinema and more): the "low" rate, including
 * the temporary 6 % of the covid period.
 */
export const LOW_RATE: readonly VatRatePeriod[] = [
  { rate: '8.00', validFrom: '2006-01-01', validTo: '2015-12-31' },
  { rate: '10.00', validFrom: '2016-01-01', validTo: '2017-12-31' },
  { rate: '12.00', validFrom: '2018-01-01', validTo: '2020-03-31' },
  { rate: '6.00', validFrom: '2020-04-01', validTo: '2021-09-30' },
  { rate: '12.00', validFrom: '2021-10-01', validTo: null },
];

/**
 * Nullsats. The rate list gives it no dates; 1970-01-01 is the list's own "always" date. Codes
 * with no VAT at all (0, 6, 7, 20) use it too, so every code has a rate on every date and a
 * booking never finds its code "not in force"; the VAT return reports code 6 with rate 0.
 */
export const ZERO_RATE: readonly VatRatePeriod[] = [{ rate: '0.00', validFrom: '1970-01-01', validTo: null }];

/** `periods` as seen by a code that exists only from `firstDay` (periods before it dropped, cut). */
export function fromDate(periods: readonly VatRatePeriod[], firstDay: string): VatRatePeriod[] {
  return periods
    .filter((period) => period.validTo === null || period.validTo >= firstDay)
    .map((period) => (period.validFrom < firstDay ? { ...period, validFrom: firstDay } : period));
}

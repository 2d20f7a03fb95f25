import type { VatRatePeriod } from './vat-code.entity.js';

/** The rate (percent, decimal string) in force on `date`, or null when the code had none then. */
export function rateInForce(rates: readonly VatRatePeriod[], date: string): string | null {
  const period = rates.find(
    (rate) => rate.validFrom <= date && (rate.validTo === null || date <= rate.validTo),
  );
  return period ? period.rate : null;
}

import { isUUID } from 'class-validator';
import { CompanyRequiredError, NotFoundError } from '../common/index.js';

/** The header that names the company when a token covers several. */
export const COMPANY_HEADER = 'Hovedbok-Company';

/**
 * The company a request acts on, of those its credentials cover. A company they do not cover
 * is "not found", never "forbidden": nobody learns which companies exist.
 */
export function chooseCompany(covered: readonly string[], requested: string | undefined): string {
  if (requested !== undefined) {
    if (!isUUID(requested) || !covered.includes(requested)) throw new NotFoundError('company', requested);
    return requested;
  }
  if (covered.length !== 1) throw new CompanyRequiredError(covered.length);
  return covered[0];
}

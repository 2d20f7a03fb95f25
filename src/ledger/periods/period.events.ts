import { defineEvent } from '../../events/index.js';
import { FiscalYearResponseDto, PeriodResponseDto } from './dto/period.dto.js';

const periodEvent = (verb: string, summary: string) =>
  defineEvent({ type: `period.${verb}`, payload: PeriodResponseDto, scope: 'ledger:read', summary });

export const PERIOD_CLOSED = periodEvent(
  'closed',
  'An accounting period was closed: it takes no more postings.',
);
export const PERIOD_LOCKED = periodEvent(
  'locked',
  'An accounting period was locked, e.g. once its VAT return was filed.',
);
export const PERIOD_REOPENED = periodEvent('reopened', 'A closed or locked accounting period was reopened.');

export const FISCAL_YEAR_CREATED = defineEvent({
  type: 'fiscal_year.created',
  payload: FiscalYearResponseDto,
  scope: 'ledger:read',
  summary: 'A fiscal year was added, with its twelve open periods.',
});

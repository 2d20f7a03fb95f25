import { DomainError, type FieldError } from '../common/index.js';

export class AccountHasPostingsError extends DomainError {
  readonly code = 'ACCOUNT_HAS_POSTINGS';
  constructor(number: string) {
    super(`Account ${number} has postings, so it stays in the books; deactivate it instead.`);
  }
}

export class PostingRulesBrokenError extends DomainError {
  readonly code = 'POSTING_RULES_BROKEN';
  constructor(errors: FieldError[]) {
    const count = errors.length === 1 ? '1 line breaks' : `${errors.length} problems break`;
    super(`${count} ledger rules: ${errors.map((e) => `${e.pointer} ${e.detail}`).join('; ')}.`, errors);
  }
}

export class PeriodClosedError extends DomainError {
  readonly code = 'PERIOD_CLOSED';
  constructor(date: string, period: { startDate: string; endDate: string; status: string }) {
    super(
      `The date ${date} is in the period ${period.startDate} to ${period.endDate}, which is ${period.status}; ` +
        'only open periods take postings.',
    );
  }
}

export class NoFiscalYearError extends DomainError {
  readonly code = 'NO_FISCAL_YEAR';
  constructor(date: string) {
    super(`No fiscal year covers ${date}; create it with POST /v1/fiscal-years.`);
  }
}

export class FiscalYearNotAdjacentError extends DomainError {
  readonly code = 'FISCAL_YEAR_NOT_ADJACENT';
  constructor(startDate: string, allowed: string[]) {
    super(
      `A fiscal year starting ${startDate} would leave a gap or overlap; it may start on ${allowed.join(' or ')}.`,
    );
  }
}

export class PeriodStatusConflictError extends DomainError {
  readonly code = 'PERIOD_STATUS_CONFLICT';
  constructor(action: string, status: string) {
    super(`A period that is ${status} cannot be ${action}.`);
  }
}

import { DomainError, formatAmount, type Amount, type FieldError } from '../common/index.js';

export class VoucherUnbalancedError extends DomainError {
  readonly code = 'VOUCHER_UNBALANCED';
  constructor(debit: Amount, credit: Amount) {
    super(
      `Debits ${formatAmount(debit)} and credits ${formatAmount(credit)} differ by ` +
        `${formatAmount(debit.minus(credit).abs())}, VAT lines included; they must be equal.`,
    );
  }
}

export class VoucherBookedError extends DomainError {
  readonly code = 'VOUCHER_BOOKED';
  constructor(id: string) {
    super(`Voucher ${id} is booked and can no longer change; reverse it and book a corrected one.`);
  }
}

export class VoucherNotBookedError extends DomainError {
  readonly code = 'VOUCHER_NOT_BOOKED';
  constructor(id: string) {
    super(
      `Voucher ${id} is a draft; only booked vouchers are reversed (change or delete the draft instead).`,
    );
  }
}

export class VoucherAlreadyReversedError extends DomainError {
  readonly code = 'VOUCHER_ALREADY_REVERSED';
  constructor(id: string, reversalId: string | null) {
    super(`Voucher ${id} is reversed already${reversalId ? ` by voucher ${reversalId}` : ''}.`);
  }
}

export class VoucherBatchRejectedError extends DomainError {
  readonly code = 'VOUCHER_BATCH_REJECTED';
  constructor(errors: FieldError[], size: number) {
    const vouchers = new Set(errors.map((error) => error.pointer?.split('/')[2])).size;
    super(`${vouchers} of the ${size} vouchers break rules, so none was booked; see errors.`, errors);
  }
}

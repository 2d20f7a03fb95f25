import { DomainError } from '../../common/index.js';

/** Adding someone needs their account: there are no invitations to unknown addresses yet. */
export class NoAccountWithEmailError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor() {
    super('There is no account with this email: the person must sign up first.');
  }
}

/** A company always keeps an owner, or nobody could manage it any more. */
export class LastOwnerError extends DomainError {
  readonly code = 'LAST_OWNER';
  constructor(change: 'removed' | 'demoted') {
    super(`The last owner of a company cannot be ${change}: make another person owner first.`);
  }
}

import { DomainError } from '../common/index.js';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-key-header.js';

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super(
      `This ${IDEMPOTENCY_KEY_HEADER} was sent before with a different request (method, path or body). ` +
        'Nothing was done. Use a new key for a new request.',
    );
  }
}

export class IdempotencyRequestInProgressError extends DomainError {
  readonly code = 'IDEMPOTENCY_REQUEST_IN_PROGRESS';
  // A second is long enough for most writes to finish, short enough not to keep a client waiting.
  override readonly headers = { 'Retry-After': '1' };
  constructor() {
    super(
      `The first request with this ${IDEMPOTENCY_KEY_HEADER} is still running; this one did nothing. ` +
        'Retry in a second to get its response.',
    );
  }
}

/**
 * The first request with the key was carried out (its changes are saved), but its response was
 * never kept: the process ended between the two. Running the request again would do it twice.
 */
export class IdempotencyResponseLostError extends DomainError {
  readonly code = 'IDEMPOTENCY_RESPONSE_LOST';
  constructor() {
    super(
      `The first request with this ${IDEMPOTENCY_KEY_HEADER} was carried out and its changes are saved, ` +
        'but its response was lost. This one did nothing. Read the resource to see the result; ' +
        'the audit log names the request.',
    );
  }
}

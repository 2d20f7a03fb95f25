import type { ErrorCode } from './error-catalog.js';

/** One broken rule of a request: where (`pointer` into the body, or a `parameter` name) and why. */
export interface FieldError {
  pointer?: string;
  parameter?: string;
  detail: string;
  rule: string;
}

/**
 * Base class of every error a service may throw. Services never throw HTTP exceptions: the
 * problem filter turns the code into a status and title through the catalogue.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly errors?: FieldError[];
  /** Response headers the problem needs, e.g. `WWW-Authenticate` on a 401. */
  readonly headers?: Record<string, string>;

  constructor(detail: string, errors?: FieldError[]) {
    super(detail);
    this.name = new.target.name;
    if (errors) this.errors = errors;
  }
}

export class RequestValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  constructor(errors: FieldError[]) {
    const count = errors.length === 1 ? '1 field is' : `${errors.length} fields are`;
    super(
      `${count} not valid: ${errors.map((e) => `${e.pointer ?? e.parameter} ${e.detail}`).join('; ')}.`,
      errors,
    );
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(resource: string, id: string) {
    super(`No ${resource} with id ${id} was found.`);
  }
}

export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
}

export class RouteNotFoundError extends DomainError {
  readonly code = 'ROUTE_NOT_FOUND';
  constructor(method: string, path: string) {
    super(`No operation for ${method} ${path}.`);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

/** An `If-Match` precondition failed: the resource was changed after the caller read it. */
export class PreconditionFailedError extends DomainError {
  readonly code = 'PRECONDITION_FAILED';
  constructor(resource: string, currentETag: string) {
    super(
      `The ${resource} was changed after the version you sent in If-Match: its current ETag is ${currentETag}. ` +
        'Nothing was changed; get it again, reapply your change and send the new ETag.',
    );
  }
}

const REALM = 'realm="hovedbok"';

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  override readonly headers = { 'WWW-Authenticate': `Bearer ${REALM}` };
  constructor() {
    super('This operation needs credentials: send Authorization: Bearer <access token or API key>.');
  }
}

export class InvalidTokenError extends DomainError {
  readonly code = 'INVALID_TOKEN';
  override readonly headers: Record<string, string>;
  constructor(reason: string) {
    super(`The access token was refused: ${reason}.`);
    const description = reason.replaceAll('"', "'");
    this.headers = {
      'WWW-Authenticate': `Bearer ${REALM}, error="invalid_token", error_description="${description}"`,
    };
  }
}

export class InsufficientScopeError extends DomainError {
  readonly code = 'INSUFFICIENT_SCOPE';
  override readonly headers: Record<string, string>;
  constructor(readonly scope: string) {
    super(`This operation needs the scope ${scope}, which this token does not have in this company.`);
    this.headers = { 'WWW-Authenticate': `Bearer ${REALM}, error="insufficient_scope", scope="${scope}"` };
  }
}

export class CompanyRequiredError extends DomainError {
  readonly code = 'COMPANY_REQUIRED';
  constructor(count: number) {
    super(`This token covers ${count} companies: name one in the Hovedbok-Company header.`);
  }
}

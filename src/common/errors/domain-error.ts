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

import { HttpException } from '@nestjs/common';
import { DomainError, type FieldError } from './domain-error.js';
import { ERROR_CATALOG, problemSlug, type ErrorCode } from './error-catalog.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with our stable `code` and the request id. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  requestId: string;
  errors?: FieldError[];
}

export interface ProblemContext {
  /** Path of the request the problem is about, e.g. `/v1/vouchers/0193...`. */
  instance: string;
  requestId: string;
  publicBaseUrl: string;
  bodyLimitBytes: number;
}

interface Classified {
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  /** Set when the error is ours to fix: it is logged with its stack. */
  isInternal?: boolean;
}

const CODE_BY_HTTP_STATUS: Partial<Record<number, ErrorCode>> = {
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  503: 'SERVICE_UNAVAILABLE',
};

// Errors raised by Express's body parser carry a `type` and a status but are not HttpExceptions.
interface BodyParserError {
  type: string;
  status: number;
  message: string;
}
function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).type === 'string' &&
    typeof (error as BodyParserError).status === 'number'
  );
}

function classifyBodyParserError(error: BodyParserError, context: ProblemContext): Classified | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return { code: 'MALFORMED_JSON', detail: `The request body is not valid JSON: ${error.message}.` };
    case 'entity.too.large':
      return {
        code: 'PAYLOAD_TOO_LARGE',
        detail: `The request body is larger than the limit of ${context.bodyLimitBytes} bytes.`,
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Send the request body encoded as UTF-8.' };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return { code: 'MALFORMED_JSON', detail: 'The request body was incomplete or its length was wrong.' };
    default:
      return undefined;
  }
}

function classifyHttpException(error: HttpException): Classified {
  const status = error.getStatus();
  const message = error.message;
  if (status === 404 && /^Cannot [A-Z]+ /.test(message)) {
    return { code: 'ROUTE_NOT_FOUND', detail: `${message.replace(/^Cannot /, 'No operation for ')}.` };
  }
  const code = CODE_BY_HTTP_STATUS[status];
  if (code) return { code, detail: message };
  return { code: 'INTERNAL_ERROR', detail: message, isInternal: true };
}

export function classifyError(error: unknown, context: ProblemContext): Classified {
  if (error instanceof DomainError) return { code: error.code, detail: error.message, errors: error.errors };
  if (error instanceof HttpException) return classifyHttpException(error);
  if (isBodyParserError(error)) {
    const classified = classifyBodyParserError(error, context);
    if (classified) return classified;
  }
  return { code: 'INTERNAL_ERROR', detail: 'unexpected error', isInternal: true };
}

export function problemTypeUri(publicBaseUrl: string, code: ErrorCode): string {
  return `${publicBaseUrl}/v1/problems/${problemSlug(code)}`;
}

/** Builds the body; a 500 never carries the original message, only a generic detail and the request id. */
export function toProblem(
  error: unknown,
  context: ProblemContext,
): { problem: Problem; isInternal: boolean } {
  const classified = classifyError(error, context);
  const entry = ERROR_CATALOG[classified.code];
  const isInternal = classified.isInternal === true || entry.status >= 500;
  const detail =
    classified.code === 'INTERNAL_ERROR'
      ? `An unexpected error occurred. Nothing was changed. Quote request id ${context.requestId} if it persists.`
      : classified.detail;
  const problem: Problem = {
    type: problemTypeUri(context.publicBaseUrl, classified.code),
    title: entry.title,
    status: entry.status,
    detail,
    instance: context.instance,
    code: classified.code,
    requestId: context.requestId,
    ...(classified.errors ? { errors: classified.errors } : {}),
  };
  return { problem, isInternal: isInternal && classified.code === 'INTERNAL_ERROR' };
}

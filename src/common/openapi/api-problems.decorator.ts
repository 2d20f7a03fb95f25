import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem.js';
import { FieldErrorDto, ProblemDto } from './problem.dto.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed or a field breaks a rule (`VALIDATION_FAILED`, `MALFORMED_JSON`).',
  401: 'No credentials, or credentials that are not valid.',
  403: 'The credentials lack the scope this operation needs.',
  404: 'The resource does not exist or is not visible to these credentials.',
  409: 'The resource is in a state that does not allow this.',
  412: 'The `If-Match` precondition failed.',
  413: 'The request body is larger than the limit.',
  415: 'The request body is not `application/json`.',
  422: 'A business rule is broken.',
  429: 'Too many requests; retry after the `Retry-After` header.',
  500: 'Unexpected error; nothing was changed.',
  503: 'Not ready (starting, shutting down, or the database is unreachable).',
};

/**
 * Documents the error responses of an operation as `application/problem+json`.
 * 500 is added to every operation because any of them can fail unexpectedly.
 */
export function ApiProblemResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  const all = [...new Set([...statuses, 500])].sort();
  return applyDecorators(
    ApiExtraModels(ProblemDto, FieldErrorDto),
    ...all.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblemResponses } from '../openapi/api-problems.decorator.js';
import { IF_MATCH_HEADER, parseIfMatch } from './etag.js';

// Applied to the handler the parameter belongs to, so using @IfMatch() is enough to document
// the header and its 412 in the OpenAPI document: the two cannot drift apart.
const documentIfMatch: ParameterDecorator = (target, propertyKey) => {
  if (propertyKey === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, propertyKey);
  if (!descriptor) return;
  ApiHeader({
    name: IF_MATCH_HEADER,
    required: false,
    description:
      'Change the resource only if it is still the version you read: send its `ETag` (e.g. `"3"`, with the ' +
      'quotes). If someone changed it since, the answer is 412 `PRECONDITION_FAILED` and nothing changes.',
    schema: { type: 'string', example: '"3"' },
  })(target, propertyKey, descriptor);
  ApiProblemResponses(412)(target, propertyKey, descriptor);
};

/**
 * The resource version the `If-Match` header expects, for an optimistic-concurrency check in the
 * service (which throws `PreconditionFailedError` when the version differs); undefined when the
 * caller set no condition. A malformed header is a 400 `VALIDATION_FAILED` naming it. REST only:
 * GraphQL mutations will take the version as an argument.
 */
export const IfMatch = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number | undefined =>
    parseIfMatch(context.switchToHttp().getRequest<Request>().get(IF_MATCH_HEADER)),
  [documentIfMatch],
);

import { getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import {
  operationsOf,
  PROBLEM_CONTENT_TYPE,
  ProblemDto,
  type DocumentedResponse,
  type HttpMethod,
} from '../common/index.js';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from './idempotency-key-header.js';
import { isKeptOutcome } from './idempotency-policy.js';

const WRITES: ReadonlySet<HttpMethod> = new Set(['post', 'put', 'patch', 'delete']);
const PARAMETER_REF = { $ref: '#/components/parameters/IdempotencyKey' };
const REPLAYED_REF = { $ref: `#/components/headers/${IDEMPOTENT_REPLAYED_HEADER}` };

const IDEMPOTENCY_KEY_PARAMETER = {
  name: IDEMPOTENCY_KEY_HEADER,
  in: 'header' as const,
  required: false,
  description:
    'Makes a retry of this write safe (draft-ietf-httpapi-idempotency-key-header). Send a new unique key ' +
    '(e.g. a UUID) with each new request, and the same key with every retry of it. The first request runs; ' +
    'a retry with the same key and the same method, path and body gets the first outcome again, marked ' +
    '`Idempotent-Replayed: true` (kept 24 hours by default). Kept are successes and 400, 404 and 422; after ' +
    'any other outcome the key is free again. Keys are per company and per caller (API key, API client, or ' +
    'person using an app). 1-255 visible ASCII characters; quoting it as a structured-field string is optional.',
  schema: { type: 'string', minLength: 1, maxLength: 257, example: '8e03978e-40d5-43e8-bc93-6894a57f9324' },
};

const REPLAYED_HEADER = {
  description:
    'Present, as `true`, when this is the kept outcome of an earlier request with the same `Idempotency-Key`.',
  schema: { type: 'string', enum: ['true'] },
};

const RETRY_AFTER = {
  description: 'Seconds to wait before retrying.',
  schema: { type: 'integer', minimum: 1, example: 1 },
};

const CONFLICT =
  'a request with this `Idempotency-Key` is still running (`IDEMPOTENCY_REQUEST_IN_PROGRESS`); retry after ' +
  '`Retry-After` seconds; or it was carried out but its response was lost (`IDEMPOTENCY_RESPONSE_LOST`), ' +
  'so this one did nothing.';
const REUSED = 'this `Idempotency-Key` was used for a different request (`IDEMPOTENCY_KEY_REUSED`).';

function problem(description: string): DocumentedResponse {
  return {
    description: `${description.charAt(0).toUpperCase()}${description.slice(1)}`,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
  };
}

// Adds to the problem an operation documents with that status already, or documents it.
function withProblem(existing: DocumentedResponse | undefined, description: string): DocumentedResponse {
  return existing
    ? { ...existing, description: `${existing.description ?? ''} Or ${description}`.trim() }
    : problem(description);
}

/**
 * Documents IdempotencyInterceptor on the operations it applies to, the authenticated writes:
 * the optional `Idempotency-Key` header, `Idempotent-Replayed` on the outcomes that are kept,
 * and the 409 and 422 problems. Run after the security requirements are set.
 */
export function documentIdempotency(document: OpenAPIObject): void {
  const components = (document.components ??= {});
  components.parameters = { ...components.parameters, IdempotencyKey: IDEMPOTENCY_KEY_PARAMETER };
  components.headers = {
    ...components.headers,
    [IDEMPOTENT_REPLAYED_HEADER]: REPLAYED_HEADER,
    'Retry-After': components.headers?.['Retry-After'] ?? RETRY_AFTER,
  };
  for (const { method, operation } of operationsOf(document)) {
    if (!WRITES.has(method) || !operation.security?.length) continue;
    operation.parameters = [...(operation.parameters ?? []), PARAMETER_REF];
    const responses = (operation.responses ??= {});
    responses[409] = withProblem(responses[409], CONFLICT);
    responses[409].headers = {
      ...responses[409].headers,
      'Retry-After': { $ref: '#/components/headers/Retry-After' },
    };
    responses[422] = withProblem(responses[422], REUSED);
    for (const [status, response] of Object.entries(responses)) {
      if (!isKeptOutcome(Number(status))) continue;
      response.headers = { ...response.headers, [IDEMPOTENT_REPLAYED_HEADER]: REPLAYED_REF };
    }
  }
}

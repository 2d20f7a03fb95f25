import { getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDto } from '../common/index.js';
import { PUBLIC_RATE_LIMIT_EXTENSION } from './public-rate-limit.decorator.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Header = { description: string; schema: Record<string, unknown> };
type Response = { description?: string; headers?: Record<string, unknown>; content?: unknown };
type Operation = { security?: unknown[]; responses?: Record<string, Response>; [key: string]: unknown };

const HEADERS: Record<string, Header> = {
  RateLimit: {
    description:
      'The quota left (draft-ietf-httpapi-ratelimit-headers): `r` requests remaining now, `t` seconds until ' +
      'at least one more is available (on a 429, the same as `Retry-After`).',
    schema: { type: 'string', example: '"default";r=1187;t=1' },
  },
  'RateLimit-Policy': {
    description:
      'The quota that applies: `q` requests per window of `w` seconds. `default` is per API client or key and ' +
      'company; `public` is per client address and endpoint.',
    schema: { type: 'string', example: '"default";q=1200;w=60' },
  },
  'Retry-After': {
    description: 'Seconds to wait before the next request will be accepted.',
    schema: { type: 'integer', minimum: 1, example: 12 },
  },
};

const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });
const QUOTA_HEADERS = { RateLimit: ref('RateLimit'), 'RateLimit-Policy': ref('RateLimit-Policy') };

const TOO_MANY_REQUESTS: Response = {
  description:
    'The quota is used up (`RATE_LIMITED`); nothing was done. Retry after `Retry-After` seconds; the ' +
    '`RateLimit` headers on every response let a client pace itself and never get here.',
  headers: { ...QUOTA_HEADERS, 'Retry-After': ref('Retry-After') },
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
};

/**
 * Documents the rate limits in the OpenAPI document: every authenticated operation (it has a
 * security requirement) and every `@PublicRateLimit()` one gets the 429 response and the
 * RateLimit headers on its successful responses. Run after the security requirements are set.
 */
export function documentRateLimits(document: OpenAPIObject): void {
  document.components = { ...document.components, headers: { ...document.components?.headers, ...HEADERS } };
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const isPublicLimited = operation[PUBLIC_RATE_LIMIT_EXTENSION] === true;
      delete operation[PUBLIC_RATE_LIMIT_EXTENSION];
      if (!isPublicLimited && !operation.security?.length) continue;
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (/^2\d\d$/.test(status)) response.headers = { ...response.headers, ...QUOTA_HEADERS };
      }
      operation.responses = { ...operation.responses, 429: TOO_MANY_REQUESTS };
    }
  }
}

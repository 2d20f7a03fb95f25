import type { OpenAPIObject } from '@nestjs/swagger';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface DocumentedResponse {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: { $ref?: string } } | undefined>;
}

/** The part of an OpenAPI operation the document transforms (rate limits, ETags, ...) touch. */
export interface DocumentedOperation {
  security?: unknown[];
  parameters?: unknown[];
  responses?: Record<string, DocumentedResponse>;
  [extension: string]: unknown;
}

/** Every operation of the document, with its path and method, for transforms to walk. */
export function operationsOf(
  document: OpenAPIObject,
): Array<{ path: string; method: HttpMethod; operation: DocumentedOperation }> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = (item as Record<string, DocumentedOperation | undefined>)[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
}

import type { OpenAPIObject } from '@nestjs/swagger';
import { operationsOf, type DocumentedResponse } from '../openapi/operations.js';

const ETAG_HEADER = {
  description:
    'The version of the resource as a strong entity tag, e.g. `"3"` (its `version` in quotes). Send it ' +
    'in `If-Match` to change the resource only if nobody else has, or in `If-None-Match` to get 304 ' +
    'when it is unchanged.',
  schema: { type: 'string', example: '"3"' },
};

const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description:
    'The `ETag` you have: if the resource still has it, the answer is 304 Not Modified with no body.',
  schema: { type: 'string', example: '"3"' },
};

const NOT_MODIFIED: DocumentedResponse = {
  description: 'The resource still has the ETag sent in `If-None-Match`; use the copy you have.',
  headers: { ETag: { $ref: '#/components/headers/ETag' } },
};

function isVersioned(document: OpenAPIObject, response: DocumentedResponse): boolean {
  const ref = response.content?.['application/json']?.schema?.$ref;
  const name = ref?.replace('#/components/schemas/', '');
  const schema = name ? document.components?.schemas?.[name] : undefined;
  return schema !== undefined && 'properties' in schema && schema.properties?.version !== undefined;
}

/**
 * Documents what ETagInterceptor does: every success response that is one versioned resource
 * (its schema has `version`) carries an `ETag` header, and a GET of one answers If-None-Match
 * with 304. If-Match is documented by the @IfMatch() parameter where a handler checks it.
 */
export function documentETags(document: OpenAPIObject): void {
  document.components = { ...document.components, headers: { ...document.components?.headers } };
  document.components.headers!.ETag = ETAG_HEADER;
  for (const { method, operation } of operationsOf(document)) {
    const versioned = Object.entries(operation.responses ?? {}).filter(
      ([status, response]) => /^2\d\d$/.test(status) && isVersioned(document, response),
    );
    for (const [, response] of versioned) {
      response.headers = { ...response.headers, ETag: { $ref: '#/components/headers/ETag' } };
    }
    if (method !== 'get' || versioned.length === 0) continue;
    operation.parameters = [...(operation.parameters ?? []), IF_NONE_MATCH];
    operation.responses = { ...operation.responses, 304: NOT_MODIFIED };
  }
}

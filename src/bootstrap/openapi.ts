import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import {
  documentETags,
  PUBLIC_OPERATION_EXTENSION,
  REQUIRED_SCOPE_EXTENSION,
  SCOPES,
} from '../common/index.js';
import { documentWebhooks } from '../events/index.js';
import { documentIdempotency } from '../idempotency/index.js';
import { documentRateLimits } from '../rate-limits/index.js';

const OAUTH2_SCHEME = 'oauth2';

const MISSING_OPERATION_ID = 'MISSING_OPERATION_ID';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const DESCRIPTION = `Hovedbok is a double-entry accounting API for Norwegian companies.

Every error is an RFC 9457 \`application/problem+json\` body with a stable \`code\`; the
\`type\` URI of each problem resolves to its description (\`GET /v1/problems/{slug}\`).
Every response carries an \`X-Request-Id\` header; send your own to correlate logs.

Rate limits are generous and published: each API client or key has a quota per company (and
sign-up and the token endpoint one per client address). Every limited response says where you
stand in \`RateLimit-Policy\` and \`RateLimit\` (draft-ietf-httpapi-ratelimit-headers); over the
quota the answer is 429 \`RATE_LIMITED\` with \`Retry-After\` in seconds, and nothing was done.

Every write accepts an \`Idempotency-Key\` header (draft-ietf-httpapi-idempotency-key-header): retry
with the same key and the same request, and you get the first outcome again (marked
\`Idempotent-Replayed: true\`) instead of a second write. Resources that change carry a \`version\`
and an \`ETag\`; send it back in \`If-Match\` to change them only if nobody else has (412
\`PRECONDITION_FAILED\` otherwise), or in \`If-None-Match\` to get 304 when nothing changed.`;

// In the order the reference shows them.
const TAGS: Array<[name: string, description: string]> = [
  ['Health', 'Liveness and readiness probes for load balancers and orchestrators.'],
  ['Problem types', 'The error catalogue: every problem `type` URI resolves here.'],
  ['Sign-up', 'Create an account, a first company and an API client.'],
  ['Company', 'The company a request acts on.'],
  ['API clients', 'Applications registered to call the API for the company.'],
  ['API keys', 'Restricted keys for one integration, limited to chosen scopes; shown once.'],
  ['Audit log', 'Every write: who, what, when and under which request id. Read only.'],
  ['OAuth 2.0', 'The authorization server: tokens, revocation, introspection, keys and metadata.'],
];

const OAUTH2_DESCRIPTION =
  'OAuth 2.1. Servers use client credentials; apps acting for a person use the authorization code ' +
  "with PKCE (S256): they send the person's browser to `/oauth/authorize`, where the person signs " +
  'in, picks the companies and approves the scopes. A token that covers several companies names one ' +
  'per request in the `Hovedbok-Company` header. API keys (`hb_live_...`, `hb_test_...`, from `POST /v1/api-keys`) are ' +
  'sent the same way, `Authorization: Bearer <key>`, and carry the scopes chosen when they were made.';

type Operation = Record<string, unknown> & { operationId?: string; security?: unknown[] };

function operations(document: OpenAPIObject): Array<[string, string, Operation]> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = (item as Record<string, Operation | undefined>)[method];
      return operation ? [[path, method, operation] as [string, string, Operation]] : [];
    }),
  );
}

/** Builds the OpenAPI document from the controllers; fails on an operation without an explicit id. */
export function buildOpenApiDocument(
  app: INestApplication,
  publicBaseUrl: string,
  version: string,
): OpenAPIObject {
  const builder = new DocumentBuilder()
    // 3.1: the first version with a `webhooks` section, where our events are declared.
    .setOpenAPIVersion('3.1.0')
    .setTitle('Hovedbok API')
    .setDescription(DESCRIPTION)
    .setVersion(version)
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer(publicBaseUrl);
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const config = builder
    .addOAuth2(
      {
        type: 'oauth2',
        description: OAUTH2_DESCRIPTION,
        flows: {
          clientCredentials: { tokenUrl: `${publicBaseUrl}/oauth/token`, scopes: { ...SCOPES } },
          authorizationCode: {
            authorizationUrl: `${publicBaseUrl}/oauth/authorize`,
            tokenUrl: `${publicBaseUrl}/oauth/token`,
            refreshUrl: `${publicBaseUrl}/oauth/token`,
            scopes: { ...SCOPES },
          },
        },
      },
      OAUTH2_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: () => MISSING_OPERATION_ID,
  });
  if (document.info.contact && !document.info.contact.name) delete document.info.contact; // always written, empty
  checkOperations(document);
  documentConventions(document);
  return document;
}

/** What every operation has in common, and the events, written into the document. */
function documentConventions(document: OpenAPIObject): void {
  documentRateLimits(document);
  documentIdempotency(document);
  documentETags(document);
  documentWebhooks(document);
}

/** Fails on an operation without an explicit id or access declaration; writes each one's security. */
function checkOperations(document: OpenAPIObject): void {
  for (const [path, method, operation] of operations(document)) {
    if (operation.operationId === MISSING_OPERATION_ID) {
      throw new Error(`${method.toUpperCase()} ${path} has no explicit operationId in @ApiOperation`);
    }
    const scope = operation[REQUIRED_SCOPE_EXTENSION] as string | undefined;
    if (operation[PUBLIC_OPERATION_EXTENSION]) operation.security = [];
    else if (scope) operation.security = [{ [OAUTH2_SCHEME]: [scope] }];
    else throw new Error(`${method.toUpperCase()} ${path} declares neither @Public() nor @RequireScope()`);
    delete operation[PUBLIC_OPERATION_EXTENSION];
    delete operation[REQUIRED_SCOPE_EXTENSION];
  }
}

/** Recursively sorts object keys, so the committed spec diffs cleanly. Arrays keep their order. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => sortKeys(item)) as T;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)])) as T;
  }
  return value;
}

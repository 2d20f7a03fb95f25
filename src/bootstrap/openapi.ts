import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_OPERATION_EXTENSION, REQUIRED_SCOPE_EXTENSION, SCOPES } from '../common/index.js';

const OAUTH2_SCHEME = 'oauth2';

const MISSING_OPERATION_ID = 'MISSING_OPERATION_ID';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const DESCRIPTION = `Hovedbok is a double-entry accounting API for Norwegian companies.

Every error is an RFC 9457 \`application/problem+json\` body with a stable \`code\`; the
\`type\` URI of each problem resolves to its description (\`GET /v1/problems/{slug}\`).
Every response carries an \`X-Request-Id\` header; send your own to correlate logs.`;

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
  const config = new DocumentBuilder()
    .setTitle('Hovedbok API')
    .setDescription(DESCRIPTION)
    .setVersion(version)
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer(publicBaseUrl)
    .addTag('Health', 'Liveness and readiness probes for load balancers and orchestrators.')
    .addTag('Problem types', 'The error catalogue: every problem `type` URI resolves here.')
    .addTag('Sign-up', 'Create an account, a first company and an API client.')
    .addTag('Company', 'The company a request acts on.')
    .addTag('API clients', 'Applications registered to call the API for the company.')
    .addTag('OAuth 2.0', 'The authorization server: tokens, revocation, introspection, keys and metadata.')
    .addOAuth2(
      {
        type: 'oauth2',
        description:
          'OAuth 2.1. Servers use client credentials; apps acting for a person use the authorization code ' +
          'with PKCE (S256). A token that covers several companies names one per request in the ' +
          '`Hovedbok-Company` header.',
        flows: { clientCredentials: { tokenUrl: `${publicBaseUrl}/oauth/token`, scopes: { ...SCOPES } } },
      },
      OAUTH2_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: () => MISSING_OPERATION_ID,
  });
  // DocumentBuilder always writes an empty contact object; an empty one says nothing.
  if (document.info.contact && !document.info.contact.name) delete document.info.contact;
  checkOperations(document);
  return document;
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

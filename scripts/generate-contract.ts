// Writes the API contract: openapi/openapi.json (REST) and graphql/schema.gql (GraphQL).
// The application is built in Nest's preview mode, which registers modules, controllers and
// routes without instantiating providers, so no database is needed and nothing listens.
// The output depends only on the source code: running it twice gives the same bytes.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import type { OpenAPIObject } from '@nestjs/swagger';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AppModule, GRAPHQL_RESOLVERS } from '../src/app.module.js';
import { API_VERSION, applyGlobalPrefix, buildOpenApiDocument, sortKeys } from '../src/bootstrap/index.js';
import { createLogger, PROBLEM_CONTENT_TYPE } from '../src/common/index.js';
import { loadConfig } from '../src/config/index.js';
import { OAUTH_PROTOCOL_TAG } from '../src/oauth/index.js';

// Runs compiled from dist/scripts/, so the repository root is two levels up.
const root = path.resolve(import.meta.dirname, '../..');
const OPENAPI_FILE = path.join(root, 'openapi/openapi.json');
const GRAPHQL_FILE = path.join(root, 'graphql/schema.gql');

// A fixed environment, so the machine's own variables never leak into the contract.
const CONTRACT_ENV = {
  NODE_ENV: 'production',
  PUBLIC_BASE_URL: 'https://api.hovedbok.example',
  LOG_LEVEL: 'silent',
  // Never used: preview mode does not instantiate the database module's providers.
  DATABASE_URL: 'postgres://contract@127.0.0.1:1/never-connected',
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface OperationLike {
  operationId?: string;
  summary?: string;
  tags?: string[];
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

async function buildOpenApi(): Promise<OpenAPIObject> {
  const config = loadConfig(CONTRACT_ENV);
  const logger = createLogger('silent');
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, databaseUrl: CONTRACT_ENV.DATABASE_URL, logger }),
    { preview: true, bodyParser: false, logger: false, abortOnError: false },
  );
  try {
    applyGlobalPrefix(app);
    return buildOpenApiDocument(app, config.http.publicBaseUrl, API_VERSION);
  } finally {
    await app.close();
  }
}

/** Every operation needs an id, a summary, a documented success and at least one documented problem+json error. */
function contractViolations(document: OpenAPIObject): string[] {
  const violations: string[] = [];
  for (const [route, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, OperationLike | undefined>)[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${route}`;
      if (!operation.operationId)
        violations.push(`${where}: no operationId (@ApiOperation({ operationId }))`);
      if (!operation.summary?.trim()) violations.push(`${where}: no summary (@ApiOperation({ summary }))`);
      // RFC 6749 fixes the error shape of the OAuth POST endpoints ({ error, error_description }).
      const isOAuthProtocol = method === 'post' && operation.tags?.includes(OAUTH_PROTOCOL_TAG) === true;
      const errorType = isOAuthProtocol ? 'application/json' : PROBLEM_CONTENT_TYPE;
      const errors = Object.entries(operation.responses ?? {}).filter(([status]) => /^4\d\d$/.test(status));
      for (const [status, response] of errors) {
        // A 429 comes from the rate limiter before any protocol runs: a problem, as everywhere.
        const expected = status === '429' ? PROBLEM_CONTENT_TYPE : errorType;
        if (response.content?.[expected] === undefined) {
          violations.push(`${where}: the ${status} response must have ${expected} content`);
        }
      }
      const problems = Object.entries(operation.responses ?? {}).filter(
        ([status, response]) =>
          /^[45]\d\d$/.test(status) &&
          (response.content?.[errorType] !== undefined ||
            response.content?.[PROBLEM_CONTENT_TYPE] !== undefined),
      );
      if (!Object.keys(operation.responses ?? {}).some((status) => /^2\d\d$/.test(status))) {
        violations.push(`${where}: no documented 2xx response (@ApiOkResponse() or similar)`);
      }
      if (problems.length === 0) {
        violations.push(`${where}: no 4xx/5xx response with ${errorType} content (@ApiProblemResponses())`);
      }
    }
  }
  return violations;
}

async function buildGraphqlSchema(): Promise<string> {
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await context.init();
    const schema = await context.get(GraphQLSchemaFactory).create(GRAPHQL_RESOLVERS);
    return printSchema(lexicographicSortSchema(schema));
  } finally {
    await context.close();
  }
}

function write(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  console.log(`wrote ${path.relative(root, file)}`);
}

async function main(): Promise<void> {
  const document = await buildOpenApi();
  const violations = contractViolations(document);
  if (violations.length > 0) {
    throw new Error(
      `The OpenAPI document breaks the contract rules (STYLE.md §5):\n  - ${violations.join('\n  - ')}`,
    );
  }
  write(OPENAPI_FILE, `${JSON.stringify(sortKeys(document), null, 2)}\n`);

  const schema = await buildGraphqlSchema();
  write(
    GRAPHQL_FILE,
    `# Generated by \`npm run contract:generate\` from the resolvers in GRAPHQL_RESOLVERS. Do not edit.\n\n${schema}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `contract generation failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { AppConfig } from '../../config/index.js';
import type { Logger } from '../logging/logger.js';
import { formatGraphqlError } from './graphql-errors.js';
import { complexityLimitPlugin, depthLimitRule } from './query-limits.js';
import type { RequestLoaders } from './request-loaders.js';

export interface GraphqlContext {
  req: Request;
  /** Batched loaders of this request only: their caches never outlive it or cross tenants. */
  loaders: RequestLoaders;
}

/** Code-first GraphQL at `/graphql`, sharing the services of the REST controllers. */
@Module({})
export class GraphqlApiModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: GraphqlApiModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          // The schema is built in memory; `npm run contract:generate` writes graphql/schema.gql.
          autoSchemaFile: true,
          sortSchema: true,
          // Apollo's landing pages load from a CDN; our offline IDE is at /graphiql instead.
          playground: false,
          introspection: true,
          csrfPrevention: true,
          validationRules: [depthLimitRule(config.graphql.maxDepth)],
          plugins: [complexityLimitPlugin(config.graphql.maxComplexity), requestIdPlugin()],
          formatError: formatGraphqlError(logger, config.http),
          context: ({ req }: { req: Request }): GraphqlContext => ({ req, loaders: new Map() }),
        }),
      ],
    };
  }
}

// Adds the request id to every error, as REST problems carry it.
function requestIdPlugin() {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }: WillSendResponseArgs) {
          const body = response.body;
          if (body.kind !== 'single' || !body.singleResult.errors) return;
          const requestId = contextValue.req?.requestId;
          body.singleResult.errors = body.singleResult.errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId },
          }));
        },
      };
    },
  };
}

interface WillSendResponseArgs {
  response: {
    body:
      | { kind: 'single'; singleResult: { errors?: readonly GraphQLFormattedError[] } }
      | { kind: 'incremental' };
  };
  contextValue: Partial<GraphqlContext>;
}

import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * `graphql-depth-limit` as a validation rule whose errors carry our code. The library reports
 * through `context.reportError`, so it is given a context whose `reportError` re-labels.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  const rule = depthLimit(maxDepth) as ValidationRule;
  return (context: ValidationContext) => {
    const relabelling = Object.create(context) as ValidationContext;
    relabelling.reportError = (error: GraphQLError) =>
      context.reportError(
        new GraphQLError(
          `The query nests fields deeper than the limit of ${maxDepth} levels. Split it into several queries.`,
          { nodes: error.nodes, extensions: { code: 'GRAPHQL_QUERY_TOO_DEEP' } },
        ),
      );
    return rule(relabelling);
  };
}

/**
 * Rejects an operation whose estimated cost exceeds `maxComplexity` before anything resolves.
 * Fields cost 1 unless their `complexity` option says otherwise (e.g. a list times its limit).
 */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const complexity = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > maxComplexity) {
            throw new GraphQLError(
              `The query costs ${complexity}, more than the limit of ${maxComplexity}. Ask for fewer fields or smaller pages.`,
              { extensions: { code: 'GRAPHQL_QUERY_TOO_COMPLEX', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}

/**
 * The `complexity` of a paged list field: its page size times what each item asks for, so a
 * query's estimated cost follows the rows it can return; without `limit` the default page of 100.
 */
export const perPageComplexity = ({
  args,
  childComplexity,
}: {
  args: { limit?: number };
  childComplexity: number;
}): number => 1 + (args.limit ?? 100) * childComplexity;

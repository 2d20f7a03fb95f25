import { HttpException } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '../errors/domain-error.js';
import { ERROR_CATALOG, type ErrorCode } from '../errors/error-catalog.js';
import { classifyError } from '../errors/problem.js';
import type { Logger } from '../logging/logger.js';

// Apollo's own codes, renamed to ours so REST and GraphQL clients switch on the same list.
const FROM_APOLLO: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_USER_INPUT: 'VALIDATION_FAILED',
  BAD_REQUEST: 'VALIDATION_FAILED',
  OPERATION_RESOLUTION_FAILURE: 'GRAPHQL_VALIDATION_FAILED',
  PERSISTED_QUERY_NOT_FOUND: 'GRAPHQL_VALIDATION_FAILED',
  PERSISTED_QUERY_NOT_SUPPORTED: 'GRAPHQL_VALIDATION_FAILED',
  GRAPHQL_QUERY_TOO_DEEP: 'GRAPHQL_QUERY_TOO_DEEP',
  GRAPHQL_QUERY_TOO_COMPLEX: 'GRAPHQL_QUERY_TOO_COMPLEX',
};

/**
 * Apollo `formatError`: every GraphQL error carries `extensions.code` from our catalogue and
 * its HTTP-equivalent `status`; unexpected errors are logged once and shown generically.
 */
export function formatGraphqlError(
  logger: Logger,
  settings: { publicBaseUrl: string; bodyLimitBytes: number },
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError || original instanceof HttpException) {
      const classified = classifyError(original, { instance: '/graphql', requestId: '', ...settings });
      if (classified.code !== 'INTERNAL_ERROR') {
        const extensions = {
          code: classified.code,
          status: ERROR_CATALOG[classified.code].status,
          ...(classified.errors ? { errors: classified.errors } : {}),
        };
        return { ...base, message: classified.detail, extensions };
      }
    }
    // Apollo relabels validation errors; the code our own rules set survives on the original.
    const ownCode = (error as { originalError?: { extensions?: { code?: unknown } } }).originalError
      ?.extensions?.code;
    const apolloCode = ownCode ?? formatted.extensions?.code;
    const code = typeof apolloCode === 'string' ? FROM_APOLLO[apolloCode] : undefined;
    if (code) return { ...base, extensions: { code, status: ERROR_CATALOG[code].status } };
    logger.error({ err: original, path: formatted.path }, 'unhandled GraphQL error');
    return {
      ...base,
      message: 'An unexpected error occurred. Nothing was changed.',
      extensions: { code: 'INTERNAL_ERROR', status: 500 },
    };
  };
}

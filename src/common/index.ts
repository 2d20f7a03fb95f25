export {
  ERROR_CATALOG,
  ERROR_CODES,
  problemSlug,
  codeFromSlug,
  type ErrorCode,
  type ErrorCatalogEntry,
} from './errors/error-catalog.js';
export {
  DomainError,
  NotFoundError,
  RequestValidationError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
  RouteNotFoundError,
  ConflictError,
  UnauthenticatedError,
  InvalidTokenError,
  InsufficientScopeError,
  CompanyRequiredError,
  PreconditionFailedError,
  type FieldError,
} from './errors/domain-error.js';
export { PROBLEM_CONTENT_TYPE, problemTypeUri, toProblem, type Problem } from './errors/problem.js';
export { sendProblem, problemOf, type ProblemSettings } from './errors/send-problem.js';
export { ProblemFilter } from './errors/problem.filter.js';
export { ProblemValidationPipe } from './validation/problem-validation.pipe.js';
export { createLogger, NestPinoLogger, type Logger } from './logging/logger.js';
export { LoggerModule, LOGGER } from './logging/logger.module.js';
export { requestIdMiddleware, newRequestId, REQUEST_ID_HEADER } from './http/request-id.js';
export { accessLogMiddleware } from './http/access-log.js';
export { ProblemDto, FieldErrorDto } from './openapi/problem.dto.js';
export { ApiProblemResponses } from './openapi/api-problems.decorator.js';
export {
  operationsOf,
  type DocumentedOperation,
  type DocumentedResponse,
  type HttpMethod,
} from './openapi/operations.js';
export { etagOf, parseIfMatch, versionOf, IF_MATCH_HEADER } from './http/etag.js';
export { sendCsv, streamCsv, streamCsvText, type CsvCell } from './http/csv-response.js';
export { IfMatch } from './http/if-match.decorator.js';
export { ETagInterceptor } from './http/etag.interceptor.js';
export { documentETags } from './http/etag.openapi.js';
export { Public, IS_PUBLIC, PUBLIC_OPERATION_EXTENSION } from './auth/public.decorator.js';
export { GraphqlApiModule, type GraphqlContext } from './graphql/graphql-api.module.js';
export { mountGraphqlIde } from './graphql/graphql-ide.js';
export { perPageComplexity } from './graphql/query-limits.js';
export { requestLoader, byKeys, assertScope, type RequestLoaders } from './graphql/request-loaders.js';
export { IdArgs, PageArgs, VersionedIdArgs } from './graphql/graphql-args.js';
export { IdParam } from './validation/id-param.dto.js';
export { ShutdownState } from './lifecycle/shutdown-state.js';
export { LifecycleModule } from './lifecycle/lifecycle.module.js';
export { newId } from './ids.js';
export { SCOPES, ALL_SCOPES, isScope, type Scope } from './auth/scopes.js';
export type { TenantContext, Actor } from './auth/tenant-context.js';
export { RequireScope, REQUIRED_SCOPE, REQUIRED_SCOPE_EXTENSION } from './auth/require-scope.decorator.js';
export { Tenant, requestOf } from './auth/tenant.decorator.js';
export { newSecret, hashSecret, secretMatches } from './secrets.js';
export * from './money/index.js';
export * from './dates/index.js';
export * from './pagination/index.js';
export { assertVersion } from './versioning.js';
export { QueryBoolean } from './validation/query-boolean.js';

// The hand-written layer of the SDK: client options, problem+json errors as a typed ApiError, and
// (in oauth.ts, pkce.ts, token-manager.ts) getting and refreshing OAuth tokens, and (webhooks.ts)
// verifying webhook deliveries.
// Everything else is generated from openapi/openapi.json into ./generated/ (never edited by hand).
import { HttpError, type RequestOpts } from '@oazapfts/runtime';
import { mergeHeaders } from '@oazapfts/runtime/headers';
import * as api from './generated/api.js';
import { OPERATIONS, type OperationName } from './generated/operations.js';
import type { ErrorCode, FieldErrorDto, ProblemDto } from './generated/api.js';

export type * from './generated/api.js';
export { OPERATIONS, type OperationName } from './generated/operations.js';
export {
  OAuthError,
  UNEXPECTED_OAUTH_RESPONSE,
  createAuthorizationUrl,
  exchangeAuthorizationCode,
  refreshAccessToken,
  requestClientCredentialsToken,
  type OAuthErrorCode,
  type OAuthTokens,
  type TokenEndpointOptions,
} from './oauth.js';
export { createPkcePair, type PkcePair } from './pkce.js';
export {
  verifyWebhook,
  WebhookVerificationError,
  type VerifyWebhookOptions,
  type WebhookEvent,
} from './webhooks.js';
export { createTokenManager, type TokenManager, type TokenManagerOptions } from './token-manager.js';

/**
 * Per-call options, the last argument of every operation: headers, an `AbortSignal`, and so on.
 * Headers the API documents come before it as named arguments instead: every write takes
 * `{ idempotencyKey }` (send a new random key, e.g. `crypto.randomUUID()`, per new request and
 * the same one with each retry of it, so a retry never writes twice), and a resource that
 * changes takes `{ ifMatch }` (its `version` in quotes, e.g. `"3"`) so a change made from a
 * stale copy fails with `PRECONDITION_FAILED` instead of overwriting someone else's.
 */
export type { RequestOpts };

export interface ClientOptions {
  /** Where the API is, e.g. `https://api.hovedbok.example` (without `/v1`: the paths carry it). */
  baseUrl: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /** Headers sent with every request; per-call headers override them. */
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer …`; a function is called before every request (e.g. to refresh). */
  accessToken?: string | (() => string | undefined | Promise<string | undefined>);
}

/** Every operation of the API, bound to one client's options. Arguments and results are those of the spec. */
export type HovedbokClient = { readonly [K in OperationName]: (typeof api)[K] };

/** `code` of an ApiError whose body was not a problem (e.g. an HTML page from a proxy). */
export const UNEXPECTED_RESPONSE = 'UNEXPECTED_RESPONSE';

const REQUEST_ID_HEADER = 'x-request-id';

function isProblem(body: unknown): body is ProblemDto {
  if (typeof body !== 'object' || body === null) return false;
  const { status, title, code } = body as Record<string, unknown>;
  return typeof status === 'number' && typeof title === 'string' && typeof code === 'string';
}

// Retry-After is either whole seconds or an HTTP date (RFC 9110 §10.2.3).
function retryAfterSeconds(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Thrown by every operation for any response other than 2xx, carrying the RFC 9457 problem the
 * API answered with. Switch on `code`, never on `title` or `detail`.
 */
export class ApiError extends Error {
  /** The HTTP status of the response. */
  readonly status: number;
  /** The stable error code, or `UNEXPECTED_RESPONSE` when the body was not a problem. */
  readonly code: ErrorCode | typeof UNEXPECTED_RESPONSE;
  readonly title: string;
  readonly detail: string;
  /** The request id (from the problem, or the `X-Request-Id` header); quote it to support. */
  readonly requestId: string | undefined;
  /** For validation problems: every field or parameter that broke a rule. Empty otherwise. */
  readonly errors: FieldErrorDto[];
  /** The problem as received; undefined when the body was not a problem. */
  readonly problem: ProblemDto | undefined;
  /**
   * For a 429 (`RATE_LIMITED`, and for a 503 that says so): seconds to wait before retrying, from
   * the `Retry-After` header. Undefined when the response did not say.
   */
  readonly retryAfter: number | undefined;
  /** The response headers (e.g. `Retry-After`, `RateLimit`). */
  readonly headers: Headers;
  /** The response body as received: the problem, or the text of a body that is not one. */
  readonly body: unknown;

  constructor(status: number, body: unknown, headers: Headers) {
    const problem = isProblem(body) ? body : undefined;
    const code = problem?.code ?? UNEXPECTED_RESPONSE;
    const title = problem?.title ?? `Unexpected response with status ${status}`;
    const detail = problem?.detail ?? (typeof body === 'string' ? body.slice(0, 500) : '');
    super(`${status} ${code}: ${detail || title}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.requestId = problem?.requestId ?? headers.get(REQUEST_ID_HEADER) ?? undefined;
    this.errors = problem?.errors ?? [];
    this.problem = problem;
    this.retryAfter = retryAfterSeconds(headers.get('retry-after'));
    this.headers = headers;
    this.body = body;
  }
}

// instanceof alone could miss an HttpError from a second copy of the runtime (CJS next to ESM).
function isHttpError(error: unknown): error is HttpError {
  if (error instanceof HttpError) return true;
  if (!(error instanceof Error)) return false;
  const { status, headers } = error as Partial<HttpError>;
  return typeof status === 'number' && headers instanceof Headers;
}

function toApiError(error: unknown): unknown {
  return isHttpError(error) ? new ApiError(error.status, error.data, error.headers) : error;
}

/**
 * Creates a client whose methods are the API's operations (one per operationId), sending every
 * request to `baseUrl` with the given headers and credentials. Each method resolves to the
 * success body and rejects with an `ApiError` for any other status.
 *
 * @example
 * const hovedbok = createClient({ baseUrl: 'https://api.hovedbok.example', accessToken });
 * const type = await hovedbok.getProblemType('validation-failed');
 */
export function createClient(options: ClientOptions): HovedbokClient {
  const { baseUrl, fetch: customFetch, headers, accessToken } = options;

  async function requestOpts(perCall: RequestOpts | undefined): Promise<RequestOpts> {
    const token = typeof accessToken === 'function' ? await accessToken() : accessToken;
    const base = mergeHeaders(headers, token ? { Authorization: `Bearer ${token}` } : undefined);
    return {
      ...perCall,
      baseUrl: perCall?.baseUrl ?? baseUrl,
      fetch: perCall?.fetch ?? customFetch,
      headers: mergeHeaders(base, perCall?.headers),
    };
  }

  const client: Record<string, unknown> = {};
  for (const name of Object.keys(OPERATIONS) as OperationName[]) {
    const argCount = OPERATIONS[name];
    const operation = api[name] as (...args: unknown[]) => Promise<unknown>;
    client[name] = async (...args: unknown[]): Promise<unknown> => {
      const positional = Array.from({ length: argCount }, (_, index) => args[index]);
      const opts = await requestOpts(args[argCount] as RequestOpts | undefined);
      try {
        return await operation(...positional, opts);
      } catch (error) {
        throw toApiError(error);
      }
    };
  }
  return Object.freeze(client) as HovedbokClient;
}

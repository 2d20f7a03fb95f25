/**
 * Every error code the API can answer with. Adding a code here without a catalogue entry
 * (or the other way round) does not compile, so clients can rely on the list in the docs.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'INVALID_TOKEN'
  | 'INSUFFICIENT_SCOPE'
  | 'COMPANY_REQUIRED'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_REQUEST_IN_PROGRESS'
  | 'IDEMPOTENCY_RESPONSE_LOST'
  | 'SIGN_UP_DISABLED'
  | 'LAST_OWNER'
  | 'NOT_ACCEPTABLE'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'GRAPHQL_QUERY_TOO_DEEP'
  | 'GRAPHQL_QUERY_TOO_COMPLEX'
  | 'ACCOUNT_HAS_POSTINGS'
  | 'VOUCHER_UNBALANCED'
  | 'POSTING_RULES_BROKEN'
  | 'PERIOD_CLOSED'
  | 'NO_FISCAL_YEAR'
  | 'FISCAL_YEAR_NOT_ADJACENT'
  | 'VOUCHER_BOOKED'
  | 'VOUCHER_NOT_BOOKED'
  | 'VOUCHER_ALREADY_REVERSED'
  | 'PERIOD_STATUS_CONFLICT'
  | 'VOUCHER_BATCH_REJECTED'
  | 'WEBHOOK_URL_REFUSED'
  | 'WEBHOOK_SUBSCRIPTION_DISABLED'
  | 'EVENT_TYPE_NOT_READABLE'
  | 'INTERNAL_ERROR';

export interface ErrorCatalogEntry {
  status: number;
  title: string;
  /** Shown on the problem type's documentation page: what it means and what to do. */
  description: string;
}

export const ERROR_CATALOG = {
  VALIDATION_FAILED: {
    status: 400,
    title: 'Request validation failed',
    description:
      'One or more fields or parameters break a rule. Each entry of `errors` names the field ' +
      '(`pointer` into the JSON body, or `parameter` for path and query parameters) and the rule it broke.',
  },
  MALFORMED_JSON: {
    status: 400,
    title: 'Request body is not valid JSON',
    description: 'The body could not be parsed as JSON. The detail gives the parser message and position.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: 'Unsupported media type',
    description:
      'Send request bodies as `application/json` (UTF-8) unless the operation documents another type.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    title: 'Request body too large',
    description: 'The body is larger than the limit for this operation. The detail says the limit in bytes.',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    title: 'No such route',
    description:
      'No operation exists for this method and path. Check the path, the `/v1` prefix and the method.',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    title: 'Method not allowed',
    description: 'The path exists but does not accept this HTTP method.',
  },
  NOT_FOUND: {
    status: 404,
    title: 'Resource not found',
    description: 'The resource does not exist, or it is not visible to the credentials used.',
  },
  UNAUTHENTICATED: {
    status: 401,
    title: 'Authentication required',
    description:
      'Send an access token or API key as `Authorization: Bearer <token>`. Get a token from `POST /oauth/token`.',
  },
  INVALID_TOKEN: {
    status: 401,
    title: 'The access token is not valid',
    description:
      'The token is malformed, expired, revoked, or was not issued by this server. Get a new one (refresh it, or ' +
      'ask for a new client-credentials token); the `WWW-Authenticate` header says why.',
  },
  INSUFFICIENT_SCOPE: {
    status: 403,
    title: 'The token lacks the scope this operation needs',
    description:
      'The detail and the `WWW-Authenticate` header name the scope. Ask for it when requesting the token, or ' +
      'give the API key or client that scope; for a person, their role in the company must allow it too.',
  },
  COMPANY_REQUIRED: {
    status: 400,
    title: 'Name the company',
    description:
      'The token covers several companies: name the one this request acts on in the `Hovedbok-Company` header ' +
      '(its id, from `GET /v1/companies`).',
  },
  CONFLICT: {
    status: 409,
    title: 'Conflict with the current state',
    description: 'The request conflicts with existing data, e.g. a value that must be unique is taken.',
  },
  PRECONDITION_FAILED: {
    status: 412,
    title: 'The resource has changed since you read it',
    description:
      'The `If-Match` header named an ETag the resource no longer has: it was changed after you read it. ' +
      'Nothing was changed. Get the resource again (the detail names its current ETag), reapply your change ' +
      'to what you get, and send it with `If-Match` set to the new `ETag`.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: 'The idempotency key was used for another request',
    description:
      'This client sent the same `Idempotency-Key` in this company before, with a different method, path ' +
      'or body. Nothing was done. Make a new key for each new request; to get the outcome of the first ' +
      'request, resend it unchanged with its key.',
  },
  IDEMPOTENCY_REQUEST_IN_PROGRESS: {
    status: 409,
    title: 'A request with this idempotency key is still running',
    description:
      'The first request sent with this `Idempotency-Key` has not finished yet. Nothing was done by this ' +
      'one. Retry after `Retry-After` seconds: once the first request has finished, the retry gets its ' +
      'response, marked `Idempotent-Replayed: true`.',
  },
  IDEMPOTENCY_RESPONSE_LOST: {
    status: 409,
    title: 'The request with this idempotency key was done, but its response was lost',
    description:
      'The first request sent with this `Idempotency-Key` was carried out and its changes are saved, but ' +
      'the server stopped before it could keep the response for replay (the key and the changes are ' +
      'saved in one transaction, the response just after). Nothing was done by this request, and a ' +
      'retry will never run it twice. Read the resource (e.g. list it, newest first) to see the result.',
  },
  SIGN_UP_DISABLED: {
    status: 403,
    title: 'Sign-up is closed on this server',
    description:
      'The operator has turned self-service sign-up off (SIGN_UP_ENABLED=false). Ask them for an account.',
  },
  LAST_OWNER: {
    status: 409,
    title: 'The company would have no owner',
    description:
      'A company always keeps at least one owner: make another person owner before removing or demoting the last one.',
  },
  NOT_ACCEPTABLE: {
    status: 406,
    title: 'Not acceptable',
    description: 'The server cannot produce a representation matching the `Accept` header.',
  },
  RATE_LIMITED: {
    status: 429,
    title: 'Too many requests',
    description:
      'This client has used its request quota for this company (or this address its quota for a public ' +
      'endpoint). Nothing was done. Wait the number of seconds in the `Retry-After` header, then retry. ' +
      'Every limited response carries `RateLimit-Policy` (the quota `q` per window of `w` seconds) and ' +
      '`RateLimit` (`r` requests remaining, `t` seconds until more are available), so a client can pace ' +
      'itself and never see this error.',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    title: 'Service unavailable',
    description: 'The service is starting, shutting down, or cannot reach its database. Retry with backoff.',
  },
  GRAPHQL_PARSE_FAILED: {
    status: 400,
    title: 'GraphQL document could not be parsed',
    description: 'The query is not valid GraphQL syntax.',
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    title: 'GraphQL document is not valid against the schema',
    description: 'The query asks for fields, arguments or types the schema does not have.',
  },
  GRAPHQL_QUERY_TOO_DEEP: {
    status: 400,
    title: 'GraphQL query is nested too deeply',
    description: 'Split the query or ask for fewer nested levels; the limit is given in the message.',
  },
  GRAPHQL_QUERY_TOO_COMPLEX: {
    status: 400,
    title: 'GraphQL query is too complex',
    description: 'The estimated cost of the query exceeds the limit. Ask for fewer fields or smaller pages.',
  },
  ACCOUNT_HAS_POSTINGS: {
    status: 409,
    title: 'The account has postings',
    description:
      'An account with postings stays in the books for the audit trail: deactivate it instead (`PATCH /v1/accounts/{id}` with `isActive: false`).',
  },
  VOUCHER_UNBALANCED: {
    status: 422,
    title: 'Voucher is not balanced',
    description:
      'In NOK, the debits (positive amounts) and credits (negative amounts) of a voucher, VAT lines included, must sum to exactly zero. The detail gives both sums and the difference; `dryRun=true` shows the computed postings.',
  },
  POSTING_RULES_BROKEN: {
    status: 422,
    title: 'A posting breaks a ledger rule',
    description:
      'Each entry of `errors` points at a line and names the rule: an unknown or inactive account, a control account without a customer or supplier, a missing department or project the account requires, a VAT code that is unknown, inactive or not in force on the date, a VAT code on a VAT account, or a dimension value that does not exist.',
  },
  PERIOD_CLOSED: {
    status: 422,
    title: 'The period is not open',
    description:
      'Postings go only into open periods. The detail names the period and its status; an accountant with the `periods:reopen` scope can reopen it (`POST /v1/periods/{id}/reopen`), or date the voucher in an open period.',
  },
  NO_FISCAL_YEAR: {
    status: 422,
    title: 'No fiscal year covers the date',
    description: 'Create the fiscal year first (`POST /v1/fiscal-years`), or check the date.',
  },
  FISCAL_YEAR_NOT_ADJACENT: {
    status: 422,
    title: 'Fiscal years must follow each other',
    description:
      'A new fiscal year starts the day after the last one ends, or ends the day before the first one starts, so no date is left without a period.',
  },
  VOUCHER_BOOKED: {
    status: 409,
    title: 'The voucher is booked',
    description:
      'A booked voucher never changes (bokføringsloven). Correct it by reversing it (`POST /v1/vouchers/{id}/reverse`) and booking a new one.',
  },
  VOUCHER_NOT_BOOKED: {
    status: 409,
    title: 'The voucher is a draft',
    description: 'Only booked vouchers can be reversed. A draft can be changed or deleted instead.',
  },
  VOUCHER_ALREADY_REVERSED: {
    status: 409,
    title: 'The voucher is reversed already',
    description: 'A voucher is reversed once; the detail names the reversing voucher.',
  },
  WEBHOOK_URL_REFUSED: {
    status: 422,
    title: 'The webhook URL is refused',
    description: `Webhooks go to public HTTPS addresses only. Loopback, private, link-local, cloud metadata and other non-public addresses are refused in every notation (also when a host name resolves to one), as are URLs with a user name or password. The detail says which rule the URL broke.`,
  },
  WEBHOOK_SUBSCRIPTION_DISABLED: {
    status: 409,
    title: 'The webhook subscription is disabled',
    description: `A disabled subscription receives nothing: enable it (PATCH with isEnabled true) before sending it a ping or redeliveries. Its disabledReason says why it was disabled.`,
  },
  EVENT_TYPE_NOT_READABLE: {
    status: 403,
    title: 'The event type needs a scope you do not have',
    description: `An event carries a whole resource, so subscribing to it needs the read scope of that resource (e.g. vouchers:read for voucher.booked). The detail names the event type and the scope.`,
  },
  PERIOD_STATUS_CONFLICT: {
    status: 409,
    title: 'The period cannot move to that status',
    description:
      'Periods go open -> closed -> locked, and back with reopen. The detail says the current status.',
  },
  VOUCHER_BATCH_REJECTED: {
    status: 422,
    title: 'The batch was not booked',
    description:
      'A batch is booked all or nothing, and at least one voucher broke a rule. Each entry of `errors` points at ' +
      'the voucher and field (`/vouchers/3/postings/1/accountNumber`) and names the rule; fix them and send the ' +
      'whole batch again (with the same Idempotency-Key only if the body is unchanged).',
  },
  INTERNAL_ERROR: {
    status: 500,
    title: 'Internal server error',
    description:
      'Something failed on our side. Nothing was written. Retry later; quote the `requestId` when contacting support.',
  },
} as const satisfies Record<ErrorCode, ErrorCatalogEntry>;

export const ERROR_CODES = Object.keys(ERROR_CATALOG) as ErrorCode[];

/** URL-friendly name of a code, used in problem `type` URIs: VOUCHER_UNBALANCED -> voucher-unbalanced. */
export function problemSlug(code: ErrorCode): string {
  return code.toLowerCase().replaceAll('_', '-');
}

export function codeFromSlug(slug: string): ErrorCode | undefined {
  const code = slug.toUpperCase().replaceAll('-', '_');
  return (ERROR_CODES as string[]).includes(code) ? (code as ErrorCode) : undefined;
}

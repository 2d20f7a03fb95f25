import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { PROBLEM_CONTENT_TYPE, problemOf, REQUIRED_SCOPE } from '../common/index.js';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  parseIdempotencyKey,
} from './idempotency-key-header.js';
import { isKeptOutcome, KEPT_RESPONSE_HEADERS, principalOf, WRITE_METHODS } from './idempotency-policy.js';
import { Database } from '../database/index.js';
import {
  IdempotencyKeyReusedError,
  IdempotencyRequestInProgressError,
  IdempotencyResponseLostError,
} from './idempotency.errors.js';
import {
  IdempotencyService,
  KeptResponseFound,
  type KeyClaim,
  type KeyedRequest,
} from './idempotency.service.js';
import { requestFingerprint } from './request-fingerprint.js';
import type { StoredResponse } from './sealed-response.js';

/**
 * `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header) on every authenticated REST
 * write and GraphQL mutation: the first request with a key runs and its outcome is kept; a retry with the same key
 * and request gets that outcome again (`Idempotent-Replayed: true`) instead of running twice.
 *
 * Where it sits: Nest runs interceptors after every guard, so the caller and company are known
 * (req.tenant); and IdempotencyModule comes after RateLimitsModule in the module list, so the
 * rate limiter's interceptor runs first and a 429 never gets here, let alone kept. Pipes run
 * inside `next.handle()`, so a validation failure is an outcome like any other.
 *
 * How: the key is recorded in the first transaction the handler opens in its company (the
 * write: one write, one transaction), so the record and the write commit together; a taken
 * key stops that transaction before it writes. The response is kept just after. A request
 * that fails before or in its transaction wrote nothing; its outcome is kept if it would be
 * the same again, or the key stays free.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyService,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() === 'graphql') return this.interceptMutation(context, next);
    const request = this.keyedRequestOf(context);
    if (!request) return next.handle();
    // A promise rather than operators on the stream: the outcome is kept even if the client
    // hangs up and the stream is unsubscribed, which is just when a retry will come.
    return from(this.run(this.idempotency.claimFor(request), context, next));
  }

  /**
   * GraphQL: the header applies to each top-level mutation field of the document, as its own
   * write (the field's name or alias joins the key), fingerprinted by the field and its
   * arguments. A success is kept and replayed as the field's result; an error is not kept (it
   * wrote nothing), so a retry runs again and meets the same error.
   */
  private interceptMutation(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const { req } = gql.getContext<{ req?: Request }>();
    if (info.parentType.name !== 'Mutation' || !req?.tenant) return next.handle();
    const key = parseIdempotencyKey(req.get(IDEMPOTENCY_KEY_HEADER));
    if (key === undefined) return next.handle();
    const request: KeyedRequest = {
      companyId: req.tenant.companyId,
      principal: principalOf(req.tenant.actor),
      key: `${key}#${String(info.path.key)}`,
      fingerprint: requestFingerprint('GRAPHQL', info.fieldName, gql.getArgs()),
      requestId: req.requestId,
    };
    return from(this.runMutation(this.idempotency.claimFor(request), req, next));
  }

  private async runMutation(claim: KeyClaim, req: Request, next: CallHandler): Promise<unknown> {
    let result: unknown;
    try {
      result = await this.db.withOpeningStep(claim, () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }),
      );
    } catch (error) {
      if (!(error instanceof KeptResponseFound)) throw error;
      req.res?.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return error.response.body === null ? null : JSON.parse(error.response.body);
    }
    // The work is done: whatever the key's record says now, this field's answer stands.
    await this.idempotency
      .keep(claim, { status: 200, headers: {}, body: toJson(result) })
      .catch(() => undefined);
    return result;
  }

  private keyedRequestOf(context: ExecutionContext): KeyedRequest | undefined {
    if (context.getType() !== 'http') return undefined;
    const req = context.switchToHttp().getRequest<Request>();
    // Authenticated handlers only (the guard has set req.tenant): @Public ones, every /oauth
    // endpoint among them, follow protocols of their own.
    const scoped = this.reflector.getAllAndOverride<string | undefined>(REQUIRED_SCOPE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!scoped || !req.tenant || !WRITE_METHODS.has(req.method)) return undefined;
    const key = parseIdempotencyKey(req.get(IDEMPOTENCY_KEY_HEADER));
    if (key === undefined) return undefined;
    return {
      companyId: req.tenant.companyId,
      principal: principalOf(req.tenant.actor),
      key,
      fingerprint: requestFingerprint(req.method, req.originalUrl, req.body),
      requestId: req.requestId,
    };
  }

  private async run(claim: KeyClaim, context: ExecutionContext, next: CallHandler): Promise<unknown> {
    const http = context.switchToHttp();
    const res = http.getResponse<Response>();
    let body: unknown;
    try {
      body = await this.db.withOpeningStep(claim, () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }),
      );
    } catch (error) {
      if (error instanceof KeptResponseFound) return replay(res, error.response);
      if (isIdempotencyProblem(error)) throw error;
      // The same problem the exception filter is about to send, built from the same inputs.
      const { problem } = problemOf(error, http.getRequest<Request>(), this.config.http);
      if (!isKeptOutcome(problem.status)) throw error;
      const earlier = await this.idempotency.keep(claim, {
        status: problem.status,
        headers: {},
        body: toJson(problem),
      });
      if (earlier) return replay(res, earlier);
      throw error;
    }
    if (isKeptOutcome(res.statusCode)) {
      await this.idempotency
        .keep(claim, { status: res.statusCode, headers: keptHeaders(res), body: toJson(body) })
        // The work is done: whatever the key's record says now, this request's answer stands.
        .catch(() => undefined);
    }
    return body;
  }
}

function isIdempotencyProblem(error: unknown): boolean {
  return (
    error instanceof IdempotencyKeyReusedError ||
    error instanceof IdempotencyRequestInProgressError ||
    error instanceof IdempotencyResponseLostError
  );
}

function toJson(body: unknown): string | null {
  return body === undefined || body === null ? null : JSON.stringify(body);
}

function keptHeaders(res: Response): Record<string, string> {
  return Object.fromEntries(
    KEPT_RESPONSE_HEADERS.flatMap((name) => {
      const value = res.getHeader(name);
      return value === undefined ? [] : [[name, String(value)]];
    }),
  );
}

/** Sends a kept outcome again: its status, headers and body, marked as a replay. */
function replay(res: Response, stored: StoredResponse): unknown {
  res.status(stored.status).set({ ...stored.headers, [IDEMPOTENT_REPLAYED_HEADER]: 'true' });
  // A kept refusal goes out as the problem it was; other bodies are JSON as before.
  if (stored.status >= 400) res.type(PROBLEM_CONTENT_TYPE);
  return stored.body === null ? undefined : JSON.parse(stored.body);
}

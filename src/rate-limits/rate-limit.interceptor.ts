import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { REQUIRED_SCOPE, requestOf } from '../common/index.js';
import { addressBucket } from './client-address.js';
import { PUBLIC_RATE_LIMIT } from './public-rate-limit.decorator.js';
import {
  policiesFrom,
  publicBucketKey,
  rateLimitHeaders,
  tenantBucketKey,
  type RateLimitDecision,
  type RateLimitPolicy,
} from './rate-limit-policy.js';
import { RateLimitedError } from './rate-limits.errors.js';
import { RateLimitsService } from './rate-limits.service.js';

/**
 * Counts every authenticated request (per client or API key × company) and every request to a
 * `@PublicRateLimit()` handler (per address), puts the RateLimit headers on the response and
 * refuses with 429 once the quota is used. An interceptor rather than a guard because Nest runs
 * interceptors after all guards, whatever their registration order: the global AccessGuard has
 * set `req.tenant` by then, and a refused request still reaches no pipe and no handler.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  private readonly policies: ReturnType<typeof policiesFrom>;
  // A GraphQL request runs this once per root field; it must count once.
  private readonly decisions = new WeakMap<Request, Promise<RateLimitDecision>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimits: RateLimitsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policies = policiesFrom(config.rateLimits);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = requestOf(context);
    const bucket = this.bucketOf(context, req);
    if (!bucket) return next.handle();
    let pending = this.decisions.get(req);
    if (!pending) {
      pending = this.rateLimits.consume(bucket.policy, bucket.key);
      this.decisions.set(req, pending);
    }
    const decision = await pending;
    req.res?.set(rateLimitHeaders(decision));
    if (!decision.allowed) throw new RateLimitedError(decision);
    return next.handle();
  }

  private bucketOf(
    context: ExecutionContext,
    req: Request,
  ): { policy: RateLimitPolicy; key: string } | undefined {
    const targets = [context.getHandler(), context.getClass()];
    // The guard has authenticated a scoped handler's caller and set req.tenant.
    if (this.reflector.getAllAndOverride<string | undefined>(REQUIRED_SCOPE, targets) && req.tenant) {
      return this.policies.default && { policy: this.policies.default, key: tenantBucketKey(req.tenant) };
    }
    if (!this.policies.public || !this.reflector.getAllAndOverride<boolean>(PUBLIC_RATE_LIMIT, targets)) {
      return undefined;
    }
    const endpoint = `${context.getClass().name}.${context.getHandler().name}`;
    return { policy: this.policies.public, key: publicBucketKey(addressBucket(req.ip), endpoint) };
  }
}

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
  type RateLimitDecision,
  type RateLimitPolicy,
} from './rate-limit-policy.js';
import { RateLimitedError } from './rate-limits.errors.js';
import { RateLimitsService } from './rate-limits.service.js';

/**
 * Puts the RateLimit headers on the response and refuses with 429 once the quota is used, for
 * every authenticated request (per client or API key × company) and every request to a
 * `@PublicRateLimit()` handler (per address). The global AccessGuard has already counted an
 * authenticated request, in the statement that checked its credentials (see
 * RateLimitsService.admitOnce); a public one is counted here. Either way a refused request
 * reaches no pipe and no handler.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  private readonly publicPolicy: RateLimitPolicy | undefined;
  // A GraphQL request runs this once per root field; it must count once.
  private readonly publicDecisions = new WeakMap<Request, Promise<RateLimitDecision>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimits: RateLimitsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicPolicy = policiesFrom(config.rateLimits).public;
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = requestOf(context);
    const decision = await this.decisionOf(context, req);
    if (!decision) return next.handle();
    req.res?.set(rateLimitHeaders(decision));
    if (!decision.allowed) throw new RateLimitedError(decision);
    return next.handle();
  }

  private decisionOf(context: ExecutionContext, req: Request): Promise<RateLimitDecision | undefined> {
    const targets = [context.getHandler(), context.getClass()];
    // The guard has authenticated a scoped handler's caller, set req.tenant and counted.
    if (this.reflector.getAllAndOverride<string | undefined>(REQUIRED_SCOPE, targets) && req.tenant) {
      return this.rateLimits.tenantDecision(req);
    }
    if (!this.publicPolicy || !this.reflector.getAllAndOverride<boolean>(PUBLIC_RATE_LIMIT, targets)) {
      return Promise.resolve(undefined);
    }
    let pending = this.publicDecisions.get(req);
    if (!pending) {
      const endpoint = `${context.getClass().name}.${context.getHandler().name}`;
      pending = this.rateLimits.consume(this.publicPolicy, publicBucketKey(addressBucket(req.ip), endpoint));
      this.publicDecisions.set(req, pending);
    }
    return pending;
  }
}

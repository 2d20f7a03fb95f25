import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { requestOf, UnauthenticatedError } from '../common/index.js';
import { BEARER_STRATEGY } from './bearer.strategy.js';

/** Passport's guard for our bearer strategy, for REST and GraphQL, failing with our problems. */
@Injectable()
export class BearerAuthGuard extends AuthGuard(BEARER_STRATEGY) {
  override getRequest(context: ExecutionContext): Request {
    return requestOf(context);
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof Error) throw error;
    if (error) throw new Error('authentication failed');
    if (!user) throw new UnauthenticatedError();
    return user;
  }
}

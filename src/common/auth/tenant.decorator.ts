import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { TenantContext } from './tenant-context.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the global guard once the caller is authenticated and the company is known. */
    tenant?: TenantContext;
  }
}

export function requestOf(context: ExecutionContext): Request {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: Request }>().req;
  }
  return context.switchToHttp().getRequest<Request>();
}

/** The caller's TenantContext; only on handlers with `@RequireScope`. */
export const Tenant = createParamDecorator((_data: unknown, context: ExecutionContext): TenantContext => {
  const tenant = requestOf(context).tenant;
  // The guard sets it before any scoped handler runs; reaching here without it is our bug.
  if (!tenant) throw new Error('@Tenant() used on a handler without @RequireScope');
  return tenant;
});

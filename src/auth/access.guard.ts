import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InsufficientScopeError, IS_PUBLIC, REQUIRED_SCOPE, requestOf, type Scope } from '../common/index.js';
import { BearerAuthGuard } from './bearer-auth.guard.js';
import type { BearerCredentials } from './bearer.strategy.js';
import { COMPANY_HEADER, CompanyAccessService } from './company-access.service.js';

export class UndeclaredAccessError extends Error {}

/**
 * The global guard. Every handler declares `@Public()` or `@RequireScope()`; one that declares
 * neither is refused (and a test walks every route and GraphQL field to catch it first).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthGuard,
    private readonly companies: CompanyAccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const scope = this.reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE, targets);
    if (!scope) {
      throw new UndeclaredAccessError(
        `${context.getClass().name}.${context.getHandler().name} declares neither @Public() nor @RequireScope()`,
      );
    }
    await this.bearer.canActivate(context);
    const req = requestOf(context);
    const credentials = req.user as BearerCredentials;
    const tenant = await this.companies.resolve(credentials, req.get(COMPANY_HEADER), req.requestId);
    if (!tenant.scopes.has(scope)) throw new InsufficientScopeError(scope);
    req.tenant = tenant;
    return true;
  }
}

import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_SCOPE, requestOf, type Scope } from '../common/index.js';
import { AdmissionService } from './admission.service.js';
import { BearerAuthGuard } from './bearer-auth.guard.js';
import type { BearerCredentials } from './bearer.strategy.js';
import { COMPANY_HEADER } from './company-choice.js';

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
    private readonly admission: AdmissionService,
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
    req.tenant = await this.admission.admit({
      req,
      credentials: req.user as BearerCredentials,
      requestedCompany: req.get(COMPANY_HEADER),
      scope,
      requestId: req.requestId,
    });
    return true;
  }
}

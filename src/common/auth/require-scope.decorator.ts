import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Scope } from './scopes.js';

export const REQUIRED_SCOPE = 'hovedbok:requiredScope';
/** Read when the OpenAPI document is built: becomes the operation's `security` requirement. */
export const REQUIRED_SCOPE_EXTENSION = 'x-hovedbok-scope';

/**
 * The scope a handler needs. The global guard authenticates the caller, picks the company and
 * refuses with 403 `INSUFFICIENT_SCOPE` when the scope is not granted there.
 */
export function RequireScope(scope: Scope): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(REQUIRED_SCOPE, scope), ApiExtension(REQUIRED_SCOPE_EXTENSION, scope));
}

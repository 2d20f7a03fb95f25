import { isScope, type Scope } from '../../common/index.js';
import { OAuthProtocolError } from '../protocol/oauth-error.js';

/** Parses a requested `scope` parameter; unknown scopes are an error, not silently dropped. */
export function parseScopeParam(value: string | undefined): Scope[] | undefined {
  if (value === undefined) return undefined;
  const requested = [...new Set(value.split(' ').filter(Boolean))];
  const unknown = requested.filter((scope) => !isScope(scope));
  if (unknown.length > 0)
    throw new OAuthProtocolError('invalid_scope', `Unknown scope: ${unknown.join(' ')}.`);
  return requested as Scope[];
}

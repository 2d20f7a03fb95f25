import { ALL_SCOPES, type Scope } from '../common/index.js';
import type { MembershipRole } from './membership.entity.js';

const READ_SCOPES = ALL_SCOPES.filter((scope) => scope.endsWith(':read'));
// Managing the company itself, who works in it and what may call it is the owner's.
const OWNER_ONLY: Scope[] = ['company:write', 'api_clients:write', 'api_keys:write', 'members:write'];

/**
 * The most a person in a role may do in a company. A token a person granted works with the
 * scopes it asked for that the person's current role also allows, checked on every request,
 * so a changed or removed role takes effect at once.
 */
export const ROLE_SCOPES: Record<MembershipRole, ReadonlySet<Scope>> = {
  owner: new Set(ALL_SCOPES),
  accountant: new Set(ALL_SCOPES.filter((scope) => !OWNER_ONLY.includes(scope))),
  approver: new Set([...READ_SCOPES, 'approvals:write']),
  employee: new Set(['company:read', 'expenses:read', 'expenses:write', 'inbox:read', 'inbox:write']),
  viewer: new Set(READ_SCOPES),
};

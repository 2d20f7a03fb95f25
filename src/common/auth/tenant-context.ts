import type { Scope } from './scopes.js';

/** Who is calling: a person through an app, an app on its own, or an API key. */
export interface Actor {
  kind: 'user' | 'client' | 'api_key';
  userId?: string;
  /** The OAuth client_id the call came through, for user and client tokens. */
  clientId?: string;
  apiKeyId?: string;
}

/**
 * Set by the global guard on every authenticated request: the one company the call acts on,
 * what the caller may do there, and who the caller is. Services take it as first argument.
 */
export interface TenantContext {
  companyId: string;
  scopes: ReadonlySet<Scope>;
  actor: Actor;
  requestId: string;
}

import DataLoader from 'dataloader';
import { InsufficientScopeError } from '../errors/domain-error.js';
// Types only, through the index: `../auth/` would read as a deep import of the auth context.
import type { Scope, TenantContext } from '../index.js';

/** The loaders of one GraphQL request, by name; the context factory makes a fresh map per request. */
export type RequestLoaders = Map<string, DataLoader<string, unknown>>;

/**
 * The request's loader called `name`, made on first use. Every key asked for while one level of
 * the query resolves is handed to `batch` at once, so a list of any length costs one service
 * call (one transaction in the tenant's scope); a key asked for twice is loaded once.
 * `batch` answers in the order of the keys, an Error for a key it cannot load.
 */
export function requestLoader<V>(
  loaders: RequestLoaders,
  name: string,
  batch: (keys: readonly string[]) => Promise<Array<V | Error>>,
): DataLoader<string, V> {
  let loader = loaders.get(name) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(batch);
    loaders.set(name, loader);
  }
  return loader;
}

/** Orders `items` as `keys` asks, with `missing(key)` where none has that key. */
export function byKeys<V>(
  keys: readonly string[],
  items: readonly V[],
  keyOf: (item: V) => string,
  missing: (key: string) => Error,
): Array<V | Error> {
  const found = new Map(items.map((item) => [keyOf(item), item]));
  return keys.map((key) => found.get(key) ?? missing(key));
}

/**
 * Nested fields reach other resources than the root field's scope covers (a voucher's postings
 * name accounts): such a field asks for the scope REST would ask for that resource.
 */
export function assertScope(tenant: TenantContext, scope: Scope): void {
  if (!tenant.scopes.has(scope)) throw new InsufficientScopeError(scope);
}

import { PreconditionFailedError } from './errors/domain-error.js';
import { etagOf } from './http/etag.js';

/**
 * `If-Match` check: when the caller sent the version (ETag) it last saw, the resource must
 * still be at that version, so two people editing at once cannot overwrite each other unseen.
 * Call it on the row read FOR UPDATE, so the check and the write see the same version.
 */
export function assertVersion(
  resource: { version: number },
  expected: number | undefined,
  name: string,
): void {
  if (expected !== undefined && expected !== resource.version) {
    throw new PreconditionFailedError(name, etagOf(resource.version));
  }
}

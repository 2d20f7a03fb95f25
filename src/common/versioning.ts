import { PreconditionFailedError } from './errors/domain-error.js';

/**
 * `If-Match` check: when the caller sent the version (ETag) it last saw, the resource must
 * still be at that version, so two people editing at once cannot overwrite each other unseen.
 */
export function assertVersion(resource: { version: number }, expected: number | undefined): void {
  if (expected !== undefined && expected !== resource.version) {
    throw new PreconditionFailedError(resource.version);
  }
}

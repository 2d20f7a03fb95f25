import { RequestValidationError } from '../errors/domain-error.js';

// A mutable resource carries a `version` that every change bumps. Its ETag is that number as a
// strong entity tag (RFC 9110 §8.8.3): `"3"`. Strong, because the version names exactly one
// state of the resource, so If-Match (which compares strongly) can use it.

export const IF_MATCH_HEADER = 'If-Match';
const STRONG_VERSION_TAG = /^"(\d{1,15})"$/;

/** The strong ETag of a resource version: `etagOf(3)` is `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The `version` of a response body that is one versioned resource, else undefined. */
export function versionOf(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { version } = body as { version?: unknown };
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 0 ? version : undefined;
}

/**
 * The version an `If-Match` header expects, or undefined when there is no condition (no header,
 * or `*`, which any existing resource matches). We accept one ETag as we issued it; a list, a
 * weak tag (`W/"3"`, which strong comparison never matches) or anything else is a 400, so a
 * client's mistake is reported instead of turning into a puzzling 412.
 */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '*') return undefined;
  const match = STRONG_VERSION_TAG.exec(trimmed);
  if (!match) {
    throw new RequestValidationError([
      {
        parameter: IF_MATCH_HEADER,
        detail:
          'must be one ETag exactly as the ETag response header gave it, e.g. "3" (with the quotes), or *',
        rule: 'isETag',
      },
    ]);
  }
  return Number(match[1]);
}

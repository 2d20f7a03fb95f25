import { createHash } from 'node:crypto';

/**
 * JSON with the keys of every object sorted and no whitespace. Parsed and re-serialised, numbers
 * and strings are written the way JSON.stringify writes them, so this is in effect the JSON
 * Canonicalization Scheme (RFC 8785): two bodies that mean the same get the same text.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value)) ?? 'null';
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(source)
      .sort()
      .map((key) => [key, sortKeysDeep(source[key])]),
  );
}

/**
 * What makes two requests with one Idempotency-Key "the same request": SHA-256 (hex) over the
 * method, the target (path with its parameters, and the query string as sent) and the
 * canonical JSON body. The body is compared by meaning, not bytes, so a client that
 * re-serialises it for a retry (other key order or spacing) is not refused. Headers are left
 * out: they carry credentials and transport details that may legitimately change on a retry
 * (a refreshed token, a new request id); who is asking is part of the key's scope instead.
 */
export function requestFingerprint(method: string, target: string, body: unknown): string {
  const canonical = JSON.stringify([method.toUpperCase(), target, canonicalJson(body ?? null)]);
  return createHash('sha256').update(canonical).digest('hex');
}

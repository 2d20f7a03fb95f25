import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret: a readable prefix (says what it is, e.g. in a leaked-secret scan) and 256 random bits. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * SHA-256 of a secret, hex. Enough for high-entropy random secrets (tokens, client secrets, API
 * keys): nobody guesses 256 bits. Passwords, which people choose, use argon2id instead.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

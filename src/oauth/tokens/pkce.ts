import { createHash, timingSafeEqual } from 'node:crypto';

// RFC 7636 §4.1: 43 to 128 characters of the unreserved set.
const CODE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isWellFormedCodeVerifier(verifier: string): boolean {
  return CODE_VERIFIER.test(verifier);
}

/** The S256 challenge of a verifier: base64url(SHA-256(verifier)), without padding. */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Whether the verifier answers the stored S256 challenge; compared in constant time. */
export function verifierMatchesChallenge(verifier: string, challenge: string): boolean {
  if (!isWellFormedCodeVerifier(verifier)) return false;
  const computed = Buffer.from(s256Challenge(verifier), 'utf8');
  const stored = Buffer.from(challenge, 'utf8');
  return computed.length === stored.length && timingSafeEqual(computed, stored);
}

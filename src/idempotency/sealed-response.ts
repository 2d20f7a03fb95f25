import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A response as it is kept for replay: the body is the JSON text that was sent (null for none). */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

// A kept response may hold a secret shown once (a new API key) that we otherwise keep only as a
// hash. So the table holds neither the Idempotency-Key nor the response in clear: the row is
// found by one hash of the key, and the response is sealed (AES-256-GCM) with another, which
// only a client presenting the key can reproduce. Random keys (UUIDs) make this protection
// real; a guessable key only hides the response as well as it is itself hidden.
const CIPHER = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

function derive(purpose: string, key: string): Buffer {
  return createHash('sha256').update(`hovedbok:idempotency:${purpose}\0${key}`).digest();
}

/** The Idempotency-Key as the table stores it: SHA-256 in hex, under its own label. */
export function keyDigest(key: string): string {
  return derive('key', key).toString('hex');
}

export function seal(response: StoredResponse, key: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(CIPHER, derive('response', key), nonce);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(response), 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), sealed]);
}

/** Throws when the blob was not sealed with this key or was altered. */
export function unseal(blob: Buffer, key: string): StoredResponse {
  const decipher = createDecipheriv(CIPHER, derive('response', key), blob.subarray(0, NONCE_BYTES));
  decipher.setAuthTag(blob.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  const text = Buffer.concat([decipher.update(blob.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(text.toString('utf8')) as StoredResponse;
}

import { createHmac, randomBytes } from 'node:crypto';

// Standard Webhooks 1.0: secrets are 'whsec_' + base64 key, signatures 'v1,' + base64 HMAC-SHA256
// over `${id}.${timestamp}.${body}`. Consumers verify with any Standard Webhooks library.

const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

// Buffer.from(..., 'base64') silently skips characters it does not know, which would sign with a
// key no consumer library derives from the same secret; so a malformed secret fails loudly here.
function keyOf(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : null;
  if (encoded === null || encoded === '' || !BASE64.test(encoded)) {
    throw new Error("A webhook secret must be 'whsec_' followed by a base64 key.");
  }
  return Buffer.from(encoded, 'base64');
}

// During a rotation both the new and the old secret sign, so receivers that still hold the old
// one keep verifying until they switch.
export function signWebhook(secrets: readonly string[], id: string, timestamp: number, body: string): string {
  if (secrets.length === 0) throw new Error('A webhook needs at least one signing secret.');
  if (!Number.isSafeInteger(timestamp)) {
    throw new Error('The webhook timestamp must be whole seconds since the epoch.');
  }
  const content = `${id}.${timestamp}.${body}`;
  return secrets
    .map((secret) => `v1,${createHmac('sha256', keyOf(secret)).update(content, 'utf8').digest('base64')}`)
    .join(' ');
}

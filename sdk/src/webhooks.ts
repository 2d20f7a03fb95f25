// Verifying Hovedbok's webhooks (Standard Webhooks 1.0) with Web Crypto, which Node 20+, Deno,
// Bun, workers and browsers all have: no dependency, no Node-only API.
import type { EventFeedResponseDto } from './generated/api.js';

/** Any event Hovedbok sends: narrow on `type` to get its `data` typed (e.g. a voucher for `voucher.booked`). */
export type WebhookEvent = EventFeedResponseDto['data'][number];

/** Why a delivery was refused; answer it with a 4xx so it is not taken as received. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, in seconds; older deliveries may be replays. Default 300. */
  toleranceSeconds?: number;
  /** The current time, for tests. */
  now?: Date;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) throw new WebhookVerificationError(`the ${name} header is missing`);
  return text;
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

async function signature(secret: string, content: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    base64ToBytes(secret.replace(/^whsec_/, '')),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(content)));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a[index] ^ b[index];
  return difference === 0;
}

/**
 * Checks a delivery's `webhook-signature` against your subscription's secret (`whsec_...`) and its
 * timestamp against the clock, then returns the event. Pass the raw body exactly as received (a
 * re-serialised JSON object will not verify). During a secret rotation a delivery carries two
 * signatures; either secret verifies it. Throws WebhookVerificationError otherwise.
 */
export async function verifyWebhook(
  secret: string,
  headers: HeaderSource,
  body: string,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? 300))
    throw new WebhookVerificationError('the webhook-timestamp is too far from now');
  const expected = await signature(secret, `${id}.${timestamp}.${body}`);
  const matches = header(headers, 'webhook-signature')
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .some((entry) => {
      try {
        return sameBytes(base64ToBytes(entry.slice(3)), expected);
      } catch {
        return false;
      }
    });
  if (!matches) throw new WebhookVerificationError('no webhook-signature matches the secret');
  return JSON.parse(body) as WebhookEvent;
}

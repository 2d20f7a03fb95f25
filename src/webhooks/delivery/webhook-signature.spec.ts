import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signWebhook } from './webhook-signature.js';

const body = JSON.stringify({ type: 'invoice.paid', data: { id: 'inv_1', amount: '1250.00' } });
const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function headers(signature: string, timestamp: number): Record<string, string> {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
}

// What a consumer does with the Standard Webhooks library: true when it accepts the request.
function verifies(secret: string, payload: string, signature: string, timestamp: number): boolean {
  try {
    new Webhook(secret).verify(payload, headers(signature, timestamp));
    return true;
  } catch {
    return false;
  }
}

describe('newWebhookSecret', () => {
  it("makes 'whsec_' plus the base64 of 32 random bytes", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
  });

  it('makes a different secret every time', () => {
    expect(newWebhookSecret()).not.toBe(newWebhookSecret());
  });
});

describe('signWebhook', () => {
  it('produces a signature the Standard Webhooks library verifies', () => {
    const secret = newWebhookSecret();
    const timestamp = nowSeconds();
    const signature = signWebhook([secret], id, timestamp, body);
    expect(signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verifies(secret, body, signature, timestamp)).toBe(true);
  });

  it('signs with every secret during a rotation, so either one verifies', () => {
    const [next, previous] = [newWebhookSecret(), newWebhookSecret()];
    const timestamp = nowSeconds();
    const signature = signWebhook([next, previous], id, timestamp, body);
    expect(signature.split(' ')).toHaveLength(2);
    expect(verifies(next, body, signature, timestamp)).toBe(true);
    expect(verifies(previous, body, signature, timestamp)).toBe(true);
  });

  it('fails verification when one byte of the body changed', () => {
    const secret = newWebhookSecret();
    const timestamp = nowSeconds();
    const signature = signWebhook([secret], id, timestamp, body);
    expect(verifies(secret, body.replace('1250.00', '1250.01'), signature, timestamp)).toBe(false);
  });

  it('fails verification when the timestamp is more than five minutes old', () => {
    const secret = newWebhookSecret();
    const timestamp = nowSeconds() - 6 * 60;
    expect(verifies(secret, body, signWebhook([secret], id, timestamp, body), timestamp)).toBe(false);
  });

  it('fails verification with another secret', () => {
    const timestamp = nowSeconds();
    const signature = signWebhook([newWebhookSecret()], id, timestamp, body);
    expect(verifies(newWebhookSecret(), body, signature, timestamp)).toBe(false);
  });

  it('signs non-ASCII bodies as UTF-8, as consumers do', () => {
    const secret = newWebhookSecret();
    const timestamp = nowSeconds();
    const text = JSON.stringify({ name: 'Bløtkake AS', note: '€ 🧾' });
    expect(verifies(secret, text, signWebhook([secret], id, timestamp, text), timestamp)).toBe(true);
  });

  it('rejects secrets that are not whsec_ plus base64, no secrets, and fractional timestamps', () => {
    expect(() => signWebhook(['not-a-secret'], id, nowSeconds(), body)).toThrow(/whsec_/);
    expect(() => signWebhook(['whsec_***'], id, nowSeconds(), body)).toThrow(/whsec_/);
    expect(() => signWebhook([], id, nowSeconds(), body)).toThrow(/at least one/);
    expect(() => signWebhook([newWebhookSecret()], id, 1.5, body)).toThrow(/whole seconds/);
  });
});

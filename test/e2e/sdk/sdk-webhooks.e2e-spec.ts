import type { AddressInfo } from 'node:net';
import { createClient, verifyWebhook, WebhookVerificationError, type HovedbokClient } from '@hovedbok/sdk';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { transferVoucher } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { LOCAL_WEBHOOKS_ENV, WebhookReceiver } from '../../support/webhook-receiver.js';

// A consumer's whole path through the SDK: subscribe, receive, verify with the SDK's own
// verifier, narrow the event on its type, and catch up through the feed.
describe('the SDK for webhook consumers', () => {
  let t: TestApp;
  let client: HovedbokClient;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await createTestApp({ env: LOCAL_WEBHOOKS_ENV, workers: true });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const token = await clientToken(t.http, await signUpCompany(t.http));
    client = createClient({ baseUrl: `http://127.0.0.1:${port}`, accessToken: token });
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('verifies a real delivery and narrows it to a typed voucher event, and refuses a forged one', async () => {
    const subscription = await client.createWebhookSubscription({
      url: receiver.url,
      eventTypes: ['voucher.booked'],
    });
    const booked = await client.createVoucher(transferVoucher('12.50'));
    await receiver.waitFor(1);
    const [delivery] = receiver.received;
    const headers = delivery.headers as Record<string, string>;
    const event = await verifyWebhook(subscription.secret, headers, delivery.body);
    if (event.type !== 'voucher.booked') throw new Error(`unexpected ${event.type}`);
    expect(event.data.number).toBe(booked.number);
    expect(event.data.postings.map((posting) => posting.amount)).toEqual(['12.50', '-12.50']);

    const forged = delivery.body.replace('12.50', '99.50');
    await expect(verifyWebhook(subscription.secret, headers, forged)).rejects.toBeInstanceOf(
      WebhookVerificationError,
    );
    const later = new Date(Date.now() + 10 * 60 * 1000);
    await expect(verifyWebhook(subscription.secret, headers, delivery.body, { now: later })).rejects.toThrow(
      /timestamp/,
    );

    const feed = await client.listEvents({ types: ['voucher.booked'] });
    expect(feed.data.map((e) => e.id)).toContain(event.id);
    expect(feed.nextCursor).toBe(String(event.sequence));
  });
});

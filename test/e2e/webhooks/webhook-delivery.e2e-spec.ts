import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { bearer, transferVoucher } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { LOCAL_WEBHOOKS_ENV, WebhookReceiver } from '../../support/webhook-receiver.js';
import {
  subscribeToBookings,
  unsubscribe as deleteSubscription,
} from '../../support/webhook-subscriptions.js';
import { waitFor } from '../../support/wait.js';

// A short retry schedule (seconds) stands in for the published three-day one: the same code
// path, scaled down. Jitter adds up to 20 % to each wait.
const SCHEDULE = [0, 0.3, 0.6, 0.9];
const TIMEOUT_MS = 500;

describe('webhook delivery (Standard Webhooks)', () => {
  let t: TestApp;
  let token: string;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        ...LOCAL_WEBHOOKS_ENV,
        WEBHOOK_RETRY_SCHEDULE: SCHEDULE.join(','),
        WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
        WORKER_POLL_INTERVAL_MS: '50',
      },
      workers: true,
    });
    token = await clientToken(t.http, await signUpCompany(t.http));
  });
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterEach(() => receiver.close());
  afterAll(() => t.close());

  const subscribe = (extra: object = {}) => subscribeToBookings(t.http, token, receiver.url, extra);

  async function book(amount = '10.00'): Promise<{ id: string }> {
    const res = await request(t.http).post('/v1/vouchers').set(bearer(token)).send(transferVoucher(amount));
    expect(res.status).toBe(201);
    return res.body as { id: string };
  }

  const unsubscribe = (id: string) => deleteSubscription(t.http, token, id);

  it('signs each delivery so that the standardwebhooks package verifies it, and a changed byte or an old timestamp fails', async () => {
    const subscription = await subscribe();
    const voucher = await book();
    await receiver.waitFor(1);
    const [delivery] = receiver.received;
    const headers = delivery.headers as Record<string, string>;
    const event = new Webhook(subscription.secret).verify(delivery.body, headers) as Record<string, unknown>;
    expect(event).toMatchObject({ type: 'voucher.booked', data: { id: voucher.id } });
    expect(headers['webhook-id']).toBe(event.id);
    expect(headers['content-type']).toBe('application/json');
    const feed = await request(t.http)
      .get(`/v1/events/${String(event.id)}`)
      .set(bearer(token));
    expect(JSON.parse(delivery.body)).toEqual(feed.body);

    const changed = delivery.body.replace('"voucher.booked"', '"voucher.bookeD"');
    expect(() => new Webhook(subscription.secret).verify(changed, headers)).toThrow();
    const old = { ...headers, 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 600) };
    expect(() => new Webhook(subscription.secret).verify(delivery.body, old)).toThrow();
    await unsubscribe(subscription.id);
  });

  it('signs with both secrets during a rotation overlap, and with the new one only after it', async () => {
    const subscription = await subscribe();
    const rotated = await request(t.http)
      .post(`/v1/webhook-subscriptions/${subscription.id}/rotate-secret`)
      .set(bearer(token))
      .send({ overlapHours: 1 });
    expect(rotated.status).toBe(200);
    await book();
    await receiver.waitFor(1);
    const during = receiver.received[0];
    const headers = during.headers as Record<string, string>;
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(rotated.body.secret).verify(during.body, headers)).not.toThrow();
    expect(() => new Webhook(subscription.secret).verify(during.body, headers)).not.toThrow();

    const retired = await request(t.http)
      .post(`/v1/webhook-subscriptions/${subscription.id}/rotate-secret`)
      .set(bearer(token))
      .send({ overlapHours: 0 });
    await book();
    await receiver.waitFor(2);
    const after = receiver.received[1];
    const afterHeaders = after.headers as Record<string, string>;
    expect(() => new Webhook(retired.body.secret).verify(after.body, afterHeaders)).not.toThrow();
    expect(() => new Webhook(rotated.body.secret).verify(after.body, afterHeaders)).toThrow();
    await unsubscribe(subscription.id);
  });

  it('retries a failing, timing-out and redirecting receiver on the schedule with the same webhook-id, never following the redirect', async () => {
    const elsewhere = await WebhookReceiver.start();
    const subscription = await subscribe();
    receiver.answer({ status: 500, body: 'boom' }, 'hang', { status: 302, location: elsewhere.url });
    await book();
    await receiver.waitFor(4, 20000);
    const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    const at = receiver.received.map((r) => r.receivedAt);
    // Each wait starts when the attempt before it ended: at once for 500 and 302, after the timeout for the hang.
    const lower = [SCHEDULE[1] * 1000, TIMEOUT_MS + SCHEDULE[2] * 1000, SCHEDULE[3] * 1000];
    lower.forEach((wait, index) => {
      const gap = at[index + 1] - at[index];
      expect(gap).toBeGreaterThanOrEqual(wait - 20);
      expect(gap).toBeLessThan(wait * 1.2 + 1500);
    });
    expect(elsewhere.received).toHaveLength(0);

    // The worker records the fourth attempt just after the receiver has answered it.
    const recorded = await waitForLog(subscription.id, (d) => d.status !== 'pending');
    const log = await request(t.http)
      .get(`/v1/webhook-subscriptions/${subscription.id}/deliveries`)
      .set(bearer(token));
    expect(log.body.data).toHaveLength(1);
    const delivery = await request(t.http)
      .get(`/v1/webhook-subscriptions/${subscription.id}/deliveries/${recorded.id as string}`)
      .set(bearer(token));
    expect(delivery.body).toMatchObject({ status: 'succeeded', attemptCount: 4, lastStatusCode: 204 });
    const attempts = delivery.body.attempts as Array<Record<string, unknown>>;
    expect(attempts.map((a) => a.outcome)).toEqual(['http_error', 'timeout', 'redirect', 'succeeded']);
    expect(attempts[0]).toMatchObject({ statusCode: 500, responseExcerpt: 'boom' });
    expect(attempts[2].error).toContain(elsewhere.url);
    await elsewhere.close();
    await unsubscribe(subscription.id);
  });

  it('gives up after the last attempt of the schedule and says so in the log', async () => {
    const subscription = await subscribe();
    receiver.fallback = { status: 503 };
    await book();
    await receiver.waitFor(SCHEDULE.length, 20000);
    const log = await waitForLog(subscription.id, (d) => d.status === 'failed');
    expect(log).toMatchObject({ status: 'failed', attemptCount: SCHEDULE.length, lastOutcome: 'http_error' });
    await unsubscribe(subscription.id);
  });

  it('delivers nothing for a write that rolled back: the next event follows the last one without a gap', async () => {
    const subscription = await subscribe();
    await book('1.00');
    await receiver.waitFor(1);
    const refused = await request(t.http)
      .post('/v1/vouchers')
      .set(bearer(token))
      .send({
        ...transferVoucher('2.00'),
        postings: [
          { accountNumber: '1920', amount: '2.00' },
          { accountNumber: '2050', amount: '-1.00' },
        ],
      });
    expect(refused.status).toBe(422);
    await book('3.00');
    await receiver.waitFor(2);
    const [first, second] = receiver.events();
    expect(second.sequence).toBe(first.sequence + 1);
    expect(receiver.received).toHaveLength(2);
    await unsubscribe(subscription.id);
  });

  it('redelivers one event, and a range, with the same webhook-ids', async () => {
    const subscription = await subscribe();
    await book('4.00');
    await book('5.00');
    await receiver.waitFor(2);
    // Deliveries run concurrently, so the receiver may see the two events in either order.
    const [first, second] = [...receiver.events()].sort((a, b) => a.sequence - b.sequence);
    const one = await request(t.http)
      .post(`/v1/webhook-subscriptions/${subscription.id}/events/${first.id}/redeliver`)
      .set(bearer(token));
    expect(one.status).toBe(202);
    expect(one.body).toEqual({ queued: 1 });
    await receiver.waitFor(3);
    expect(receiver.events()[2].id).toBe(first.id);
    const range = await request(t.http)
      .post(`/v1/webhook-subscriptions/${subscription.id}/redeliver`)
      .set(bearer(token))
      .send({ fromSequence: first.sequence, toSequence: second.sequence });
    expect(range.body).toEqual({ queued: 2 });
    await receiver.waitFor(5);
    expect(
      new Set(
        receiver
          .events()
          .slice(3)
          .map((e) => e.id),
      ),
    ).toEqual(new Set([first.id, second.id]));
    const log = await request(t.http)
      .get(`/v1/webhook-subscriptions/${subscription.id}/deliveries`)
      .set(bearer(token));
    expect(log.body.data.filter((d: { isManual: boolean }) => d.isManual)).toHaveLength(3);
    await unsubscribe(subscription.id);
  });

  it('sends a signed test ping and answers how the receiver took it', async () => {
    const subscription = await subscribe();
    receiver.answer({ status: 200, body: 'pong' });
    const ping = await request(t.http)
      .post(`/v1/webhook-subscriptions/${subscription.id}/ping`)
      .set(bearer(token));
    expect(ping.status).toBe(200);
    expect(ping.body).toMatchObject({ outcome: 'succeeded', statusCode: 200, responseExcerpt: 'pong' });
    const [delivery] = receiver.received;
    const verified = new Webhook(subscription.secret).verify(
      delivery.body,
      delivery.headers as Record<string, string>,
    );
    expect(verified).toMatchObject({ id: ping.body.id, type: 'webhook.ping' });
    await unsubscribe(subscription.id);
  });

  async function waitForLog(
    subscriptionId: string,
    done: (delivery: Record<string, unknown>) => boolean,
  ): Promise<Record<string, unknown>> {
    return waitFor('the delivery log to reach the expected state', async () => {
      const log = await request(t.http)
        .get(`/v1/webhook-subscriptions/${subscriptionId}/deliveries`)
        .set(bearer(token));
      const [latest] = log.body.data as Array<Record<string, unknown>>;
      return latest && done(latest) ? latest : undefined;
    });
  }
});

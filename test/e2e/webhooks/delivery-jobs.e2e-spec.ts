import { jest } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import {
  DELIVERIES_PER_JOB,
  FAILING_RECEIVER_PRIORITY,
  WebhookDeliverer,
  WebhookSubscriptionsService,
  WebhookTarget,
} from '../../../src/webhooks/index.js';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { relayAllEvents, relayEvents } from '../../support/events.js';
import { bearer, transferVoucher } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { LOCAL_WEBHOOKS_ENV, WebhookReceiver } from '../../support/webhook-receiver.js';
import {
  subscribeToBookings,
  unsubscribe as deleteSubscription,
} from '../../support/webhook-subscriptions.js';

interface DeliveryLogEntry {
  id: string;
  eventSequence: number;
  status: string;
  attemptCount: number;
  lastOutcome: string | null;
}

// No worker runs here: the test makes the relay pass and runs the delivery jobs itself, so that
// it sees exactly which job carries what.
describe('delivery jobs: a job per subscription and group of deliveries', () => {
  let t: TestApp;
  let token: string;
  let companyId: string;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await createTestApp({ env: { ...LOCAL_WEBHOOKS_ENV, WEBHOOK_RETRY_SCHEDULE: '0,60' } });
    const company = await signUpCompany(t.http);
    companyId = company.companyId;
    token = await clientToken(t.http, company);
  });
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterEach(() => receiver.close());
  afterAll(() => t.close());

  const subscribe = async () => (await subscribeToBookings(t.http, token, receiver.url)).id;

  async function bookBatch(count: number): Promise<void> {
    const vouchers = Array.from({ length: count }, (_, i) => transferVoucher(`${i + 1}.00`));
    const res = await request(t.http).post('/v1/vouchers/batch').set(bearer(token)).send({ vouchers });
    expect(res.status).toBe(201);
  }

  async function deliveries(subscriptionId: string): Promise<DeliveryLogEntry[]> {
    const res = await request(t.http)
      .get(`/v1/webhook-subscriptions/${subscriptionId}/deliveries`)
      .query({ limit: 100 })
      .set(bearer(token));
    expect(res.status).toBe(200);
    return (res.body.data as DeliveryLogEntry[]).sort((a, b) => a.eventSequence - b.eventSequence);
  }

  const unsubscribe = (id: string) => deleteSubscription(t.http, token, id);

  /** A new subscription with `count` deliveries relayed and waiting for their first attempt. */
  async function pendingDeliveries(count: number): Promise<{ subscription: string; ids: string[] }> {
    const subscription = await subscribe();
    await bookBatch(count);
    await relayEvents(t.app);
    const ids = (await deliveries(subscription)).map((d) => d.id);
    expect(ids).toHaveLength(count);
    return { subscription, ids };
  }
  const failingSince = async (subscription: string) =>
    (await request(t.http).get(`/v1/webhook-subscriptions/${subscription}`).set(bearer(token))).body
      .failingSince as string | null;

  it(`queues one job per subscription and ${DELIVERIES_PER_JOB} deliveries`, async () => {
    const first = await subscribe();
    const second = await subscribe();
    await relayEvents(t.app); // the subscriptions' own events, so that the pass below sees only the vouchers'
    await bookBatch(DELIVERIES_PER_JOB + 2);
    // The batch is one transaction, so one pass takes all its events.
    expect(await relayAllEvents(t.app)).toEqual({ numbered: DELIVERIES_PER_JOB + 2, queued: 4 });
    expect(await deliveries(first)).toHaveLength(DELIVERIES_PER_JOB + 2);
    expect(await deliveries(second)).toHaveLength(DELIVERIES_PER_JOB + 2);
    await unsubscribe(first);
    await unsubscribe(second);
  });

  it("sends a job's deliveries together and records each on its own: the one that failed alone waits for its retry", async () => {
    const { subscription, ids } = await pendingDeliveries(3);
    receiver.answer({ status: 503 });
    await t.app.get(WebhookDeliverer).deliver({ companyId, deliveryIds: ids, attempt: 1 });
    expect(receiver.received).toHaveLength(3);
    const after = await deliveries(subscription);
    expect(after.map((d) => d.attemptCount)).toEqual([1, 1, 1]);
    expect(after.filter((d) => d.status === 'succeeded')).toHaveLength(2);
    expect(after.filter((d) => d.status === 'pending' && d.lastOutcome === 'http_error')).toHaveLength(1);
    // Another delivery of the same job succeeded, so the receiver is not failing.
    expect(await failingSince(subscription)).toBeNull();
    await unsubscribe(subscription);
  });

  it('sends nothing again when a job runs a second time (after a crash between recording and completing it)', async () => {
    const { subscription, ids } = await pendingDeliveries(2);
    const deliverer = t.app.get(WebhookDeliverer);
    await deliverer.deliver({ companyId, deliveryIds: ids, attempt: 1 });
    await deliverer.deliver({ companyId, deliveryIds: ids, attempt: 1 });
    expect(receiver.received).toHaveLength(2);
    expect((await deliveries(subscription)).map((d) => [d.status, d.attemptCount])).toEqual([
      ['succeeded', 1],
      ['succeeded', 1],
    ]);
    await unsubscribe(subscription);
  });

  it('still runs a job queued before deliveries were grouped (one deliveryId)', async () => {
    const { subscription, ids } = await pendingDeliveries(1);
    await t.app.get(WebhookDeliverer).deliver({ companyId, deliveryId: ids[0], attempt: 1 });
    expect(receiver.received).toHaveLength(1);
    expect((await deliveries(subscription))[0]).toMatchObject({ status: 'succeeded', attemptCount: 1 });
    await unsubscribe(subscription);
  });

  it('sets failingSince when every delivery of a job failed', async () => {
    const { subscription, ids } = await pendingDeliveries(2);
    receiver.fallback = { status: 500 };
    await t.app.get(WebhookDeliverer).deliver({ companyId, deliveryIds: ids, attempt: 1 });
    expect(await failingSince(subscription)).toEqual(expect.any(String));
    await unsubscribe(subscription);
  });

  /** The queued delivery jobs that carry `deliveryId`: attempt and queue priority of each. */
  async function jobsOf(deliveryId: string): Promise<Array<{ attempt: number; priority: number }>> {
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ attempt: number; priority: number }>(
        `SELECT (payload->>'attempt')::int AS attempt, priority FROM graphile_worker._private_jobs
          WHERE (payload->'deliveryIds')::jsonb @> to_jsonb(ARRAY[$1::text]) ORDER BY 1`,
        [deliveryId],
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  it("queues the jobs of a subscription whose receiver is failing, and every retry, behind other subscriptions' jobs", async () => {
    const failing = await pendingDeliveries(1);
    receiver.fallback = { status: 500 };
    await t.app.get(WebhookDeliverer).deliver({ companyId, deliveryIds: failing.ids, attempt: 1 });
    const healthy = await subscribe();
    await relayEvents(t.app);
    await bookBatch(1);
    await relayEvents(t.app);
    const [retried, fresh] = await deliveries(failing.subscription);
    const [other] = await deliveries(healthy);
    expect(retried.id).toBe(failing.ids[0]);
    expect(await jobsOf(retried.id)).toEqual([
      { attempt: 1, priority: 0 },
      { attempt: 2, priority: FAILING_RECEIVER_PRIORITY },
    ]);
    expect(await jobsOf(fresh.id)).toEqual([{ attempt: 1, priority: FAILING_RECEIVER_PRIORITY }]);
    expect(await jobsOf(other.id)).toEqual([{ attempt: 1, priority: 0 }]);
    await unsubscribe(failing.subscription);
    await unsubscribe(healthy);
  });

  it('records a delivery our side could not send as a failed attempt, and the rest of its job as sent', async () => {
    const { subscription, ids } = await pendingDeliveries(2);
    const sender = t.app.get(WebhookTarget).sender;
    const send = jest.spyOn(sender, 'send').mockRejectedValueOnce(new TypeError('Invalid header value'));
    try {
      await t.app.get(WebhookDeliverer).deliver({ companyId, deliveryIds: ids, attempt: 1 });
    } finally {
      send.mockRestore();
    }
    expect(receiver.received).toHaveLength(1);
    const after = await deliveries(subscription);
    expect(after.map((d) => [d.status, d.attemptCount, d.lastOutcome]).sort()).toEqual([
      ['pending', 1, 'network_error'],
      ['succeeded', 1, 'succeeded'],
    ]);
    await unsubscribe(subscription);
  });

  const deliver = (ids: string[], attempt = 1) =>
    t.app.get(WebhookDeliverer).deliver({ companyId, deliveryIds: ids, attempt });
  const attemptsOf = async (subscription: string, delivery: string) =>
    (
      await request(t.http)
        .get(`/v1/webhook-subscriptions/${subscription}/deliveries/${delivery}`)
        .set(bearer(token))
    ).body.attempts as Array<{ outcome: string; responseExcerpt: string | null }>;

  it('records an answer with NUL bytes (a binary body), showing them as U+FFFD', async () => {
    const { subscription, ids } = await pendingDeliveries(1);
    receiver.answer({ status: 200, body: 'ok\u0000\u0000bin' });
    await deliver(ids);
    expect(await attemptsOf(subscription, ids[0])).toMatchObject([
      { outcome: 'succeeded', responseExcerpt: 'ok\uFFFD\uFFFDbin' },
    ]);
    await unsubscribe(subscription);
  });

  it('logs the attempt of a subscription disabled while it was sent, but neither revives the delivery nor retries it', async () => {
    const { subscription, ids } = await pendingDeliveries(1);
    receiver.answer({ status: 500, delayMs: 300 });
    const sending = deliver(ids);
    await receiver.waitFor(1);
    const disabled = await request(t.http)
      .patch(`/v1/webhook-subscriptions/${subscription}`)
      .set(bearer(token))
      .send({ isEnabled: false });
    expect(disabled.status).toBe(200);
    await sending;
    expect((await deliveries(subscription))[0]).toMatchObject({ status: 'failed', attemptCount: 0 });
    expect(await attemptsOf(subscription, ids[0])).toMatchObject([{ outcome: 'http_error' }]);
    expect(await jobsOf(ids[0])).toEqual([{ attempt: 1, priority: 0 }]);
    await unsubscribe(subscription);
  });

  it('changes a delivery once and queues one retry when two runs of its job overlap (a worker wrongly thought dead)', async () => {
    const { subscription, ids } = await pendingDeliveries(1);
    receiver.fallback = { status: 500, delayMs: 200 };
    await Promise.all([deliver(ids), deliver(ids)]);
    expect(receiver.received).toHaveLength(2);
    expect(await attemptsOf(subscription, ids[0])).toHaveLength(2);
    expect((await deliveries(subscription))[0]).toMatchObject({ status: 'pending', attemptCount: 1 });
    expect(await jobsOf(ids[0])).toEqual([
      { attempt: 1, priority: 0 },
      { attempt: 2, priority: FAILING_RECEIVER_PRIORITY },
    ]);
    await unsubscribe(subscription);
  });

  it('disables a subscription in the transaction that records the 410, so a failure leaves neither and the next run decides again', async () => {
    const { subscription, ids } = await pendingDeliveries(1);
    receiver.fallback = { status: 410 };
    const disable = jest
      .spyOn(t.app.get(WebhookSubscriptionsService), 'disableByDelivery')
      .mockRejectedValueOnce(new Error('connection lost'));
    try {
      await expect(deliver(ids)).rejects.toThrow('connection lost');
    } finally {
      disable.mockRestore();
    }
    expect((await deliveries(subscription))[0]).toMatchObject({ status: 'pending', attemptCount: 0 });
    await deliver(ids);
    expect((await deliveries(subscription))[0]).toMatchObject({ status: 'failed', attemptCount: 1 });
    expect(await attemptsOf(subscription, ids[0])).toMatchObject([{ outcome: 'gone' }]);
    const res = await request(t.http).get(`/v1/webhook-subscriptions/${subscription}`).set(bearer(token));
    expect(res.body).toMatchObject({ isEnabled: false, disabledReason: 'gone' });
    await unsubscribe(subscription);
  });
});

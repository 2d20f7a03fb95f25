import request from 'supertest';
import { relayEvents } from '../../support/events.js';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { bearer, transferVoucher } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { LOCAL_WEBHOOKS_ENV, WebhookReceiver } from '../../support/webhook-receiver.js';
import { subscribeToBookings } from '../../support/webhook-subscriptions.js';
import { waitFor } from '../../support/wait.js';

describe('subscriptions Hovedbok gives up on', () => {
  let t: TestApp;
  let token: string;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        ...LOCAL_WEBHOOKS_ENV,
        WEBHOOK_RETRY_SCHEDULE: '0,0.4,0.4,0.4,0.4,0.4,0.4,0.4',
        WEBHOOK_DISABLE_AFTER_SECONDS: '1',
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

  const subscribe = async () => (await subscribeToBookings(t.http, token, receiver.url)).id;

  const subscription = async (id: string) =>
    (await request(t.http).get(`/v1/webhook-subscriptions/${id}`).set(bearer(token))).body as Record<
      string,
      unknown
    >;

  const disabled = (id: string) =>
    waitFor(`subscription ${id} to be disabled`, async () => {
      const current = await subscription(id);
      return current.isEnabled === false ? current : undefined;
    });

  async function tellsTheOwner(id: string, reason: string): Promise<void> {
    await relayEvents(t.app);
    const feed = await request(t.http)
      .get('/v1/events')
      .query({ types: 'webhook_subscription.disabled' })
      .set(bearer(token));
    const event = (feed.body.data as Array<{ data: Record<string, unknown> }>).find((e) => e.data.id === id);
    expect(event?.data).toEqual(await subscription(id));
    expect(event?.data.disabledReason).toBe(reason);
    const audit = await request(t.http)
      .get('/v1/audit-events')
      .query({ resourceType: 'webhook_subscription', resourceId: id })
      .set(bearer(token));
    const entry = (audit.body.data as Array<Record<string, unknown>>).find(
      (e) => e.action === 'webhook_subscription.disabled',
    );
    expect(entry).toMatchObject({ actor: { kind: 'system' }, details: { reason } });
  }

  it('disables a subscription at once when its receiver answers 410 Gone, and tells the owner', async () => {
    const id = await subscribe();
    receiver.answer({ status: 410 });
    await request(t.http).post('/v1/vouchers').set(bearer(token)).send(transferVoucher('1.00'));
    expect(await disabled(id)).toMatchObject({ disabledReason: 'gone' });
    expect(receiver.received).toHaveLength(1);
    await tellsTheOwner(id, 'gone');

    await request(t.http).post('/v1/vouchers').set(bearer(token)).send(transferVoucher('2.00'));
    await relayEvents(t.app);
    const log = await request(t.http).get(`/v1/webhook-subscriptions/${id}/deliveries`).set(bearer(token));
    expect(log.body.data).toHaveLength(1);
    expect(receiver.received).toHaveLength(1);
  });

  it('disables a subscription whose deliveries fail for longer than the limit, and gives up its pending deliveries', async () => {
    const id = await subscribe();
    receiver.fallback = { status: 500 };
    await request(t.http).post('/v1/vouchers').set(bearer(token)).send(transferVoucher('3.00'));
    const current = await disabled(id);
    expect(current).toMatchObject({ disabledReason: 'failing' });
    expect(receiver.received.length).toBeGreaterThanOrEqual(3);
    await tellsTheOwner(id, 'failing');
    const log = await request(t.http).get(`/v1/webhook-subscriptions/${id}/deliveries`).set(bearer(token));
    expect(log.body.data.map((d: { status: string }) => d.status)).toEqual(['failed']);

    const again = await request(t.http)
      .patch(`/v1/webhook-subscriptions/${id}`)
      .set(bearer(token))
      .send({ isEnabled: true });
    expect(again.body).toMatchObject({ isEnabled: true, disabledReason: null, failingSince: null });
  });

  it('refuses redelivery and pings to a disabled subscription with 409', async () => {
    const id = await subscribe();
    await request(t.http)
      .patch(`/v1/webhook-subscriptions/${id}`)
      .set(bearer(token))
      .send({ isEnabled: false });
    const ping = await request(t.http).post(`/v1/webhook-subscriptions/${id}/ping`).set(bearer(token));
    expect(ping.status).toBe(409);
    expect(ping.body.code).toBe('WEBHOOK_SUBSCRIPTION_DISABLED');
    const range = await request(t.http)
      .post(`/v1/webhook-subscriptions/${id}/redeliver`)
      .set(bearer(token))
      .send({ fromSequence: 1, toSequence: 5 });
    expect(range.status).toBe(409);
  });
});

// The URL was accepted when registered (there, 127.0.0.1 was allowed); the worker that delivers
// runs without the allow-list and checks the address again, after resolving it, so a host that
// turned private after registration (DNS rebinding) is never called.
describe('the target is checked again at delivery', () => {
  it('refuses to deliver to an address that is not public now, and logs why', async () => {
    const receiver = await WebhookReceiver.start();
    const registrar = await createTestApp({ env: LOCAL_WEBHOOKS_ENV });
    const deliverer = await createTestApp({
      env: { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_RETRY_SCHEDULE: '0', WORKER_POLL_INTERVAL_MS: '50' },
      database: registrar.database,
      keepDatabase: true,
      workers: true,
    });
    try {
      const token = await clientToken(registrar.http, await signUpCompany(registrar.http));
      const created = await request(registrar.http)
        .post('/v1/webhook-subscriptions')
        .set(bearer(token))
        .send({ url: receiver.url, eventTypes: ['voucher.booked'] });
      expect(created.status).toBe(201);
      await request(registrar.http).post('/v1/vouchers').set(bearer(token)).send(transferVoucher('4.00'));
      const delivery = await waitFor('the delivery to fail', async () => {
        const log = await request(registrar.http)
          .get(`/v1/webhook-subscriptions/${created.body.id}/deliveries`)
          .set(bearer(token));
        const [latest] = log.body.data as Array<Record<string, unknown>>;
        return latest?.status === 'failed' ? latest : undefined;
      });
      expect(delivery).toMatchObject({ lastOutcome: 'refused_target', lastStatusCode: null });
      expect(receiver.received).toHaveLength(0);
    } finally {
      await deliverer.close();
      await registrar.close();
      await receiver.close();
    }
  });
});

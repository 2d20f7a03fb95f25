import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { LOCAL_WEBHOOKS_ENV, WebhookReceiver } from '../../support/webhook-receiver.js';
import { bearer } from '../../support/ledger.js';

describe('webhook smoke', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    t = await createTestApp({ env: LOCAL_WEBHOOKS_ENV, workers: true });
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('delivers a signed event', async () => {
    const company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company);
    const first = await request(t.http)
      .post('/v1/webhook-subscriptions')
      .set(bearer(token))
      .send({ url: receiver.url });
    expect(first.status).toBe(201);
    const second = await request(t.http)
      .post('/v1/webhook-subscriptions')
      .set(bearer(token))
      .send({ url: receiver.url, description: 'two' });
    expect(second.status).toBe(201);
    await receiver.waitFor(2);
    const [delivery] = receiver.received;
    const verified = new Webhook(first.body.secret).verify(
      delivery.body,
      delivery.headers as Record<string, string>,
    );
    expect(verified).toMatchObject({ type: 'webhook_subscription.created', sequence: 1 });
    const feed = await request(t.http).get('/v1/events').set(bearer(token));
    expect(feed.status).toBe(200);
    expect(feed.body.data.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2]);
  });
});

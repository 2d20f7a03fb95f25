import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { relayEvents } from '../../support/events.js';
import { graphql } from '../../support/graphql.js';
import { bearer } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { LOCAL_WEBHOOKS_ENV, WebhookReceiver } from '../../support/webhook-receiver.js';

// No workers run, so nothing is delivered but pings: the URL only has to pass the (local) URL policy.
const URL = 'http://127.0.0.1:9/hooks';
const FIELDS = `id url description eventTypes readableScopes isEnabled disabledReason disabledAt
  previousSecretExpiresAt failingSince createdAt updatedAt version`;

const CREATE = `mutation ($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { ${FIELDS} secret } }`;
const ONE = `query ($id: ID!) { webhookSubscription(id: $id) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $v: Int, $input: UpdateWebhookSubscriptionInput!) {
  updateWebhookSubscription(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
const ROTATE = `mutation ($id: ID!, $hours: Int) {
  rotateWebhookSecret(id: $id, overlapHours: $hours) { ${FIELDS} secret } }`;
const DELETE = `mutation ($id: ID!, $v: Int) { deleteWebhookSubscription(id: $id, expectedVersion: $v) }`;
const PING = `mutation ($id: ID!) { pingWebhookSubscription(id: $id) { id outcome statusCode responseExcerpt } }`;
const DELIVERY_FIELDS = 'id subscriptionId eventId eventType eventSequence status isManual attemptCount';
const DELIVERIES = `query ($id: ID!, $status: WebhookDeliveryStatus) {
  webhookDeliveries(subscriptionId: $id, status: $status, limit: 20) { data { ${DELIVERY_FIELDS} } nextCursor } }`;
const DELIVERY = `query ($subscriptionId: ID!, $id: ID!) {
  webhookDelivery(subscriptionId: $subscriptionId, id: $id) { ${DELIVERY_FIELDS} attempts { attemptNumber } } }`;
const REDELIVER = `mutation ($id: ID!, $eventId: ID!) {
  redeliverWebhookEvent(subscriptionId: $id, eventId: $eventId) { queued } }`;
const REDELIVER_RANGE = `mutation ($id: ID!, $from: Int!, $to: Int!) {
  redeliverWebhookEvents(subscriptionId: $id, fromSequence: $from, toSequence: $to) { queued } }`;

type Subscription = Record<string, unknown> & { id: string; version: number; secret: string };

describe('GraphQL webhook subscriptions and deliveries', () => {
  let t: TestApp;
  let company: SignedUpCompany;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp({ env: LOCAL_WEBHOOKS_ENV });
    company = await signUpCompany(t.http);
    token = await clientToken(t.http, company, ['webhooks:read', 'webhooks:write', 'vouchers:read']);
  });
  afterAll(() => t.close());

  const gql = (query: string, variables: Record<string, unknown> = {}, as = token) =>
    graphql(t.http, as, query, variables);
  async function subscribe(input: Record<string, unknown> = {}, as = token): Promise<Subscription> {
    const res = await gql(CREATE, { input: { url: URL, ...input } }, as);
    expect(res.errors).toBeUndefined();
    return res.data.createWebhookSubscription as Subscription;
  }
  const restGet = (id: string, as = token) =>
    request(t.http).get(`/v1/webhook-subscriptions/${id}`).set(bearer(as));

  it('creates a subscription whose secret only the mutation shows, and reads it as REST does', async () => {
    const created = await subscribe({
      description: 'Order sync',
      eventTypes: ['voucher.reversed', 'voucher.booked'],
    });
    const { secret, ...subscription } = created;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(subscription).toMatchObject({
      url: URL,
      description: 'Order sync',
      eventTypes: ['voucher.booked', 'voucher.reversed'],
      isEnabled: true,
      disabledReason: null,
    });
    const one = await gql(ONE, { id: created.id });
    expect(one.data.webhookSubscription).toEqual(subscription);
    expect(one.data.webhookSubscription).toEqual((await restGet(created.id)).body);
    const listed = await gql(`{ webhookSubscriptions { ${FIELDS} } }`);
    expect(listed.data.webhookSubscriptions).toContainEqual(subscription);
    expect(JSON.stringify([one, listed])).not.toContain(secret.replace(/^whsec_/, ''));
  });

  it('changes a subscription with a version check, rotates its secret and deletes it', async () => {
    const created = await subscribe();
    const input = { description: 'Renamed', isEnabled: false };
    const changed = await gql(UPDATE, { id: created.id, v: created.version, input });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateWebhookSubscription).toMatchObject({
      ...input,
      disabledReason: 'manual',
      version: created.version + 1,
    });
    expect(changed.data.updateWebhookSubscription).toEqual((await restGet(created.id)).body);
    const stale = await gql(UPDATE, { id: created.id, v: created.version, input });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'PRECONDITION_FAILED', status: 412 });

    const rotated = await gql(ROTATE, { id: created.id, hours: 2 });
    expect(rotated.errors).toBeUndefined();
    const { secret, ...afterRotation } = rotated.data.rotateWebhookSecret;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(created.secret);
    expect(afterRotation.previousSecretExpiresAt).toEqual(expect.any(String));
    expect(afterRotation).toEqual((await restGet(created.id)).body);

    const staleDelete = await gql(DELETE, { id: created.id, v: created.version });
    expect(staleDelete.errors?.[0].extensions).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const deleted = await gql(DELETE, { id: created.id, v: afterRotation.version });
    expect(deleted.data).toEqual({ deleteWebhookSubscription: true });
    const gone = await gql(ONE, { id: created.id });
    expect(gone.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect((await restGet(created.id)).status).toBe(404);
  });

  it("lists a subscription's deliveries as REST does, one with its attempts, and queues redeliveries", async () => {
    // A company of its own: the relay fans out every pending event of the company to the subscription.
    const own = await clientToken(t.http, await signUpCompany(t.http), ['webhooks:read', 'webhooks:write']);
    const subscription = await subscribe({}, own);
    await relayEvents(t.app);
    const log = await gql(DELIVERIES, { id: subscription.id }, own);
    expect(log.errors).toBeUndefined();
    const [delivery] = log.data.webhookDeliveries.data;
    expect(log.data.webhookDeliveries).toEqual({ data: [delivery], nextCursor: null });
    expect(delivery).toMatchObject({
      subscriptionId: subscription.id,
      eventType: 'webhook_subscription.created',
      status: 'pending',
      isManual: false,
    });
    const rest = await request(t.http)
      .get(`/v1/webhook-subscriptions/${subscription.id}/deliveries`)
      .set(bearer(own));
    expect(rest.body.data).toEqual([expect.objectContaining(delivery)]);

    const one = await gql(DELIVERY, { subscriptionId: subscription.id, id: delivery.id }, own);
    expect(one.data.webhookDelivery).toEqual({ ...delivery, attempts: [] });

    const again = await gql(REDELIVER, { id: subscription.id, eventId: delivery.eventId }, own);
    expect(again.data).toEqual({ redeliverWebhookEvent: { queued: 1 } });
    const range = { id: subscription.id, from: delivery.eventSequence, to: delivery.eventSequence };
    expect((await gql(REDELIVER_RANGE, range, own)).data).toEqual({ redeliverWebhookEvents: { queued: 1 } });
    const pending = await gql(DELIVERIES, { id: subscription.id, status: 'pending' }, own);
    const manual = pending.data.webhookDeliveries.data.filter((d: { isManual: boolean }) => d.isManual);
    expect(manual).toHaveLength(2);
  });

  it('pings a subscription and tells how the receiver answered', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      receiver.answer({ status: 200, body: 'pong' });
      const subscription = await subscribe({ url: receiver.url });
      const ping = await gql(PING, { id: subscription.id });
      expect(ping.data.pingWebhookSubscription).toMatchObject({
        outcome: 'succeeded',
        statusCode: 200,
        responseExcerpt: 'pong',
      });
      expect(receiver.received[0].headers['webhook-id']).toBe(ping.data.pingWebhookSubscription.id);
    } finally {
      await receiver.close();
    }
  });

  it('refuses input the REST DTO refuses with VALIDATION_FAILED pointing at it', async () => {
    const badUrl = await gql(CREATE, { input: { url: 'not a url' } });
    expect(badUrl.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(badUrl.errors?.[0].extensions.errors).toEqual([
      expect.objectContaining({ pointer: '/input/url' }),
    ]);
    const created = await subscribe();
    const longOverlap = await gql(ROTATE, { id: created.id, hours: 500 });
    expect(longOverlap.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(longOverlap.errors?.[0].extensions.errors).toEqual([
      expect.objectContaining({ pointer: '/overlapHours' }),
    ]);
    expect((await restGet(created.id)).body.version).toBe(created.version);
  });

  it('refuses a token without webhooks:write with INSUFFICIENT_SCOPE, as REST does', async () => {
    const readOnly = await clientToken(t.http, company, ['webhooks:read']);
    const res = await gql(CREATE, { input: { url: URL } }, readOnly);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INSUFFICIENT_SCOPE', status: 403 });
    const rest = await request(t.http)
      .post('/v1/webhook-subscriptions')
      .set(bearer(readOnly))
      .send({ url: URL });
    expect(rest.body.code).toBe('INSUFFICIENT_SCOPE');
  });

  it("answers NOT_FOUND to another company's token on every operation, changing nothing", async () => {
    const created = await subscribe({ description: 'Mine' });
    const before = (await restGet(created.id)).body;
    const theirs = await clientToken(t.http, await signUpCompany(t.http), [
      'webhooks:read',
      'webhooks:write',
    ]);
    const id = created.id;
    const answers = [
      await gql(ONE, { id }, theirs),
      await gql(UPDATE, { id, input: { description: 'Theirs', isEnabled: false } }, theirs),
      await gql(ROTATE, { id, hours: 0 }, theirs),
      await gql(PING, { id }, theirs),
      await gql(DELIVERIES, { id }, theirs),
      await gql(REDELIVER_RANGE, { id, from: 1, to: 5 }, theirs),
      await gql(DELETE, { id }, theirs),
    ];
    for (const res of answers)
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect((await restGet(created.id)).body).toEqual(before);
  });
});

describe('GraphQL webhook URLs under the production policy', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await clientToken(t.http, await signUpCompany(t.http), ['webhooks:read', 'webhooks:write']);
  });
  afterAll(() => t.close());

  it('refuses a loopback URL with WEBHOOK_URL_REFUSED and the same detail as REST, storing nothing', async () => {
    const url = 'https://127.0.0.1/h';
    const res = await graphql(t.http, token, CREATE, { input: { url } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'WEBHOOK_URL_REFUSED', status: 422 });
    expect(res.errors?.[0].extensions.errors).toEqual([expect.objectContaining({ pointer: '/url' })]);
    const rest = await request(t.http).post('/v1/webhook-subscriptions').set(bearer(token)).send({ url });
    expect(rest.status).toBe(422);
    expect(rest.body.code).toBe('WEBHOOK_URL_REFUSED');
    expect(res.errors?.[0].message).toBe(rest.body.detail);
    const listed = await graphql(t.http, token, '{ webhookSubscriptions { id } }');
    expect(listed.data).toEqual({ webhookSubscriptions: [] });
  });
});

import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { eventsOfType, expectEnvelope, onlyEventOfType } from '../../support/event-feed.js';
import { bearer } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { LOCAL_WEBHOOKS_ENV } from '../../support/webhook-receiver.js';

// No workers run, so nothing is delivered: the URL only has to pass the (local) URL policy.
const URL = 'http://127.0.0.1:9/hooks';

/** Neither a `secret` field nor any Standard Webhooks secret anywhere in the value. */
function expectNoSecret(value: unknown, ...secrets: string[]): void {
  const json = JSON.stringify(value);
  expect(json).not.toMatch(/whsec_|"secret"|"previousSecret"/i);
  for (const secret of secrets) expect(json).not.toContain(secret.replace(/^whsec_/, ''));
}

describe('webhook subscription events and audit entries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: LOCAL_WEBHOOKS_ENV });
  });
  afterAll(() => t.close());

  // A company of its own per test, so each test sees only its own events and audit entries.
  async function newCompany(): Promise<{ company: SignedUpCompany; token: string }> {
    const company = await signUpCompany(t.http);
    const token = await clientToken(t.http, company, [
      'webhooks:read',
      'webhooks:write',
      'events:read',
      'audit:read',
    ]);
    return { company, token };
  }
  const path = (id?: string) => (id ? `/v1/webhook-subscriptions/${id}` : '/v1/webhook-subscriptions');
  async function subscribe(token: string): Promise<{ id: string; secret: string }> {
    const res = await request(t.http).post(path()).set(bearer(token)).send({ url: URL, description: 'Sync' });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  }
  const getSubscription = async (token: string, id: string) =>
    (await request(t.http).get(path(id)).set(bearer(token))).body as Record<string, unknown>;
  const auditOf = async (token: string, id: string) => {
    const res = await request(t.http).get('/v1/audit-events').query({ resourceId: id }).set(bearer(token));
    expect(res.status).toBe(200);
    return (res.body.data as Array<{ action: string; resourceType: string; details: object }>).reverse();
  };

  it('publishes webhook_subscription.created carrying the subscription as GET returns it, without its secret', async () => {
    const { company, token } = await newCompany();
    const created = await subscribe(token);
    const event = await onlyEventOfType(t, token, 'webhook_subscription.created');
    expectEnvelope(event, 'webhook_subscription.created', company.companyId);
    expect(event.data).toEqual(await getSubscription(token, created.id));
    expectNoSecret(event, created.secret);
  });

  it('publishes webhook_subscription.updated for a change and for a rotation, each carrying the subscription then', async () => {
    const { company, token } = await newCompany();
    const created = await subscribe(token);
    const changed = await request(t.http)
      .patch(path(created.id))
      .set(bearer(token))
      .send({ description: 'Renamed', isEnabled: false });
    expect(changed.status).toBe(200);
    const rotated = await request(t.http)
      .post(`${path(created.id)}/rotate-secret`)
      .set(bearer(token))
      .send({ overlapHours: 2 });
    expect(rotated.status).toBe(200);
    const events = await eventsOfType(t, token, 'webhook_subscription.updated');
    expect(events).toHaveLength(2);
    for (const event of events) expectEnvelope(event, 'webhook_subscription.updated', company.companyId);
    expect(events[0].data).toEqual(changed.body);
    const { secret: _secret, ...afterRotation } = rotated.body;
    expect(events[1].data).toEqual(afterRotation);
    expect(events[1].data).toEqual(await getSubscription(token, created.id));
    expectNoSecret(events, created.secret, rotated.body.secret);
  });

  it('publishes webhook_subscription.deleted carrying the subscription as it was', async () => {
    const { company, token } = await newCompany();
    const created = await subscribe(token);
    const before = await getSubscription(token, created.id);
    expect((await request(t.http).delete(path(created.id)).set(bearer(token))).status).toBe(204);
    const event = await onlyEventOfType(t, token, 'webhook_subscription.deleted');
    expectEnvelope(event, 'webhook_subscription.deleted', company.companyId);
    expect(event.data).toEqual(before);
    expectNoSecret(event, created.secret);
  });

  it('audits creating, changing, rotating and deleting, with no secret in the entries', async () => {
    const { token } = await newCompany();
    const created = await subscribe(token);
    await request(t.http).patch(path(created.id)).set(bearer(token)).send({ description: 'Renamed' });
    const rotated = await request(t.http)
      .post(`${path(created.id)}/rotate-secret`)
      .set(bearer(token))
      .send({});
    await request(t.http).delete(path(created.id)).set(bearer(token));
    const entries = await auditOf(token, created.id);
    expect(entries.map((entry) => entry.action)).toEqual([
      'webhook_subscription.created',
      'webhook_subscription.updated',
      'webhook_subscription.updated',
      'webhook_subscription.deleted',
    ]);
    expect(entries.every((entry) => entry.resourceType === 'webhook_subscription')).toBe(true);
    expect(entries[0].details).toMatchObject({ url: URL });
    expect(entries[1].details).toMatchObject({ changes: { description: 'Renamed' } });
    expect(entries[2].details).toMatchObject({ secretRotated: true, overlapHours: 24 });
    expectNoSecret(entries, created.secret, rotated.body.secret);
  });

  it('publishes and audits nothing for a refused change', async () => {
    const { token } = await newCompany();
    const created = await subscribe(token);
    const stale = await request(t.http)
      .patch(path(created.id))
      .set(bearer(token))
      .set('If-Match', '"999"')
      .send({ description: 'Lost' });
    expect(stale.status).toBe(412);
    const unknown = await request(t.http)
      .patch(path(created.id))
      .set(bearer(token))
      .send({ eventTypes: ['voucher.exploded'] });
    expect(unknown.status).toBe(400);
    expect(await eventsOfType(t, token, 'webhook_subscription.updated')).toEqual([]);
    expect((await auditOf(token, created.id)).map((entry) => entry.action)).toEqual([
      'webhook_subscription.created',
    ]);
  });
});

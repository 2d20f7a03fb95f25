import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { relayEvents } from '../../support/events.js';
import { graphql } from '../../support/graphql.js';
import { bearer } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { LOCAL_WEBHOOKS_ENV } from '../../support/webhook-receiver.js';

// No workers run, so nothing is delivered: the URL only has to pass the (local) URL policy.
const URL = 'http://127.0.0.1:9/hooks';
const CREATED = 'webhook_subscription.created';
const EVENT_FIELDS = 'id type timestamp companyId sequence dataJson';
const EVENTS = `query ($after: String, $limit: Int, $types: [String!]) {
  events(after: $after, limit: $limit, types: $types) { data { ${EVENT_FIELDS} } nextCursor hasMore } }`;
const EVENT = `query ($id: ID!) { event(id: $id) { ${EVENT_FIELDS} } }`;

interface EventModel {
  id: string;
  type: string;
  sequence: number;
  dataJson: string;
}

/** The event as REST returns it: `dataJson` parsed back into `data`. */
const asRest = ({ dataJson, ...event }: EventModel) => ({ ...event, data: JSON.parse(dataJson) });

describe('GraphQL events', () => {
  let t: TestApp;
  let company: SignedUpCompany;
  let token: string;
  let subscriptionIds: string[];
  beforeAll(async () => {
    t = await createTestApp({ env: LOCAL_WEBHOOKS_ENV });
    company = await signUpCompany(t.http);
    token = await clientToken(t.http, company, ['events:read', 'webhooks:read', 'webhooks:write']);
    subscriptionIds = [];
    for (const description of ['First', 'Second']) {
      const res = await request(t.http)
        .post('/v1/webhook-subscriptions')
        .set(bearer(token))
        .send({ url: URL, description });
      expect(res.status).toBe(201);
      subscriptionIds.push(res.body.id as string);
    }
    await relayEvents(t.app);
  });
  afterAll(() => t.close());

  const gql = (query: string, variables: Record<string, unknown> = {}, as = token) =>
    graphql(t.http, as, query, variables);
  const restGet = async (path: string, as = token) => (await request(t.http).get(path).set(bearer(as))).body;

  it('shows webhook_subscription.created carrying the subscription as REST GET returns it', async () => {
    const res = await gql(EVENTS, { types: [CREATED] });
    expect(res.errors).toBeUndefined();
    const page = res.data.events;
    expect(page.data).toHaveLength(2);
    expect(page.hasMore).toBe(false);
    expect(page.nextCursor).toBe(String(page.data[1].sequence));
    const [first] = page.data as EventModel[];
    expect(first).toMatchObject({ type: CREATED, companyId: company.companyId });
    expect(JSON.parse(first.dataJson)).toEqual(
      await restGet(`/v1/webhook-subscriptions/${subscriptionIds[0]}`),
    );
    expect(asRest(first)).toEqual(await restGet(`/v1/events/${first.id}`));
  });

  it('pages the feed with after and limit exactly as REST does', async () => {
    const first = (await gql(EVENTS, { limit: 1 })).data.events;
    expect(first).toMatchObject({ data: [expect.anything()], hasMore: true });
    const second = (await gql(EVENTS, { limit: 1, after: first.nextCursor })).data.events;
    expect(second.data[0].sequence).toBeGreaterThan(first.data[0].sequence);
    const rest = await request(t.http)
      .get('/v1/events')
      .query({ limit: 1, after: first.nextCursor })
      .set(bearer(token));
    expect({ ...second, data: second.data.map(asRest) }).toEqual(rest.body);
  });

  it('reads one event by id', async () => {
    const [first] = (await gql(EVENTS, { types: [CREATED] })).data.events.data as EventModel[];
    const one = await gql(EVENT, { id: first.id });
    expect(one.data.event).toEqual(first);
  });

  it('lists the event types with their scope and the schema of their data, as REST does', async () => {
    const res = await gql('{ eventTypes { type summary scope schema } }');
    expect(res.data.eventTypes).toContainEqual(
      expect.objectContaining({
        type: CREATED,
        scope: 'webhooks:read',
        schema: 'WebhookSubscriptionResponseDto',
      }),
    );
    expect(res.data.eventTypes).toEqual((await restGet('/v1/event-types')).data);
  });

  it("shows no event of a type the token's scopes may not read", async () => {
    const narrow = await clientToken(t.http, company, ['events:read']);
    const [event] = (await gql(EVENTS, { types: [CREATED] })).data.events.data as EventModel[];
    const feed = await gql(EVENTS, { types: [CREATED] }, narrow);
    expect(feed.data.events.data).toEqual([]);
    const one = await gql(EVENT, { id: event.id }, narrow);
    expect(one.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('refuses a token without events:read with INSUFFICIENT_SCOPE, as REST does', async () => {
    const noEvents = await clientToken(t.http, company, ['webhooks:read']);
    const res = await gql(EVENTS, {}, noEvents);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INSUFFICIENT_SCOPE', status: 403 });
    expect((await restGet('/v1/events', noEvents)).code).toBe('INSUFFICIENT_SCOPE');
  });

  it('refuses an after that is not a sequence number with VALIDATION_FAILED naming it', async () => {
    const res = await gql(EVENTS, { after: 'yesterday' });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(res.errors?.[0].extensions.errors).toEqual([expect.objectContaining({ pointer: '/after' })]);
  });

  it("answers NOT_FOUND for another company's event and never lists it", async () => {
    const [mine] = (await gql(EVENTS, { types: [CREATED] })).data.events.data as EventModel[];
    const other = await clientToken(t.http, await signUpCompany(t.http), ['events:read', 'webhooks:read']);
    const res = await gql(EVENT, { id: mine.id }, other);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    const theirs = await gql(EVENTS, { types: [CREATED] }, other);
    expect(theirs.data.events.data).toEqual([]);
  });
});

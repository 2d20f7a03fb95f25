import request from 'supertest';
import { clientToken, signUpCompany } from '../../support/factories.js';
import { eventsOfType } from '../../support/event-feed.js';
import { bearer } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { LOCAL_WEBHOOKS_ENV } from '../../support/webhook-receiver.js';

// The production URL policy: https only, no private range allowed. This machine has no external
// DNS, so every public host name would be refused as `unresolvable` (also a 422) whatever else is
// wrong with it; the cases therefore use IP literals and localhost, which are judged without DNS.
// The names example.com in two cases below are refused before any lookup (credentials, scheme).
const REFUSED: Array<[string, RegExp]> = [
  ['https://127.0.0.1/h', /127\.0\.0\.1 is a loopback address/],
  ['https://[::1]/h', /::1 is a loopback address/],
  ['https://169.254.169.254/latest/meta-data', /169\.254\.169\.254 is a cloud metadata service address/],
  ['https://10.0.0.5/h', /10\.0\.0\.5 is a private network address/],
  ['https://[::ffff:127.0.0.1]/h', /::ffff:7f00:1 is a loopback address/],
  ['https://0x7f000001/h', /127\.0\.0\.1 is a loopback address/],
  ['https://2130706433/h', /127\.0\.0\.1 is a loopback address/],
  ['https://0177.0.0.1/h', /127\.0\.0\.1 is a loopback address/],
  ['https://localhost/h', /host name localhost only reaches local or internal networks/],
  ['https://user:pw@example.com/h', /must not carry credentials/],
  ['http://example.com/h', /scheme http is not allowed; webhook URLs must use https/],
  ['https://0.0.0.0/h', /0\.0\.0\.0 is an unspecified address/],
  ['https://100.64.0.1/h', /carrier-grade NAT/],
  ['https://[fd00:ec2::254]/h', /cloud metadata service address/],
  ['https://[64:ff9b::a00:5]/h', /private network address/],
  ['https://hooks.internal/h', /only reaches local or internal networks/],
];

const PUBLIC_ADDRESS_URL = 'https://8.8.8.8/hooks';

const path = '/v1/webhook-subscriptions';

describe('webhook URLs refused by the production policy', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await clientToken(t.http, await signUpCompany(t.http), [
      'webhooks:read',
      'webhooks:write',
      'events:read',
    ]);
  });
  afterAll(() => t.close());

  const create = (url: string, as = token) => request(t.http).post(path).set(bearer(as)).send({ url });
  const listed = async (as = token) =>
    (await request(t.http).get(path).set(bearer(as))).body.data as unknown[];

  it.each(REFUSED)(
    'refuses %s with 422 WEBHOOK_URL_REFUSED naming /url, and stores nothing',
    async (url, why) => {
      const res = await create(url);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'WEBHOOK_URL_REFUSED', detail: expect.stringMatching(why) });
      expect(res.body.errors).toEqual([{ pointer: '/url', detail: res.body.detail, rule: 'publicHttpsUrl' }]);
      expect(res.body.detail).not.toContain('pw@');
      expect(await listed()).toEqual([]);
    },
  );

  it('publishes no event for a refused URL', async () => {
    expect((await create('https://127.0.0.1/h')).status).toBe(422);
    expect(await eventsOfType(t, token, 'webhook_subscription.created')).toEqual([]);
  });

  it('accepts an https URL on a public IP address (the policy refuses only what is not public)', async () => {
    const other = await clientToken(t.http, await signUpCompany(t.http), ['webhooks:read', 'webhooks:write']);
    const res = await create(PUBLIC_ADDRESS_URL, other);
    expect(res.status).toBe(201);
    expect(res.body.url).toBe(PUBLIC_ADDRESS_URL);
    expect(await listed(other)).toHaveLength(1);
  });
});

describe('changing the URL of an existing subscription under the production policy', () => {
  let strict: TestApp;
  let local: TestApp;
  let token: string;
  const LOCAL_URL = 'http://127.0.0.1:9/hooks';
  beforeAll(async () => {
    strict = await createTestApp();
    // A second process on the same database, with the development allow-list, is the only way to
    // get a subscription to a local URL stored; the strict one then has to refuse changes to such URLs.
    local = await createTestApp({ env: LOCAL_WEBHOOKS_ENV, database: strict.database, keepDatabase: true });
    token = await clientToken(strict.http, await signUpCompany(strict.http), [
      'webhooks:read',
      'webhooks:write',
    ]);
  });
  afterAll(async () => {
    await local.close();
    await strict.close();
  });

  async function storedThroughLocal(): Promise<string> {
    const res = await request(local.http).post(path).set(bearer(token)).send({ url: LOCAL_URL });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  const get = (id: string) => request(strict.http).get(`${path}/${id}`).set(bearer(token));
  const patch = (id: string, body: object) =>
    request(strict.http).patch(`${path}/${id}`).set(bearer(token)).send(body);

  it.each(REFUSED)('refuses a PATCH to %s with 422 naming /url, changing nothing', async (url, why) => {
    const id = await storedThroughLocal();
    const before = (await get(id)).body;
    const res = await patch(id, { url, description: 'Moved' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'WEBHOOK_URL_REFUSED', detail: expect.stringMatching(why) });
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/url' })]);
    const after = await get(id);
    expect(after.body).toEqual(before);
    expect(after.body.url).toBe(LOCAL_URL);
  });

  it('accepts a PATCH to a public https address', async () => {
    const id = await storedThroughLocal();
    const res = await patch(id, { url: PUBLIC_ADDRESS_URL });
    expect(res.status).toBe(200);
    expect(res.body.url).toBe(PUBLIC_ADDRESS_URL);
    expect((await get(id)).body.url).toBe(PUBLIC_ADDRESS_URL);
  });
});

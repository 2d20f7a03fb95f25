import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { addDays } from '../../../src/common/index.js';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { transferVoucher } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { relayEvents } from '../../support/events.js';

// Generated from the route table (the served OpenAPI document), so every new route is covered:
// a route taking an {id} needs a factory below that makes such a resource, or this test fails.

interface Operation {
  method: string;
  path: string;
  scoped: boolean;
}
type Factory = (http: App, owner: SignedUpCompany, token: string) => Promise<string>;

const FACTORIES: Record<string, Factory> = {
  '/v1/api-clients': async (http, _owner, token) => {
    const res = await request(http)
      .post('/v1/api-clients')
      .auth(token, { type: 'bearer' })
      .send({ name: 'Factory client', type: 'confidential', redirectUris: [], scopes: ['company:read'] });
    return res.body.id as string;
  },
  '/v1/api-keys': async (http, _owner, token) => {
    const res = await request(http)
      .post('/v1/api-keys')
      .auth(token, { type: 'bearer' })
      .send({ name: 'Factory key', scopes: ['company:read'] });
    return res.body.id as string;
  },
  // A fresh person (with an account of their own) added to the company; their user id.
  '/v1/members': async (http, _owner, token) => {
    const person = await signUpCompany(http);
    const res = await request(http)
      .post('/v1/members')
      .auth(token, { type: 'bearer' })
      .send({ email: person.email, role: 'viewer' });
    return res.body.userId as string;
  },
  // A live firm that signed up, engaged by the company; the firm's company id.
  '/v1/accounting-firms': async (http, _owner, token) => {
    const firm = await signUpCompany(http, { environment: 'live' });
    const firmToken = await clientToken(http, firm, ['company:read']);
    const { organizationNumber } = (
      await request(http).get('/v1/company').auth(firmToken, { type: 'bearer' })
    ).body as { organizationNumber: string };
    const res = await request(http)
      .post('/v1/accounting-firms')
      .auth(token, { type: 'bearer' })
      .send({ organizationNumber });
    return res.body.id as string;
  },
  '/v1/accounts': async (http, _owner, token) => {
    const number = `1${randomInt(10_000, 99_999)}`;
    const res = await request(http).post('/v1/accounts').auth(token, { type: 'bearer' }).send({
      number,
      name: 'Factory account',
      standardAccountId: '1920',
      groupingCategory: 'RF-1167',
      groupingCode: '1920',
    });
    return res.body.id as string;
  },
  // The year after the company's last one.
  '/v1/fiscal-years': async (http, _owner, token) => {
    const years = await request(http).get('/v1/fiscal-years').auth(token, { type: 'bearer' });
    const last = (years.body as { data: { endDate: string }[] }).data.at(-1)!;
    const res = await request(http)
      .post('/v1/fiscal-years')
      .auth(token, { type: 'bearer' })
      .send({ startDate: addDays(last.endDate, 1) });
    return res.body.id as string;
  },
  '/v1/periods': async (http, _owner, token) => {
    const res = await request(http).get('/v1/periods').auth(token, { type: 'bearer' });
    return (res.body as { data: { id: string }[] }).data[0].id;
  },
  '/v1/dimensions': async (http, _owner, token) => {
    const res = await request(http)
      .post('/v1/dimensions')
      .auth(token, { type: 'bearer' })
      .send({ name: `Factory dimension ${randomUUID()}` });
    return res.body.id as string;
  },
  '/v1/dimension-values': async (http, _owner, token) => {
    const dimensions = await request(http).get('/v1/dimensions').auth(token, { type: 'bearer' });
    const [department] = (dimensions.body as { data: { id: string }[] }).data;
    const res = await request(http)
      .post(`/v1/dimensions/${department.id}/values`)
      .auth(token, { type: 'bearer' })
      .send({ code: randomUUID().slice(0, 8), name: 'Factory value' });
    return res.body.id as string;
  },
  '/v1/attachments': async (http, _owner, token) => {
    const voucher = await request(http)
      .post('/v1/vouchers')
      .auth(token, { type: 'bearer' })
      .send(transferVoucher('6.00'));
    const res = await request(http)
      .post(`/v1/vouchers/${voucher.body.id as string}/attachments`)
      .query({ fileName: 'evidence.pdf' })
      .auth(token, { type: 'bearer' })
      .set('Content-Type', 'application/pdf')
      .send(Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n%%EOF\n`));
    return res.body.id as string;
  },
  '/v1/vouchers': async (http, _owner, token) => {
    const res = await request(http)
      .post('/v1/vouchers')
      .auth(token, { type: 'bearer' })
      .send(transferVoucher('7.00'));
    return res.body.id as string;
  },
  // A public address literal, accepted without DNS (this machine has none); only the ping calls it, briefly.
  '/v1/webhook-subscriptions': async (http, _owner, token) => {
    const res = await request(http)
      .post('/v1/webhook-subscriptions')
      .auth(token, { type: 'bearer' })
      .send({ url: 'https://8.8.8.8/hooks' });
    return res.body.id as string;
  },
  '/v1/events': async (http, _owner, token) => {
    await request(http).post('/v1/vouchers').auth(token, { type: 'bearer' }).send(transferVoucher('6.00'));
    await relayEvents(app);
    const feed = await request(http).get('/v1/events').query({ limit: 1000 }).auth(token, { type: 'bearer' });
    return (feed.body as { data: { id: string }[] }).data.at(-1)!.id;
  },
};

// Routes with a second id: the deliveries and events of the subscription `{id}`, made for it.
async function subscriptionEvent(http: App, token: string, id: string): Promise<Record<string, string>> {
  await relayEvents(app);
  const feed = await request(http)
    .get('/v1/events')
    .query({ types: 'webhook_subscription.created', limit: 1000 })
    .auth(token, { type: 'bearer' });
  const event = (feed.body as { data: { id: string; data: { id: string } }[] }).data.find(
    (e) => e.data.id === id,
  );
  return { eventId: event!.id };
}
const SECOND_IDS: Record<string, (http: App, token: string, id: string) => Promise<Record<string, string>>> =
  {
    'get /v1/webhook-subscriptions/{id}/deliveries/{deliveryId}': async (http, token, id) => {
      await subscriptionEvent(http, token, id);
      const log = await request(http)
        .get(`/v1/webhook-subscriptions/${id}/deliveries`)
        .auth(token, { type: 'bearer' });
      return { deliveryId: (log.body as { data: { id: string }[] }).data[0].id };
    },
    'post /v1/webhook-subscriptions/{id}/events/{eventId}/redeliver': subscriptionEvent,
  };
let app: TestApp['app'];

// Operations that need the resource in another state than the collection's factory makes.
const draftVoucher: Factory = async (http, _owner, token) => {
  const res = await request(http)
    .post('/v1/vouchers')
    .auth(token, { type: 'bearer' })
    .send({ ...transferVoucher('8.00'), status: 'draft' });
  return res.body.id as string;
};
const ROUTE_FACTORIES: Record<string, Factory> = {
  'put /v1/vouchers/{id}': draftVoucher,
  'delete /v1/vouchers/{id}': draftVoucher,
  'post /v1/vouchers/{id}/book': draftVoucher,
};

// Routes that validate a body before they look the id up: a valid body, so the answer shows
// whether B's resource is visible, not whether the body was complete.
const VALID_BODIES: Record<string, object> = {
  'post /v1/dimensions/{id}/values': { code: 'X1', name: 'Value' },
  'put /v1/vouchers/{id}': transferVoucher('2.00'),
  'post /v1/webhook-subscriptions/{id}/redeliver': { fromSequence: 1, toSequence: 1 },
};

// Attachment uploads are the file itself, not JSON.
const TINY_PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

// Lists whose query has required parameters, and the values that ask for everything (for the
// general ledger: the caller's own first account).
const EVERYTHING = { from: '1900-01-01', to: '2999-12-31' };
const LIST_QUERIES: Record<string, (http: App, token: string) => Promise<Record<string, string>>> = {
  '/v1/reports/trial-balance': () => Promise.resolve(EVERYTHING),
  '/v1/reports/profit-and-loss': () => Promise.resolve(EVERYTHING),
  '/v1/reports/balance-sheet': () => Promise.resolve({ at: EVERYTHING.to }),
  '/v1/reports/balances': () => Promise.resolve({ at: EVERYTHING.to }),
  '/v1/reports/general-ledger': ownFirstAccount,
  '/v1/reports/trial-balance.csv': () => Promise.resolve(EVERYTHING),
  '/v1/reports/profit-and-loss.csv': () => Promise.resolve(EVERYTHING),
  '/v1/reports/balance-sheet.csv': () => Promise.resolve({ at: EVERYTHING.to }),
  '/v1/reports/general-ledger.csv': ownFirstAccount,
};

async function ownFirstAccount(http: App, token: string): Promise<Record<string, string>> {
  const accounts = await request(http).get('/v1/accounts').auth(token, { type: 'bearer' });
  return { ...EVERYTHING, accountId: (accounts.body as { data: { id: string }[] }).data[0].id };
}

function collectionOf(path: string): string {
  return path.slice(0, path.indexOf('/{id}'));
}

async function pathFor(operation: Operation, id: string, token: string): Promise<string> {
  const second = await SECOND_IDS[`${operation.method} ${operation.path}`]?.(app.getHttpServer(), token, id);
  return Object.entries({ id, ...second }).reduce(
    (path, [name, value]) => path.replace(`{${name}}`, value),
    operation.path,
  );
}

async function operationsOf(http: App): Promise<Operation[]> {
  const spec = (await request(http).get('/openapi.json')).body as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  return Object.entries(spec.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method,
      path,
      scoped: (operation.security?.length ?? 0) > 0,
    })),
  );
}

describe('a token for company A never sees or changes company B', () => {
  let t: TestApp;
  let a: SignedUpCompany;
  let b: SignedUpCompany;
  let tokenA: string;
  let tokenB: string;
  let operations: Operation[];

  beforeAll(async () => {
    // A short timeout: pinging a subscription tries its (unreachable) address.
    t = await createTestApp({ env: { WEBHOOK_TIMEOUT_MS: '500' } });
    app = t.app;
    [a, b] = [await signUpCompany(t.http), await signUpCompany(t.http)];
    [tokenA, tokenB] = [await clientToken(t.http, a), await clientToken(t.http, b)];
    operations = (await operationsOf(t.http)).filter((operation) => operation.scoped);
  });
  afterAll(() => t.close());

  const call = (operation: Operation, path: string, token: string) => {
    const route = `${operation.method} ${operation.path}`;
    const base = request(t.http)[operation.method as 'get'](path).auth(token, { type: 'bearer' });
    if (route === 'post /v1/vouchers/{id}/attachments') {
      return base.query({ fileName: 'evidence.pdf' }).set('Content-Type', 'application/pdf').send(TINY_PDF);
    }
    return base.send(VALID_BODIES[route] ?? {});
  };

  it('has a factory for every route that takes an id', () => {
    const withId = operations.filter((operation) => operation.path.includes('{id}'));
    expect(withId.length).toBeGreaterThan(0);
    const missing = [...new Set(withId.map((operation) => collectionOf(operation.path)))].filter(
      (collection) => !FACTORIES[collection],
    );
    expect(missing).toEqual([]);
  });

  it("answers 404 to every route called with A's token and B's ids, and changes nothing", async () => {
    for (const operation of operations.filter((candidate) => candidate.path.includes('{id}'))) {
      const factory =
        ROUTE_FACTORIES[`${operation.method} ${operation.path}`] ?? FACTORIES[collectionOf(operation.path)];
      const idOfB = await factory(t.http, b, tokenB);
      const before = await request(t.http)
        .get(`${collectionOf(operation.path)}/${idOfB}`)
        .auth(tokenB, { type: 'bearer' });
      const res = await call(operation, await pathFor(operation, idOfB, tokenB), tokenA);
      expect({
        route: `${operation.method} ${operation.path}`,
        status: res.status,
        code: res.body.code,
      }).toEqual({
        route: `${operation.method} ${operation.path}`,
        status: 404,
        code: 'NOT_FOUND',
      });
      const after = await request(t.http)
        .get(`${collectionOf(operation.path)}/${idOfB}`)
        .auth(tokenB, { type: 'bearer' });
      expect(after.body).toEqual(before.body);
      // The same call on A's own resource succeeds: the 404 above comes from tenancy alone.
      const idOfA = await factory(t.http, a, tokenA);
      const own = await call(operation, await pathFor(operation, idOfA, tokenA), tokenA);
      expect({ route: `${operation.method} ${operation.path}`, status: own.status < 300 }).toEqual({
        route: `${operation.method} ${operation.path}`,
        status: true,
      });
    }
  }, 120_000);

  it("never lists B's rows to A", async () => {
    const idsOfB = [b.companyId, b.userId, b.clientId];
    for (const factory of Object.values(FACTORIES)) idsOfB.push(await factory(t.http, b, tokenB));
    const lists = operations.filter(
      (operation) => operation.method === 'get' && !operation.path.includes('{'),
    );
    expect(lists.length).toBeGreaterThan(0);
    for (const operation of lists) {
      const query = (await LIST_QUERIES[operation.path]?.(t.http, tokenA)) ?? {};
      const res = await call(operation, operation.path, tokenA).query(query);
      expect({ route: operation.path, status: res.status }).toEqual({ route: operation.path, status: 200 });
      const body = res.text;
      expect({ route: operation.path, leaked: idsOfB.filter((id) => body.includes(id)) }).toEqual({
        route: operation.path,
        leaked: [],
      });
    }
  }, 120_000);
});

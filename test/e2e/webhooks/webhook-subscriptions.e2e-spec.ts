import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { bearer } from '../../support/ledger.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { LOCAL_WEBHOOKS_ENV } from '../../support/webhook-receiver.js';

// Nothing is delivered in this file (no workers run, and no ping reaches a subscription of the
// caller's own), so the URL needs no receiver behind it: the allow-list only lets it be stored.
const URL_A = 'http://127.0.0.1:9/hooks';
const URL_B = 'http://127.0.0.1:9/other-hooks';
const SECRET = /^whsec_[A-Za-z0-9+/]+={0,2}$/;
const HOUR_MS = 3_600_000;

/** Neither a `secret` field nor any Standard Webhooks secret anywhere in the body. */
function expectNoSecret(body: unknown, ...secrets: string[]): void {
  const json = JSON.stringify(body);
  expect(json).not.toMatch(/whsec_|"secret"|"previousSecret"/i);
  for (const secret of secrets) expect(json).not.toContain(secret.replace(/^whsec_/, ''));
}

describe('webhook subscriptions (/v1/webhook-subscriptions)', () => {
  let t: TestApp;
  let a: SignedUpCompany;
  let tokenA: string;
  let tokenB: string;
  beforeAll(async () => {
    t = await createTestApp({ env: LOCAL_WEBHOOKS_ENV });
    a = await signUpCompany(t.http);
    tokenA = await clientToken(t.http, a, [
      'webhooks:read',
      'webhooks:write',
      'vouchers:read',
      'events:read',
    ]);
    tokenB = await clientToken(t.http, await signUpCompany(t.http), ['webhooks:read', 'webhooks:write']);
  });
  afterAll(() => t.close());

  const path = (id?: string) => (id ? `/v1/webhook-subscriptions/${id}` : '/v1/webhook-subscriptions');
  const create = (body: Record<string, unknown>, token = tokenA) =>
    request(t.http).post(path()).set(bearer(token)).send(body);
  const get = (id: string, token = tokenA) => request(t.http).get(path(id)).set(bearer(token));
  const list = async (token = tokenA) =>
    (await request(t.http).get(path()).set(bearer(token))).body.data as Array<Record<string, unknown>>;
  const patch = (id: string, body: Record<string, unknown>, token = tokenA) =>
    request(t.http).patch(path(id)).set(bearer(token)).send(body);
  const rotate = (id: string, body: Record<string, unknown> = {}, token = tokenA) =>
    request(t.http)
      .post(`${path(id)}/rotate-secret`)
      .set(bearer(token))
      .send(body);
  const subscribe = async (body: Record<string, unknown> = {}) => {
    const res = await create({ url: URL_A, ...body });
    expect(res.status).toBe(201);
    return res.body as Record<string, unknown> & { id: string; secret: string; version: number };
  };

  it('creates a subscription whose secret is shown in the create response only, uncached', async () => {
    const res = await create({
      url: URL_A,
      description: 'Order sync',
      eventTypes: ['voucher.reversed', 'voucher.booked'],
    });
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      url: URL_A,
      description: 'Order sync',
      eventTypes: ['voucher.booked', 'voucher.reversed'],
      isEnabled: true,
      disabledReason: null,
      disabledAt: null,
      previousSecretExpiresAt: null,
      failingSince: null,
    });
    expect(res.body.secret).toMatch(SECRET);
    const one = await get(res.body.id);
    expect(one.status).toBe(200);
    const { secret, ...withoutSecret } = res.body;
    expect(one.body).toEqual(withoutSecret);
    expectNoSecret(one.body, secret);
    const listed = await list();
    expect(listed).toContainEqual(withoutSecret);
    expectNoSecret(listed, secret);
  });

  it("records the creating token's read scopes, sorted, as readableScopes", async () => {
    const created = await subscribe();
    expect(created.readableScopes).toEqual(['events:read', 'vouchers:read', 'webhooks:read']);
    const narrow = await clientToken(t.http, a, ['webhooks:write', 'webhooks:read']);
    const res = await create({ url: URL_A }, narrow);
    expect(res.status).toBe(201);
    expect(res.body.readableScopes).toEqual(['webhooks:read']);
    expect(res.body.eventTypes).toEqual([]);
  });

  it('changes description and event types, bumps the version and the ETag', async () => {
    const created = await subscribe({ eventTypes: ['voucher.booked'] });
    const res = await patch(created.id, {
      description: 'Renamed',
      eventTypes: ['voucher.reversed', 'voucher.booked'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      description: 'Renamed',
      eventTypes: ['voucher.booked', 'voucher.reversed'],
      url: URL_A,
      version: created.version + 1,
    });
    expect(res.headers.etag).toBe(`"${created.version + 1}"`);
    expectNoSecret(res.body, created.secret);
    expect((await get(created.id)).body).toEqual(res.body);
  });

  it("disabling sets disabledReason 'manual' and disabledAt; enabling clears both", async () => {
    const created = await subscribe();
    const disabled = await patch(created.id, { isEnabled: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ isEnabled: false, disabledReason: 'manual' });
    expect(Math.abs(Date.parse(disabled.body.disabledAt) - Date.now())).toBeLessThan(60_000);
    const enabled = await patch(created.id, { isEnabled: true });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ isEnabled: true, disabledReason: null, disabledAt: null });
  });

  it('applies a PATCH whose If-Match is the current ETag, and refuses a stale one with 412, changing nothing', async () => {
    const created = await subscribe({ description: 'Before' });
    const etag = (await get(created.id)).headers.etag;
    const first = await patch(created.id, { description: 'First' }).set('If-Match', etag);
    expect(first.status).toBe(200);
    const stale = await patch(created.id, { description: 'Second', url: URL_B }).set('If-Match', etag);
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect((await get(created.id)).body).toEqual(first.body);
  });

  it('deletes a subscription with 204, after which it is 404 and no longer listed', async () => {
    const created = await subscribe();
    const res = await request(t.http).delete(path(created.id)).set(bearer(tokenA));
    expect(res.status).toBe(204);
    const after = await get(created.id);
    expect(after.status).toBe(404);
    expect(after.body.code).toBe('NOT_FOUND');
    expect((await list()).map((s) => s.id)).not.toContain(created.id);
  });

  it('rotates to a different secret, keeping the old one for overlapHours', async () => {
    const created = await subscribe();
    const res = await rotate(created.id, { overlapHours: 6 });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.secret).toMatch(SECRET);
    expect(res.body.secret).not.toBe(created.secret);
    expect(Math.abs(Date.parse(res.body.previousSecretExpiresAt) - (Date.now() + 6 * HOUR_MS))).toBeLessThan(
      60_000,
    );
    const one = await get(created.id);
    expect(one.body.previousSecretExpiresAt).toBe(res.body.previousSecretExpiresAt);
    expectNoSecret(one.body, created.secret, res.body.secret);
  });

  it('rotates with 24 hours of overlap by default, and retires the old secret at once with overlapHours 0', async () => {
    const created = await subscribe();
    const byDefault = await rotate(created.id);
    expect(byDefault.status).toBe(200);
    expect(
      Math.abs(Date.parse(byDefault.body.previousSecretExpiresAt) - (Date.now() + 24 * HOUR_MS)),
    ).toBeLessThan(60_000);
    const atOnce = await rotate(created.id, { overlapHours: 0 });
    expect(atOnce.status).toBe(200);
    expect(atOnce.body.secret).not.toBe(byDefault.body.secret);
    expect(atOnce.body.previousSecretExpiresAt).toBeNull();
    expect((await get(created.id)).body.previousSecretExpiresAt).toBeNull();
  });

  it.each([
    ['a missing url', { description: 'x' }, '/url'],
    ['a url that is not a URL', { url: 'not a url' }, '/url'],
    ['eventTypes that is not an array', { url: URL_A, eventTypes: 'voucher.booked' }, '/eventTypes'],
    [
      'an unknown event type',
      { url: URL_A, eventTypes: ['voucher.booked', 'voucher.exploded'] },
      '/eventTypes/1',
    ],
    ['a description over 500 characters', { url: URL_A, description: 'x'.repeat(501) }, '/description'],
  ])(
    'rejects %s with 400 VALIDATION_FAILED naming the field, and stores nothing',
    async (_case, body, pointer) => {
      const before = await list();
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer }));
      expect(await list()).toEqual(before);
    },
  );

  it('rejects an unknown event type in a PATCH with 400 naming it, changing nothing', async () => {
    const created = await subscribe({ eventTypes: ['voucher.booked'] });
    const res = await patch(created.id, { eventTypes: ['voucher.exploded'] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        pointer: '/eventTypes/0',
        detail: expect.stringContaining('voucher.exploded'),
      }),
    ]);
    expect((await get(created.id)).body.eventTypes).toEqual(['voucher.booked']);
  });

  it('rejects a PATCH with url null (a subscription always has a URL) with 400 naming /url', async () => {
    const created = await subscribe();
    const res = await patch(created.id, { url: null });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer: '/url', rule: 'isString' }));
    expect(new Set(res.body.errors.map((error: { pointer: string }) => error.pointer))).toEqual(
      new Set(['/url']),
    );
    expect((await get(created.id)).body.url).toBe(created.url);
  });

  it.each([500, -1, 1.5])(
    'rejects overlapHours %p with 400 naming it, keeping the secret',
    async (overlapHours) => {
      const created = await subscribe();
      const res = await rotate(created.id, { overlapHours });
      expect(res.status).toBe(400);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer: '/overlapHours' }));
      expect((await get(created.id)).body.version).toBe(created.version);
    },
  );

  it('refuses an event type whose read scope the token lacks with 403 EVENT_TYPE_NOT_READABLE naming the scope', async () => {
    const narrow = await clientToken(t.http, a, ['webhooks:write', 'webhooks:read']);
    const before = await list();
    const res = await create({ url: URL_A, eventTypes: ['voucher.booked'] }, narrow);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('EVENT_TYPE_NOT_READABLE');
    expect(res.body.detail).toContain('voucher.booked');
    expect(res.body.detail).toContain('vouchers:read');
    expect(await list()).toEqual(before);
    const created = await subscribe();
    const changed = await patch(created.id, { eventTypes: ['voucher.booked'] }, narrow);
    expect(changed.status).toBe(403);
    expect(changed.body.code).toBe('EVENT_TYPE_NOT_READABLE');
    expect((await get(created.id)).body.eventTypes).toEqual([]);
  });

  it('answers 401 without a token', async () => {
    const created = await subscribe();
    const anonymous = await request(t.http).post(path()).send({ url: URL_A });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    expect((await request(t.http).get(path())).status).toBe(401);
    expect((await request(t.http).get(path(created.id))).status).toBe(401);
    expect((await request(t.http).patch(path(created.id)).send({ description: 'x' })).status).toBe(401);
    expect((await request(t.http).delete(path(created.id))).status).toBe(401);
    expect(
      (
        await request(t.http)
          .post(`${path(created.id)}/rotate-secret`)
          .send({})
      ).status,
    ).toBe(401);
    expect((await get(created.id)).body).toMatchObject({ version: created.version, description: null });
  });

  it('answers 403 INSUFFICIENT_SCOPE to writes with only webhooks:read, and to reads with only webhooks:write', async () => {
    const created = await subscribe();
    const readOnly = await clientToken(t.http, a, ['webhooks:read']);
    const refused = await create({ url: URL_A }, readOnly);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('INSUFFICIENT_SCOPE');
    expect(refused.headers['www-authenticate']).toContain('scope="webhooks:write"');
    expect((await patch(created.id, { description: 'x' }, readOnly)).status).toBe(403);
    expect((await rotate(created.id, {}, readOnly)).status).toBe(403);
    expect((await request(t.http).delete(path(created.id)).set(bearer(readOnly))).status).toBe(403);
    const writeOnly = await clientToken(t.http, a, ['webhooks:write']);
    const read = await get(created.id, writeOnly);
    expect(read.status).toBe(403);
    expect(read.headers['www-authenticate']).toContain('scope="webhooks:read"');
    expect((await get(created.id)).body.version).toBe(created.version);
  });

  it("answers 404 to another company's token on every operation, leaving the subscription unchanged", async () => {
    const created = await subscribe({ description: 'Mine' });
    const before = (await get(created.id)).body;
    const answers = [
      await get(created.id, tokenB),
      await patch(created.id, { description: 'Theirs', isEnabled: false }, tokenB),
      await rotate(created.id, { overlapHours: 0 }, tokenB),
      await request(t.http)
        .post(`${path(created.id)}/ping`)
        .set(bearer(tokenB)),
      await request(t.http).delete(path(created.id)).set(bearer(tokenB)),
    ];
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await get(created.id)).body).toEqual(before);
  });

  it("never lists another company's subscriptions", async () => {
    const mine = await subscribe();
    const tokenC = await clientToken(t.http, await signUpCompany(t.http), [
      'webhooks:read',
      'webhooks:write',
    ]);
    const theirs = await create({ url: URL_B }, tokenC);
    expect(theirs.status).toBe(201);
    const listedA = (await list()).map((s) => s.id);
    expect(listedA).toContain(mine.id);
    expect(listedA).not.toContain(theirs.body.id);
    expect((await list(tokenC)).map((s) => s.id)).toEqual([theirs.body.id]);
  });
});

import request from 'supertest';
import { clientToken, signUpCompany, type SignedUpCompany } from '../../support/factories.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('GET /v1/audit-events', () => {
  let t: TestApp;
  let a: SignedUpCompany;
  let b: SignedUpCompany;
  let tokenA: string;
  let tokenB: string;
  const UPDATES = 7;
  beforeAll(async () => {
    t = await createTestApp();
    [a, b] = [await signUpCompany(t.http), await signUpCompany(t.http)];
    [tokenA, tokenB] = [await clientToken(t.http, a), await clientToken(t.http, b)];
    for (let month = 1; month <= UPDATES; month++) {
      await request(t.http)
        .patch('/v1/company')
        .auth(tokenA, { type: 'bearer' })
        .send({ fiscalYearStartMonth: month });
    }
    await request(t.http).patch('/v1/company').auth(tokenB, { type: 'bearer' }).send({ name: 'B only' });
  });
  afterAll(() => t.close());

  const list = (query: Record<string, string | number> = {}, token = tokenA) =>
    request(t.http).get('/v1/audit-events').query(query).auth(token, { type: 'bearer' });

  it('lists the company’s events newest first', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    // Sign-up wrote two (company.created, api_client.registered), then the updates.
    expect(res.body.data).toHaveLength(UPDATES + 2);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.data[0].details).toEqual({ changes: { fiscalYearStartMonth: UPDATES } });
    const times = res.body.data.map((event: { occurredAt: string }) => Date.parse(event.occurredAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it('pages through every event exactly once with limit and cursor', async () => {
    const all = (await list()).body.data.map((event: { id: string }) => event.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(cursor ? { limit: 2, cursor } : { limit: 2 });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((event: { id: string }) => event.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by action, resource and time', async () => {
    const updates = await list({ action: 'company.updated' });
    expect(updates.body.data).toHaveLength(UPDATES);
    const created = await list({
      resourceType: 'company',
      resourceId: a.companyId,
      action: 'company.created',
    });
    expect(created.body.data).toEqual([expect.objectContaining({ action: 'company.created' })]);
    const newest = updates.body.data[0].occurredAt as string;
    expect((await list({ from: newest, action: 'company.updated' })).body.data[0].occurredAt).toBe(newest);
    expect((await list({ to: newest, action: 'company.updated' })).body.data[0]?.occurredAt).not.toBe(newest);
    expect((await list({ from: '2999-01-01' })).body.data).toEqual([]);
    expect((await list({ to: '2000-01-01' })).body.data).toEqual([]);
  });

  it('never shows another company’s events', async () => {
    const ofA = (await list({ limit: 500 })).body.data;
    expect(ofA.map((event: { resourceId: string }) => event.resourceId)).not.toContain(b.companyId);
    const ofB = (await list({}, tokenB)).body.data;
    expect(ofB.map((event: { resourceId: string }) => event.resourceId)).not.toContain(a.companyId);
    expect(ofB.filter((event: { action: string }) => event.action === 'company.updated')).toHaveLength(1);
  });

  it.each([
    ['limit', { limit: 0 }, 'min'],
    ['limit', { limit: 501 }, 'max'],
    ['limit', { limit: 'ten' }, 'isInt'],
    ['cursor', { cursor: 'not-a-cursor' }, 'isAuditCursor'],
    ['from', { from: 'yesterday' }, 'isIso8601'],
    ['to', { to: '2026-13-40' }, 'isIso8601'],
    ['companyId', { companyId: 'x' }, 'whitelistValidation'],
  ])('rejects a bad %s parameter with 400', async (parameter, query, rule) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ parameter, rule })]));
  });

  it('answers 401 without credentials and 403 without audit:read', async () => {
    const anonymous = await request(t.http).get('/v1/audit-events');
    expect(anonymous.status).toBe(401);
    const noAudit = await clientToken(t.http, a, ['company:read']);
    const res = await list({}, noAudit);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('INSUFFICIENT_SCOPE');
    expect(res.headers['www-authenticate']).toContain('scope="audit:read"');
  });

  it('offers no way to change or delete events', async () => {
    const [event] = (await list()).body.data;
    for (const method of ['put', 'patch', 'delete'] as const) {
      const res = await request(t.http)
        [method](`/v1/audit-events/${event.id}`)
        .auth(tokenA, { type: 'bearer' });
      expect(res.status).toBe(404);
    }
  });
});

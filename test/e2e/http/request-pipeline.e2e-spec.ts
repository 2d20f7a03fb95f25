import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('request pipeline', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: 'https://shop.example,https://pos.example' } });
  });
  afterAll(() => t.close());

  it("returns the caller's X-Request-Id and uses it in problems", async () => {
    const res = await request(t.http).get('/v1/nowhere').set('X-Request-Id', 'shop-order-4711');
    expect(res.headers['x-request-id']).toBe('shop-order-4711');
    expect(res.body.requestId).toBe('shop-order-4711');
  });

  it('makes a request id when none is sent', async () => {
    const res = await request(t.http).get('/health/live');
    expect(res.headers['x-request-id']).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it.each([['id with spaces'], ['x'.repeat(129)], ['"quoted"']])(
    'replaces the unsafe request id %s',
    async (id) => {
      const res = await request(t.http).get('/health/live').set('X-Request-Id', id);
      expect(res.headers['x-request-id']).toMatch(/^req_[0-9a-f]{32}$/);
    },
  );

  it('answers unknown paths outside /v1 with a problem too', async () => {
    const res = await request(t.http).get('/docs/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('writes one structured access log line per request with id, status and duration', async () => {
    const res = await request(t.http).get('/v1/problems/not-a-code').set('X-Request-Id', 'log-check-1');
    expect(res.status).toBe(404);
    const lines = t.logs.filter(
      (line) => line.requestId === 'log-check-1' && line.msg === 'request completed',
    );
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        method: 'GET',
        path: '/v1/problems/not-a-code',
        route: '/v1/problems/:slug',
        status: 404,
        durationMs: expect.any(Number),
      }),
    ]);
  });

  it('never logs credentials sent by the caller', async () => {
    await request(t.http)
      .get('/health/live')
      .set('Authorization', 'Bearer top-secret-token')
      .set('X-Request-Id', 'log-check-2');
    expect(JSON.stringify(t.logs)).not.toContain('top-secret-token');
  });

  it('sets security headers', async () => {
    const res = await request(t.http).get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows cross-origin calls from a configured origin only', async () => {
    const allowed = await request(t.http)
      .options('/v1/problems')
      .set('Origin', 'https://shop.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example');
    const refused = await request(t.http).get('/v1/problems').set('Origin', 'https://evil.example');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the API under /v1 and health outside it', async () => {
    expect((await request(t.http).get('/v1/problems')).status).toBe(200);
    expect((await request(t.http).get('/problems')).status).toBe(404);
    expect((await request(t.http).get('/v1/health/live')).status).toBe(404);
  });
});

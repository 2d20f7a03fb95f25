import request from 'supertest';
import { ERROR_CATALOG, ERROR_CODES } from '../../../src/common/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('problem types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the whole error catalogue', async () => {
    const res = await request(t.http).get('/v1/problems');
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.data.map((p: { code: string }) => p.code)).toEqual(ERROR_CODES);
  });

  it('resolves the type URI of a problem response to its description', async () => {
    const problem = (await request(t.http).get('/v1/no-such-route')).body;
    const res = await request(t.http).get(new URL(problem.type).pathname);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      type: problem.type,
      code: 'ROUTE_NOT_FOUND',
      title: problem.title,
      status: 404,
      description: ERROR_CATALOG.ROUTE_NOT_FOUND.description,
    });
  });

  it('answers 404 for a well-formed slug that names no problem', async () => {
    const res = await request(t.http).get('/v1/problems/voucher-on-fire');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(res.body.detail).toContain('GET /v1/problems');
  });
});

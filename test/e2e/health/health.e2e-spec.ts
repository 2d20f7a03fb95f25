import request from 'supertest';
import { ShutdownState } from '../../../src/common/index.js';
import { createTestDatabase } from '../../support/test-database.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports liveness', async () => {
    const res = await request(t.http).get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'alive' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('reports readiness after checking the database and migrations', async () => {
    const res = await request(t.http).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', database: 'up', migrations: 'up-to-date' });
  });

  it('is not ready while migrations are pending', async () => {
    const pending = await createTestApp({
      database: await createTestDatabase({ empty: true }),
      env: { MIGRATIONS_RUN: 'false' },
    });
    try {
      const res = await request(pending.http).get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        detail: expect.stringContaining('migrations are pending'),
      });
    } finally {
      await pending.close();
    }
  });

  it('is not ready once shutdown has begun', async () => {
    const stopping = await createTestApp();
    try {
      stopping.app.get(ShutdownState).begin();
      const res = await request(stopping.http).get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body.detail).toBe('The server is shutting down.');
    } finally {
      await stopping.close();
    }
  });

  it('is not ready when the database is gone', async () => {
    const orphan = await createTestApp();
    await orphan.database.drop();
    const res = await request(orphan.http).get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.body.detail).toBe('The database does not answer.');
    await orphan.app.close();
  });
});

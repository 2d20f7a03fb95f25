import { readFileSync } from 'node:fs';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('API reference', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves the interactive reference from local assets', async () => {
    const page = await request(t.http).get('/docs/');
    expect(page.status).toBe(200);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      const res = await request(t.http).get(new URL(asset, 'http://x/docs/').pathname);
      expect(res.status).toBe(200);
    }
  });

  it('serves the same document as the committed openapi/openapi.json', async () => {
    const committed = JSON.parse(readFileSync('openapi/openapi.json', 'utf8'));
    const served = (await request(t.http).get('/openapi.json')).body;
    expect(served).toEqual(committed);
  });
});

import { readFileSync } from 'node:fs';
import request from 'supertest';
import { expectPageServedLocally } from '../../support/local-assets.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

describe('API reference', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves the interactive reference from local assets', async () => {
    const page = await expectPageServedLocally(t.http, '/docs/');
    expect(page.assets).toBeGreaterThan(2);
  });

  it('serves the same document as the committed openapi/openapi.json', async () => {
    const committed = JSON.parse(readFileSync('openapi/openapi.json', 'utf8'));
    const served = (await request(t.http).get('/openapi.json')).body;
    expect(served).toEqual(committed);
  });
});

import request from 'supertest';
import type { App } from 'supertest/types.js';

/**
 * Loads an HTML page and every script, style and icon it references, asserting that each
 * comes from our own origin (no CDN): the page must work on a machine without internet.
 * Returns the page text and how many assets it referenced.
 */
export async function expectPageServedLocally(
  http: App,
  pagePath: string,
): Promise<{ text: string; assets: number }> {
  const page = await request(http).get(pagePath);
  expect(page.status).toBe(200);
  const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
  for (const asset of assets) {
    expect(asset).not.toMatch(/^(https?:)?\/\//);
    const res = await request(http).get(new URL(asset, `http://localhost${pagePath}`).pathname);
    expect(res.status).toBe(200);
  }
  return { text: page.text, assets: assets.length };
}

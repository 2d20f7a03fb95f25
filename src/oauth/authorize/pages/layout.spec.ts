import { createHash } from 'node:crypto';
import { markup } from './html.js';
import { layout, pageCsp } from './layout.js';

describe('layout and pageCsp', () => {
  it("admit the page's one inline style sheet by its hash, and no script", () => {
    const page = layout('Title', markup`<p>body</p>`);
    const style = /<style>([\s\S]*)<\/style>/.exec(page)?.[1] ?? '';
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    const csp = pageCsp(["'self'"]);
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(page).not.toContain('<script');
  });

  it('allows forms to the given targets only, or to none', () => {
    expect(pageCsp(["'self'", 'https://app.example'])).toContain("form-action 'self' https://app.example;");
    expect(pageCsp([])).toContain("form-action 'none';");
  });

  it('declares UTF-8 and the language', () => {
    const page = layout('Æøå', markup``);
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<title>Æøå · Hovedbok</title>');
  });
});

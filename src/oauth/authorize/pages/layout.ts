import { createHash } from 'node:crypto';
import { markup, SafeHtml } from './html.js';

// One inline style sheet (no outside assets); the page's CSP admits it by hash, nothing else.
const STYLE = `
:root { color-scheme: light; --ink: #14213d; --muted: #4a5568; --line: #d5dbe3; --fjord: #0b4f71;
  --fjord-dark: #083a54; --paper: #ffffff; --sky: #eef3f7; --danger: #a4161a; --danger-bg: #fdecec; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; background: var(--sky); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 32rem; margin: 3rem auto; padding: 2rem; background: var(--paper);
  border: 1px solid var(--line); border-radius: 12px; box-shadow: 0 2px 12px rgba(20, 33, 61, .06); }
.brand { margin: 0 0 1.5rem; font-weight: 700; letter-spacing: .02em; color: var(--fjord); }
.brand span { display: inline-block; width: .8em; height: .8em; margin-right: .4em; border-radius: 2px;
  background: var(--fjord); vertical-align: -.05em; }
h1 { margin: 0 0 .5rem; font-size: 1.5rem; line-height: 1.25; }
h2, legend { margin: 1.5rem 0 .5rem; padding: 0; font-size: 1rem; font-weight: 600; }
p { margin: 0 0 1rem; }
.muted { color: var(--muted); font-size: .9375rem; }
label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
input[type=email], input[type=password] { width: 100%; padding: .625rem .75rem; font: inherit;
  border: 1px solid #8a96a8; border-radius: 8px; }
fieldset { margin: 1.5rem 0 0; padding: 0; border: 0; }
fieldset legend { margin-top: 0; }
ul.scopes { margin: 0; padding-left: 1.25rem; }
ul.scopes li { margin: .25rem 0; }
code { font-size: .8125rem; color: var(--muted); }
.company { display: flex; gap: .75rem; align-items: flex-start; margin: .5rem 0; padding: .75rem;
  border: 1px solid var(--line); border-radius: 8px; font-weight: 400; cursor: pointer; }
.company input { width: 1.125rem; height: 1.125rem; margin: .2rem 0 0; flex: none; }
.company small { display: block; color: var(--muted); }
.actions { display: flex; gap: .75rem; margin-top: 1.5rem; flex-wrap: wrap; }
button { padding: .625rem 1.25rem; font: inherit; font-weight: 600; border-radius: 8px; cursor: pointer;
  border: 1px solid var(--fjord); background: var(--fjord); color: #fff; }
button:hover { background: var(--fjord-dark); }
button.secondary { background: var(--paper); color: var(--fjord); }
button.secondary:hover { background: var(--sky); }
:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.alert { margin: 1rem 0; padding: .75rem 1rem; border-radius: 8px; background: var(--danger-bg);
  color: var(--danger); border: 1px solid #f1b5b5; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8125rem; }
`;
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'`;

/**
 * The Content-Security-Policy of a page: no script at all, the one style sheet, forms only to
 * `formTargets` (origins, or 'self'). Chromium applies form-action to the redirect that follows a
 * form post too, so the consent page must admit the client's redirect origin.
 */
export function pageCsp(formTargets: string[]): string {
  const formAction = formTargets.length > 0 ? formTargets.join(' ') : "'none'";
  return [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function layout(title: string, body: SafeHtml): string {
  return markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · Hovedbok</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<main>
<p class="brand"><span aria-hidden="true"></span>Hovedbok</p>
${body}
</main>
</body>
</html>
`.value;
}

import { markup } from './html.js';
import { layout } from './layout.js';

/** Shown instead of redirecting when the request cannot be trusted to go back anywhere. */
export function errorPage(title: string, detail: string): string {
  return layout(
    title,
    markup`<h1>${title}</h1>
<p class="alert" role="alert">${detail}</p>
<p class="muted">Go back to the app you came from and try again. If this keeps happening, contact the app's developer.</p>`,
  );
}

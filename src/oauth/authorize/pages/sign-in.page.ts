import type { AuthorizeParams } from '../authorization-request.js';
import { hiddenParams } from './hidden-params.js';
import { markup } from './html.js';
import { layout } from './layout.js';

export interface SignInPageInput {
  clientName: string;
  params: AuthorizeParams;
  /** Filled in again after a failed attempt. */
  email?: string;
  /** Why the last attempt failed; never says whether the email has an account. */
  message?: string;
}

export function signInPage({ clientName, params, email, message }: SignInPageInput): string {
  return layout(
    'Sign in',
    markup`<h1>Sign in</h1>
<p class="muted">to continue to <strong>${clientName}</strong></p>
${message ? markup`<p class="alert" role="alert">${message}</p>` : ''}
<form method="post" action="/oauth/sign-in">
${hiddenParams(params)}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${email ?? ''}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions"><button type="submit">Sign in</button></div>
</form>
<footer>You sign in to Hovedbok, not to ${clientName}: the app never sees your password.</footer>`,
  );
}

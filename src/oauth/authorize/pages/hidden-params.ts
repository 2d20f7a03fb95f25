import { AUTHORIZE_PARAMS, type AuthorizeParams } from '../authorization-request.js';
import { markup, type SafeHtml } from './html.js';

/** The authorization request, carried through a form as hidden fields. */
export function hiddenParams(params: AuthorizeParams): SafeHtml[] {
  return AUTHORIZE_PARAMS.flatMap((name) => {
    const value = params[name];
    return value === undefined ? [] : [markup`<input type="hidden" name="${name}" value="${value}">`];
  });
}

import { RequestValidationError } from '../common/index.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

// 1-255 visible ASCII characters: enough for a UUID or a client's own order number, printable in
// logs, and unambiguous (no spaces, no encoding questions).
const VISIBLE_ASCII_KEY = /^[\x21-\x7E]{1,255}$/;
// The draft defines the field as a Structured Field String (RFC 8941), e.g. "8e03978e-...",
// quotes included; most clients send the bare key. Both name the same key.
const STRUCTURED_STRING = /^"((?:[^"\\]|\\["\\])*)"$/;

function invalid(): RequestValidationError {
  return new RequestValidationError([
    {
      parameter: IDEMPOTENCY_KEY_HEADER,
      detail: 'must be 1 to 255 visible ASCII characters (no spaces), e.g. a UUID; quoting it is optional',
      rule: 'isIdempotencyKey',
    },
  ]);
}

/** The key a request sent, or undefined without the header; a malformed key is a 400. */
export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const quoted = STRUCTURED_STRING.exec(value);
  const key = quoted ? quoted[1].replaceAll(/\\(["\\])/g, '$1') : value;
  if (!VISIBLE_ASCII_KEY.test(key)) throw invalid();
  return key;
}

import { InvalidTokenError } from '../common/index.js';
import type { CompanyEnvironment } from '../companies/index.js';

// hb_<environment>_<key id, 32 hex digits>_<secret, 43 base64url characters (256 bits)>.
// The prefix tells test from live at a glance (and to secret scanners); the id lets
// authentication find the key without knowing the company; only a hash of the whole key is kept.
const API_KEY = /^hb_(live|test)_([0-9a-f]{32})_[A-Za-z0-9_-]{43}$/;
const API_KEY_START = /^hb_(live|test)_/;

export interface ParsedApiKey {
  environment: CompanyEnvironment;
  id: string;
}

/** The part of a key before its secret: safe to show, and enough to tell keys apart. */
export function apiKeyPrefix(environment: CompanyEnvironment, id: string): string {
  return `hb_${environment}_${id.replaceAll('-', '')}_`;
}

/** True for bearer tokens that claim to be API keys (well-formed or not), not OAuth tokens. */
export function looksLikeApiKey(token: string): boolean {
  return API_KEY_START.test(token);
}

export function parseApiKey(token: string): ParsedApiKey | undefined {
  const match = API_KEY.exec(token);
  if (!match) return undefined;
  const hex = match[2];
  const id = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join(
    '-',
  );
  return { environment: match[1] as CompanyEnvironment, id };
}

/** A bearer token that is a well-formed API key, before the database has been asked about it. */
export interface PresentedApiKey extends ParsedApiKey {
  token: string;
}

/** The presented key; InvalidTokenError when the token is not a well-formed API key. */
export function presentApiKey(token: string): PresentedApiKey {
  const parsed = parseApiKey(token);
  if (!parsed) throw new InvalidTokenError('it is not a well-formed API key');
  return { ...parsed, token };
}

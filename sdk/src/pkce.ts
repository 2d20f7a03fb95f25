// PKCE (RFC 7636) with WebCrypto, available as globalThis.crypto in Node.js 20+ and in browsers.

export interface PkcePair {
  /** Keep it until the code comes back, then send it with exchangeAuthorizationCode. */
  codeVerifier: string;
  /** Send it in the authorization request. */
  codeChallenge: string;
  method: 'S256';
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** A fresh verifier (256 random bits, 43 characters) and its S256 challenge. */
export async function createPkcePair(): Promise<PkcePair> {
  const random = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const codeVerifier = base64url(random);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier));
  return { codeVerifier, codeChallenge: base64url(new Uint8Array(digest)), method: 'S256' };
}

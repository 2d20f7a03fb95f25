import { isWellFormedCodeVerifier, s256Challenge, verifierMatchesChallenge } from './pkce.js';

describe('PKCE S256', () => {
  // The example of RFC 7636 appendix B.
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it('computes the challenge of the RFC 7636 example', () => {
    expect(s256Challenge(verifier)).toBe(challenge);
  });

  it('accepts the verifier whose hash is the challenge', () => {
    expect(verifierMatchesChallenge(verifier, challenge)).toBe(true);
  });

  it('refuses another verifier, and the verifier presented as its own challenge (plain)', () => {
    expect(verifierMatchesChallenge(`${verifier.slice(0, -1)}Y`, challenge)).toBe(false);
    expect(verifierMatchesChallenge(verifier, verifier)).toBe(false);
  });

  it('accepts 43 to 128 unreserved characters only', () => {
    expect(isWellFormedCodeVerifier('a'.repeat(43))).toBe(true);
    expect(isWellFormedCodeVerifier('A-._~9'.repeat(21).slice(0, 128))).toBe(true);
    expect(isWellFormedCodeVerifier('a'.repeat(42))).toBe(false);
    expect(isWellFormedCodeVerifier('a'.repeat(129))).toBe(false);
    expect(isWellFormedCodeVerifier(`${'a'.repeat(42)}+`)).toBe(false);
    expect(isWellFormedCodeVerifier(`${'a'.repeat(42)}=`)).toBe(false);
  });
});

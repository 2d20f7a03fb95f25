import { consentCsrfToken, consentCsrfTokenMatches } from './consent-csrf.js';

const params = { client_id: 'hbc_1', redirect_uri: 'https://app.example/cb', scope: 'company:read' };

describe('consent CSRF token', () => {
  it('matches the token made for the same session and request', () => {
    expect(consentCsrfTokenMatches(consentCsrfToken('secret', params), 'secret', params)).toBe(true);
  });

  it('fails for another session', () => {
    expect(consentCsrfTokenMatches(consentCsrfToken('other', params), 'secret', params)).toBe(false);
  });

  it('fails when a parameter of the request was changed', () => {
    const token = consentCsrfToken('secret', params);
    expect(consentCsrfTokenMatches(token, 'secret', { ...params, scope: 'company:write' })).toBe(false);
  });

  it('fails when missing or malformed', () => {
    expect(consentCsrfTokenMatches(undefined, 'secret', params)).toBe(false);
    expect(consentCsrfTokenMatches('short', 'secret', params)).toBe(false);
  });
});

import type { OAuthClient } from '../entities/oauth-client.entity.js';
import { AuthorizationPageError, AuthorizationRedirectError } from './authorization-errors.js';
import { checkAuthorizationRequest, receiveParams, requestedClientId } from './authorization-request.js';

const client = {
  clientId: 'hbc_1',
  name: 'Webshop',
  redirectUris: ['https://shop.example/cb'],
  scopes: ['company:read', 'vouchers:read'],
} as OAuthClient;
const valid = {
  response_type: 'code',
  client_id: 'hbc_1',
  redirect_uri: 'https://shop.example/cb',
  scope: 'company:read',
  state: 'xyz',
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
};
const check = (query: Record<string, unknown>, found: OAuthClient | null = client) =>
  checkAuthorizationRequest(receiveParams(query), found);
const redirectErrorOf = (query: Record<string, unknown>) => {
  try {
    check(query);
  } catch (error) {
    if (error instanceof AuthorizationRedirectError) return error.error;
  }
  throw new Error('expected a redirect error');
};

describe('checkAuthorizationRequest', () => {
  it('accepts a complete request and keeps its parameters for the forms', () => {
    const request = check({ ...valid, extra: 'ignored' });
    expect(request).toMatchObject({
      scopes: ['company:read'],
      state: 'xyz',
      redirectUri: valid.redirect_uri,
    });
    expect(request.params).toEqual(valid);
  });

  it('answers with a page, never a redirect, for an unknown client or an unregistered redirect URI', () => {
    expect(() => check(valid, null)).toThrow(AuthorizationPageError);
    expect(() => check({ ...valid, redirect_uri: 'https://shop.example/cb/' })).toThrow(
      AuthorizationPageError,
    );
    expect(() => check({ ...valid, redirect_uri: ['https://shop.example/cb', 'x'] })).toThrow(
      AuthorizationPageError,
    );
    expect(() => requestedClientId(receiveParams({}))).toThrow(AuthorizationPageError);
  });

  it('redirects the protocol errors', () => {
    expect(redirectErrorOf({ ...valid, response_type: 'token' })).toBe('unsupported_response_type');
    expect(redirectErrorOf({ ...valid, code_challenge_method: 'plain' })).toBe('invalid_request');
    expect(redirectErrorOf({ ...valid, code_challenge: 'short' })).toBe('invalid_request');
    expect(redirectErrorOf({ ...valid, scope: 'vouchers:write' })).toBe('invalid_scope');
    expect(redirectErrorOf({ ...valid, scope: 'nonsense' })).toBe('invalid_scope');
    expect(redirectErrorOf({ ...valid, state: ['a', 'b'] })).toBe('invalid_request');
  });
});

// Keeps a valid access token at hand for createClient, renewing it shortly before it expires.
import {
  refreshAccessToken,
  requestClientCredentialsToken,
  type OAuthTokens,
  type TokenEndpointOptions,
} from './oauth.js';

export interface TokenManagerOptions extends TokenEndpointOptions {
  /** Scopes to ask for: all of the client's (client credentials) or a narrowing (refresh). */
  scopes?: string[];
  /** Tokens you have already, e.g. from exchangeAuthorizationCode; their refresh token is used. */
  tokens?: OAuthTokens;
  /** A refresh token you stored. Without one (nor `tokens`), the manager uses client credentials. */
  refreshToken?: string;
  /** Renew this many seconds before the access token expires. Default 60. */
  refreshLeewaySeconds?: number;
  /**
   * Called with every new set of tokens, before it is used. Refresh tokens rotate, so persist
   * `tokens.refreshToken` here: the previous one no longer works.
   */
  onTokens?: (tokens: OAuthTokens) => void | Promise<void>;
}

export interface TokenManager {
  /** A valid access token, renewed when needed. Pass it as `createClient({ accessToken })`. */
  readonly accessToken: () => Promise<string>;
  /** Renews now, whatever the expiry. */
  readonly refresh: () => Promise<OAuthTokens>;
  /** The tokens last obtained, if any. */
  readonly current: () => OAuthTokens | undefined;
}

/**
 * A token manager: with a refresh token it refreshes (keeping the newest refresh token, since
 * they rotate), otherwise it asks for client-credentials tokens. Concurrent callers share one
 * renewal: two refreshes with the same token would look like a stolen token and end the grant.
 */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const leewayMs = (options.refreshLeewaySeconds ?? 60) * 1000;
  let current = options.tokens;
  let refreshToken = options.tokens?.refreshToken ?? options.refreshToken;
  let renewal: Promise<OAuthTokens> | undefined;
  if (refreshToken === undefined && options.clientSecret === undefined) {
    throw new TypeError(
      'createTokenManager needs a refresh token, or a client secret for client credentials.',
    );
  }
  const { baseUrl, clientId, clientSecret, fetch, scopes } = options;

  async function obtain(): Promise<OAuthTokens> {
    const tokens =
      refreshToken !== undefined
        ? await refreshAccessToken({ baseUrl, clientId, clientSecret, fetch, scopes, refreshToken })
        : await requestClientCredentialsToken({
            baseUrl,
            clientId,
            clientSecret: clientSecret!,
            fetch,
            scopes,
          });
    current = tokens;
    if (tokens.refreshToken !== undefined) refreshToken = tokens.refreshToken;
    await options.onTokens?.(tokens);
    return tokens;
  }

  const refresh = (): Promise<OAuthTokens> => {
    renewal ??= obtain().finally(() => {
      renewal = undefined;
    });
    return renewal;
  };

  const accessToken = async (): Promise<string> => {
    if (current && current.expiresAt.getTime() - leewayMs > Date.now()) return current.accessToken;
    return (await refresh()).accessToken;
  };

  return Object.freeze({ accessToken, refresh, current: () => current });
}

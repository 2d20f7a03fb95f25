export { OAuthClient, type OAuthClientType } from './entities/oauth-client.entity.js';
export { SigningKey } from './entities/signing-key.entity.js';
export { AuthorizationCode } from './entities/authorization-code.entity.js';
export { RefreshToken } from './entities/refresh-token.entity.js';
export { RevokedAccessToken } from './entities/revoked-access-token.entity.js';
export { SignInSession } from './entities/sign-in-session.entity.js';

import { Inject, Injectable } from '@nestjs/common';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { InvalidTokenError, isScope, newId, type Scope } from '../../common/index.js';
import { Database } from '../../database/index.js';
import { RevokedAccessToken } from '../entities/revoked-access-token.entity.js';
import { SIGNING_ALGORITHM, SigningKeysService } from '../keys/signing-keys.service.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

/** What an access token grants: who, through which client, in which companies, what. */
export interface AccessGrant {
  /** The person, for tokens a person granted; absent for client-credentials tokens. */
  userId?: string;
  clientId: string;
  companyIds: string[];
  scopes: Scope[];
}

export interface VerifiedAccessToken extends AccessGrant {
  jti: string;
  expiresAt: Date;
}

interface AccessTokenClaims extends JWTPayload {
  client_id: string;
  scope: string;
  companies: string[];
}

const JWT_TYPE = 'at+jwt';
const CLOCK_TOLERANCE_SECONDS = 30;
// A few thousand busy clients per process; each entry holds one token (about 1 kB).
const VERIFIED_TOKENS_REMEMBERED = 5_000;

/** JWT access tokens per RFC 9068, signed with the rotating keys; revocable by `jti`. */
@Injectable()
export class AccessTokensService {
  private readonly verified = new VerifiedTokenCache<AccessTokenClaims>(VERIFIED_TOKENS_REMEMBERED);

  constructor(
    private readonly keys: SigningKeysService,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get issuer(): string {
    return this.config.http.publicBaseUrl;
  }

  /** The resource server the tokens are for: the API under /v1. */
  get audience(): string {
    return `${this.config.http.publicBaseUrl}/v1`;
  }

  async issue(grant: AccessGrant): Promise<{ token: string; expiresIn: number; jti: string }> {
    const key = await this.keys.signingKey();
    const expiresIn = this.config.oauth.accessTokenTtlSeconds;
    const jti = newId();
    const claims: AccessTokenClaims = {
      client_id: grant.clientId,
      scope: grant.scopes.join(' '),
      companies: grant.companyIds,
    };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: JWT_TYPE, kid: key.kid })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(grant.userId ?? grant.clientId)
      .setJti(jti)
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .sign(key.privateKey);
    return { token, expiresIn, jti };
  }

  /** Verifies signature, type, issuer, audience, lifetime and revocation; throws InvalidTokenError. */
  async verify(token: string): Promise<VerifiedAccessToken> {
    const verified = await this.verifyClaims(token);
    if (await this.isRevoked(verified.jti)) throw new InvalidTokenError('the token has been revoked');
    return verified;
  }

  /**
   * Everything `verify` checks but revocation, without touching the database: for the guard,
   * which checks revocation in the one statement it runs per request (src/auth). A caller of
   * this must check revocation itself.
   */
  async verifyClaims(token: string): Promise<VerifiedAccessToken> {
    const claims = await this.verifySignature(token);
    const scopes = claims.scope.split(' ').filter(isScope);
    const isUserToken = claims.sub !== claims.client_id;
    return {
      ...(isUserToken ? { userId: claims.sub } : {}),
      clientId: claims.client_id,
      companyIds: [...claims.companies],
      scopes,
      jti: claims.jti!,
      expiresAt: new Date(claims.exp! * 1000),
    };
  }

  private async isRevoked(jti: string): Promise<boolean> {
    const [row] = await this.db.statement<{ revoked: boolean }>(
      {},
      `SELECT EXISTS (SELECT 1 FROM oauth_revoked_access_tokens WHERE jti = $1::uuid) AS revoked`,
      [jti],
    );
    return row.revoked;
  }

  async revoke(jti: string, expiresAt: Date): Promise<void> {
    await this.db.transaction({}, (tx) =>
      tx.getRepository(RevokedAccessToken).upsert({ jti, expiresAt }, { conflictPaths: ['jti'] }),
    );
  }

  private async verifySignature(token: string): Promise<AccessTokenClaims> {
    const now = Date.now();
    const remembered = this.verified.get(token, now);
    if (remembered && (await this.keys.verificationKey(remembered.kid))) return remembered.value;
    let kid = '';
    try {
      const { payload } = await jwtVerify<AccessTokenClaims>(
        token,
        async (header) => {
          const key = header.kid ? await this.keys.verificationKey(header.kid) : undefined;
          if (!key) throw new InvalidTokenError('it was not signed by a key of this server');
          kid = header.kid!;
          return key;
        },
        {
          algorithms: [SIGNING_ALGORITHM],
          typ: JWT_TYPE,
          issuer: this.issuer,
          audience: this.audience,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['jti', 'sub', 'exp', 'iat', 'client_id', 'scope', 'companies'],
        },
      );
      if (!Array.isArray(payload.companies)) throw new InvalidTokenError('its companies claim is malformed');
      // jose refuses a token once exp <= now - tolerance (in whole seconds).
      const validUntilMs = (payload.exp! + CLOCK_TOLERANCE_SECONDS) * 1000;
      this.verified.remember(token, { value: payload, kid, validUntilMs }, now);
      return payload;
    } catch (error) {
      throw toInvalidToken(error);
    }
  }
}

function toInvalidToken(error: unknown): InvalidTokenError {
  if (error instanceof InvalidTokenError) return error;
  if (error instanceof joseErrors.JWTExpired) return new InvalidTokenError('the token has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return new InvalidTokenError(`its ${error.claim} claim is not valid (${error.reason})`);
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new InvalidTokenError('its signature does not verify');
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return new InvalidTokenError('its algorithm is not allowed');
  return new InvalidTokenError('it is not a well-formed access token from this server');
}

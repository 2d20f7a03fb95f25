import { Injectable } from '@nestjs/common';
import { hashSecret, newSecret } from '../../common/index.js';
import { Database } from '../../database/index.js';
import { AuthorizationCode } from '../entities/authorization-code.entity.js';
import type { AuthorizationRequest } from './authorization-request.js';

// OAuth 2.1 §4.1.2: short-lived; the client redeems it at once.
const CODE_LIFETIME_MS = 60_000;
// Says what a leaked value is, like the other secrets' prefixes.
const CODE_PREFIX = 'hbac_';

/** Issues authorization codes; the token endpoint redeems them (once). */
@Injectable()
export class AuthorizationCodesService {
  constructor(private readonly db: Database) {}

  /** A new code (a prefix and 256 random bits) bound to the request, the person and the companies chosen. */
  async issue(request: AuthorizationRequest, userId: string, companyIds: string[]): Promise<string> {
    const code = newSecret(CODE_PREFIX);
    await this.db.transaction({}, (tx) =>
      tx.getRepository(AuthorizationCode).insert({
        codeHash: hashSecret(code),
        clientId: request.client.clientId,
        userId,
        companyIds,
        scopes: request.scopes,
        redirectUri: request.redirectUri,
        codeChallenge: request.codeChallenge,
        expiresAt: new Date(Date.now() + CODE_LIFETIME_MS),
        consumedAt: null,
        familyId: null,
      }),
    );
    return code;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { hashSecret, newId, newSecret } from '../../common/index.js';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { RefreshToken } from '../entities/refresh-token.entity.js';
import type { PersonGrant } from './person-grant.js';

/** Says what a leaked string is (e.g. to a secret scanner): a Hovedbok refresh token. */
export const REFRESH_TOKEN_PREFIX = 'hbr_';
const DAY_MS = 86_400_000;

/**
 * Refresh tokens: only their SHA-256 is stored. Expired rows are treated as absent by every
 * lookup, so they need no clean-up to stop working.
 */
@Injectable()
export class RefreshTokensRepository {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** A new token of the family with a full lifetime (sliding); returns it, the one time it is seen. */
  async create(tx: EntityManager, familyId: string, grant: PersonGrant): Promise<string> {
    const token = newSecret(REFRESH_TOKEN_PREFIX);
    await tx.getRepository(RefreshToken).insert({
      id: newId(),
      tokenHash: hashSecret(token),
      familyId,
      clientId: grant.clientId,
      userId: grant.userId,
      companyIds: grant.companyIds,
      scopes: grant.scopes,
      expiresAt: new Date(Date.now() + this.config.oauth.refreshTokenTtlDays * DAY_MS),
      rotatedAt: null,
      revokedAt: null,
    });
    return token;
  }

  find(tx: EntityManager, token: string): Promise<RefreshToken | null> {
    return tx.getRepository(RefreshToken).findOneBy(this.unexpired(token));
  }

  /** The row, locked until the transaction ends: concurrent uses of one token queue up here. */
  findForUpdate(tx: EntityManager, token: string): Promise<RefreshToken | null> {
    return tx
      .getRepository(RefreshToken)
      .findOne({ where: this.unexpired(token), lock: { mode: 'pessimistic_write' } });
  }

  async markRotated(tx: EntityManager, id: string): Promise<void> {
    await tx.getRepository(RefreshToken).update({ id }, { rotatedAt: new Date() });
  }

  async revokeFamily(tx: EntityManager, familyId: string): Promise<void> {
    await tx.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private unexpired(token: string) {
    return { tokenHash: hashSecret(token), expiresAt: MoreThan(new Date()) };
  }
}

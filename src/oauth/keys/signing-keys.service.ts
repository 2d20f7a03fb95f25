import { Inject, Injectable } from '@nestjs/common';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';
import { IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { Database } from '../../database/index.js';
import { SigningKey } from '../entities/signing-key.entity.js';

export const SIGNING_ALGORITHM = 'ES256';
const CACHE_MS = 60_000;
const UNKNOWN_KID_REFRESH_MS = 5_000;
const DAY_MS = 86_400_000;

interface LoadedKey {
  kid: string;
  createdAt: Date;
  retiredAt: Date | null;
  publicJwk: JWK;
  privateKey?: CryptoKey;
  publicKey: CryptoKey;
}

/**
 * Access-token signing keys, shared by every API process through the database. The newest key
 * signs; it is replaced after SIGNING_KEY_ROTATION_DAYS, and a retired key stays in the JWKS
 * (and keeps verifying) until every token it signed has expired.
 */
@Injectable()
export class SigningKeysService {
  private cache: { loadedAt: number; keys: LoadedKey[] } | undefined;
  private loading: Promise<LoadedKey[]> | undefined;

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signingKey(): Promise<LoadedKey & { privateKey: CryptoKey }> {
    let active = (await this.keys()).find((key) => key.retiredAt === null);
    if (
      !active ||
      Date.now() - active.createdAt.getTime() > this.config.oauth.signingKeyRotationDays * DAY_MS
    ) {
      await this.rotate();
      active = (await this.keys(true)).find((key) => key.retiredAt === null);
    }
    if (!active?.privateKey) throw new Error('no active signing key after rotation');
    return active as LoadedKey & { privateKey: CryptoKey };
  }

  async verificationKey(kid: string): Promise<CryptoKey | undefined> {
    let key = (await this.keys()).find((candidate) => candidate.kid === kid);
    if (!key && Date.now() - (this.cache?.loadedAt ?? 0) > UNKNOWN_KID_REFRESH_MS) {
      // Another process may have rotated; look again, but not on every forged kid.
      key = (await this.keys(true)).find((candidate) => candidate.kid === kid);
    }
    return key?.publicKey;
  }

  async publicJwks(): Promise<{ keys: JWK[] }> {
    return { keys: (await this.keys()).map((key) => key.publicJwk) };
  }

  private async keys(reload = false): Promise<LoadedKey[]> {
    if (!reload && this.cache && Date.now() - this.cache.loadedAt < CACHE_MS) return this.cache.keys;
    // A forced reload must see what was committed before it started, so it shares nothing;
    // requests that merely find the cache stale at the same moment share one reload.
    if (reload) return this.loadKeys();
    this.loading ??= this.loadKeys().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async loadKeys(): Promise<LoadedKey[]> {
    const graceMs = (this.config.oauth.accessTokenTtlSeconds + 300) * 1000;
    const rows = await this.db.transaction({}, (tx) =>
      tx
        .getRepository(SigningKey)
        .createQueryBuilder('key')
        .where('key.retiredAt IS NULL OR key.retiredAt > :since', { since: new Date(Date.now() - graceMs) })
        .orderBy('key.createdAt', 'DESC')
        .getMany(),
    );
    const keys = await Promise.all(rows.map((row) => this.load(row)));
    this.cache = { loadedAt: Date.now(), keys };
    return keys;
  }

  private async load(row: SigningKey): Promise<LoadedKey> {
    const publicKey = (await importJWK(row.publicJwk, SIGNING_ALGORITHM)) as CryptoKey;
    const privateKey =
      row.retiredAt === null
        ? ((await importJWK(row.privateJwk, SIGNING_ALGORITHM)) as CryptoKey)
        : undefined;
    return {
      kid: row.kid,
      createdAt: row.createdAt,
      retiredAt: row.retiredAt,
      publicJwk: row.publicJwk,
      publicKey,
      privateKey,
    };
  }

  // One process rotates at a time (advisory lock); the others find its key when they reload.
  private async rotate(): Promise<void> {
    await this.db.transaction({}, async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('oauth_signing_key_rotation'))`);
      const newest = await tx
        .getRepository(SigningKey)
        .findOne({ where: { retiredAt: IsNull() }, order: { createdAt: 'DESC' } });
      const rotationMs = this.config.oauth.signingKeyRotationDays * DAY_MS;
      if (newest && Date.now() - newest.createdAt.getTime() <= rotationMs) return;
      const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
      const publicJwk = await exportJWK(publicKey);
      const kid = await calculateJwkThumbprint(publicJwk);
      await tx.query(`UPDATE oauth_signing_keys SET retired_at = now() WHERE retired_at IS NULL`);
      await tx.getRepository(SigningKey).insert({
        kid,
        algorithm: SIGNING_ALGORITHM,
        publicJwk: { ...publicJwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' },
        privateJwk: await exportJWK(privateKey),
        retiredAt: null,
      });
    });
  }
}

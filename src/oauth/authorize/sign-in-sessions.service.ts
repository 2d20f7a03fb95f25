import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LessThan, MoreThan } from 'typeorm';
import { hashSecret } from '../../common/index.js';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { Database } from '../../database/index.js';
import { SignInSession } from '../entities/sign-in-session.entity.js';
import {
  readCookie,
  SESSION_COOKIE,
  SESSION_LIFETIME_MS,
  sessionCookie,
  type SessionCookie,
} from './session-cookie.js';

export interface SignedIn {
  userId: string;
  /** The cookie's value: the secret the consent form's CSRF token is keyed with. */
  secret: string;
}

/** Sign-in sessions of the authorization pages, in the database so any API process can serve them. */
@Injectable()
export class SignInSessionsService {
  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new session (256 random bits; only their SHA-256 is stored), as the cookie to set. */
  async start(userId: string): Promise<SessionCookie> {
    const secret = randomBytes(32).toString('base64url');
    await this.db.transaction({}, async (tx) => {
      const sessions = tx.getRepository(SignInSession);
      // The person's long-expired sessions go as a new one starts, so rows do not pile up.
      await sessions.delete({ userId, expiresAt: LessThan(new Date()) });
      await sessions.insert({
        idHash: hashSecret(secret),
        userId,
        expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
      });
    });
    return sessionCookie(secret, this.config.http.publicBaseUrl);
  }

  /** The person signed in with this Cookie header; undefined without a live session. */
  async current(cookieHeader: string | undefined): Promise<SignedIn | undefined> {
    const secret = readCookie(cookieHeader, SESSION_COOKIE);
    if (secret === undefined) return undefined;
    const session = await this.db.transaction({}, (tx) =>
      tx
        .getRepository(SignInSession)
        .findOneBy({ idHash: hashSecret(secret), expiresAt: MoreThan(new Date()) }),
    );
    return session ? { userId: session.userId, secret } : undefined;
  }
}

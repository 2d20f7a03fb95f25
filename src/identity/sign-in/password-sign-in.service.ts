import { Inject, Injectable } from '@nestjs/common';
import { hashSecret, LOGGER, type Logger } from '../../common/index.js';
import { Database } from '../../database/index.js';
import type { PasswordCheck } from '../../oauth/index.js';
import { verifyPassword } from '../password-hasher.js';
import { User } from '../user.entity.js';
import { signInBlockedUntil } from './sign-in-backoff.js';

type Attempt =
  | { kind: 'unknown-email' }
  | { kind: 'blocked'; user: User; retryAfterSeconds: number }
  | { kind: 'counted'; user: User; failedSignIns: number; blockedUntil: Date | null };

/**
 * Password sign-in with per-account brute-force slowing (users.failed_sign_ins and
 * sign_in_blocked_until, shared by every API process through the database).
 */
@Injectable()
export class PasswordSignInService {
  constructor(
    private readonly db: Database,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async checkPassword(email: string, password: string): Promise<PasswordCheck> {
    const attempt = await this.claimAttempt(email.trim());
    if (attempt.kind === 'blocked') {
      this.logger.warn(
        { event: 'sign_in_blocked', userId: attempt.user.id, retryAfterSeconds: attempt.retryAfterSeconds },
        'sign-in refused: too many failed attempts',
      );
      return { outcome: 'blocked', retryAfterSeconds: attempt.retryAfterSeconds };
    }
    // An unknown email is checked against a dummy hash: it costs as long as a wrong password.
    const user = attempt.kind === 'counted' ? attempt.user : undefined;
    if ((await verifyPassword(user?.passwordHash, password)) && user) {
      await this.db.transaction({}, (tx) =>
        tx.getRepository(User).update({ id: user.id }, { failedSignIns: 0, signInBlockedUntil: null }),
      );
      return { outcome: 'signed-in', userId: user.id };
    }
    this.logFailure(email, attempt);
    return { outcome: 'refused' };
  }

  // The attempt is counted as a failure before the (slow) password check, under a row lock,
  // so parallel guesses cannot all slip in before the block; a success resets the count.
  private claimAttempt(email: string): Promise<Attempt> {
    return this.db.transaction({}, async (tx) => {
      const user = await tx
        .getRepository(User)
        .createQueryBuilder('user')
        .setLock('pessimistic_write')
        .where('lower(user.email) = lower(:email)', { email })
        .getOne();
      if (!user) return { kind: 'unknown-email' };
      const now = new Date();
      if (user.signInBlockedUntil && user.signInBlockedUntil > now) {
        const retryAfterSeconds = Math.ceil((user.signInBlockedUntil.getTime() - now.getTime()) / 1000);
        return { kind: 'blocked', user, retryAfterSeconds };
      }
      const failedSignIns = user.failedSignIns + 1;
      const blockedUntil = signInBlockedUntil(failedSignIns, now);
      await tx
        .getRepository(User)
        .update({ id: user.id }, { failedSignIns, signInBlockedUntil: blockedUntil });
      return { kind: 'counted', user, failedSignIns, blockedUntil };
    });
  }

  // Logged once per failure; never the password, and an unknown email only as a hash.
  private logFailure(email: string, attempt: Attempt): void {
    if (attempt.kind !== 'counted') {
      const emailHash = hashSecret(email.trim().toLowerCase()).slice(0, 16);
      this.logger.warn({ event: 'sign_in_failed', emailHash }, 'sign-in failed');
      return;
    }
    this.logger.warn(
      {
        event: 'sign_in_failed',
        userId: attempt.user.id,
        failedSignIns: attempt.failedSignIns,
        blockedUntil: attempt.blockedUntil?.toISOString(),
      },
      'sign-in failed',
    );
  }
}

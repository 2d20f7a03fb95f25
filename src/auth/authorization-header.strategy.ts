import type { Request } from 'express';
import { Strategy } from 'passport-strategy';
import { InvalidTokenError } from '../common/index.js';

type Verified = (error: unknown, user?: unknown) => void;
type Verify = (token: string, done: Verified) => void;

// RFC 6750 §2.1 b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * A passport strategy that reads the bearer token from the Authorization header only. Tokens
 * in query strings or form bodies (which RFC 6750 allows) end up in logs and browser history,
 * so they are not accepted.
 */
export class AuthorizationHeaderStrategy extends Strategy {
  name = 'authorization-header';

  constructor(private readonly verify: Verify) {
    super();
  }

  override authenticate(req: Request): void {
    const header = req.headers.authorization;
    if (!header) return this.fail(401);
    const match = BEARER.exec(header);
    if (!match) return this.error(new InvalidTokenError('the Authorization header is not "Bearer <token>"'));
    this.verify(match[1], (error, user) => {
      if (error) return this.error(error instanceof Error ? error : new Error('token verification failed'));
      return user ? this.success(user) : this.fail(401);
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { LOGGER, newId, type Logger } from '../common/index.js';
import { Database } from '../database/index.js';
import { IdempotencyKeyReusedError, IdempotencyRequestInProgressError } from './idempotency.errors.js';
import { IdempotencyRepository, type KeyRef } from './idempotency.repository.js';
import { keyDigest, seal, unseal, type StoredResponse } from './sealed-response.js';

/** One request that sent an Idempotency-Key. */
export interface KeyedRequest {
  companyId: string;
  principal: string;
  key: string;
  fingerprint: string;
  requestId: string;
}

/** What to do with a keyed request: run it (holding the key), or replay the kept response. */
export type Claim = { kind: 'run'; claimId: string } | { kind: 'replay'; response: StoredResponse };

/**
 * The records behind Idempotency-Key, in PostgreSQL so every API process sees the same ones.
 * Each step is its own short transaction: the claim commits before the request runs, so other
 * processes see the key as taken, and the business transaction stays the handler's own.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly db: Database,
    private readonly repository: IdempotencyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Takes the key, or answers what the first request with it got. Throws
   * IdempotencyKeyReusedError (422) for another request with the same key, and
   * IdempotencyRequestInProgressError (409) while the first one is still running.
   */
  claim(request: KeyedRequest): Promise<Claim> {
    const ref = refOf(request);
    const claimId = newId();
    const { leaseSeconds, ttlHours } = this.config.idempotency;
    return this.db.transaction({ companyId: request.companyId }, async (tx): Promise<Claim> => {
      const { fingerprint, requestId } = request;
      const claimed = await this.repository.claim(tx, ref, {
        fingerprint,
        claimId,
        requestId,
        leaseSeconds,
        ttlHours,
      });
      if (claimed) return { kind: 'run', claimId };
      const existing = await this.repository.find(tx, ref);
      if (existing && existing.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
      if (!existing?.response) throw new IdempotencyRequestInProgressError();
      return { kind: 'replay', response: unseal(existing.response, request.key) };
    });
  }

  /** Keeps the outcome for replay. Never fails the request: the work is done either way. */
  async complete(request: KeyedRequest, claimId: string, response: StoredResponse): Promise<void> {
    const sealed = seal(response, request.key);
    const { ttlHours } = this.config.idempotency;
    await this.db
      .transaction({ companyId: request.companyId }, (tx) =>
        this.repository.complete(tx, refOf(request), claimId, sealed, ttlHours),
      )
      .catch((error: unknown) => this.warn(request, error, 'could not keep the response of a keyed request'));
  }

  /** Lets the key go so a retry runs. If this fails, the lease still frees the key in time. */
  async release(request: KeyedRequest, claimId: string): Promise<void> {
    await this.db
      .transaction({ companyId: request.companyId }, (tx) =>
        this.repository.release(tx, refOf(request), claimId),
      )
      .catch((error: unknown) => this.warn(request, error, 'could not release an idempotency key'));
  }

  private warn(request: KeyedRequest, error: unknown, message: string): void {
    this.logger.warn({ err: error, requestId: request.requestId, companyId: request.companyId }, message);
  }
}

function refOf(request: KeyedRequest): KeyRef {
  return { companyId: request.companyId, principal: request.principal, keyDigest: keyDigest(request.key) };
}

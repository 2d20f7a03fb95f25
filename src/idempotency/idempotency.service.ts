import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { LOGGER, newId, type Logger } from '../common/index.js';
import type { OpeningStep } from '../database/index.js';
import {
  IdempotencyKeyReusedError,
  IdempotencyRequestInProgressError,
  IdempotencyResponseLostError,
} from './idempotency.errors.js';
import { IdempotencyRepository, type ExistingKey, type KeyRef } from './idempotency.repository.js';
import { keyDigest, seal, unseal, type StoredResponse } from './sealed-response.js';

/** One request that sent an Idempotency-Key. */
export interface KeyedRequest {
  companyId: string;
  principal: string;
  key: string;
  fingerprint: string;
  requestId: string;
}

/** Thrown out of the request's transaction when the key already has a kept response. */
export class KeptResponseFound extends Error {
  constructor(readonly response: StoredResponse) {
    super('the request with this Idempotency-Key has a kept response');
  }
}

/**
 * Takes the key inside the first transaction the request opens in its company, i.e. together
 * with the write it guards: both commit, or neither does. A key that is taken ends that
 * transaction at once, before anything is written, by throwing what to answer instead.
 */
export class KeyClaim implements OpeningStep {
  readonly companyId: string;
  readonly claimId = newId();
  /** The key and the request's write committed together. */
  isCommitted = false;

  constructor(
    readonly request: KeyedRequest,
    private readonly take: (tx: EntityManager, claim: KeyClaim) => Promise<void>,
  ) {
    this.companyId = request.companyId;
  }

  run(tx: EntityManager): Promise<void> {
    return this.take(tx, this);
  }

  committed(): void {
    this.isCommitted = true;
  }
}

/**
 * The records behind Idempotency-Key, in PostgreSQL so every API process sees the same ones.
 * The key is recorded in the write's own transaction, so a crash can never leave a write done
 * without its key (a retry would do it twice) nor a key without its write; the response is
 * kept in one statement just after commit.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly repository: IdempotencyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The step to give Database.withOpeningStep for this request. */
  claimFor(request: KeyedRequest): KeyClaim {
    return new KeyClaim(request, (tx, claim) => this.claimIn(tx, claim));
  }

  /**
   * Keeps an outcome for replay. After a committed claim this never fails the request: the work
   * is done either way. Without one (the request was refused, or its transaction rolled back),
   * the key may have a record already; then the answer is that record's, returned for replay,
   * or the problem thrown.
   */
  async keep(claim: KeyClaim, response: StoredResponse): Promise<StoredResponse | undefined> {
    const { request } = claim;
    const sealed = seal(response, request.key);
    const { ttlHours } = this.config.idempotency;
    if (claim.isCommitted) {
      await this.repository
        .complete(refOf(request), claim.claimId, sealed, ttlHours)
        .catch((error: unknown) =>
          this.warn(request, error, 'could not keep the response of a keyed request'),
        );
      return undefined;
    }
    let existing: ExistingKey | undefined;
    try {
      const ref = refOf(request);
      const kept = await this.repository.keepOutcome(
        ref,
        { ...request, claimId: claim.claimId },
        sealed,
        ttlHours,
      );
      if (!kept) existing = await this.repository.findNow(ref);
    } catch (error) {
      this.warn(request, error, 'could not keep the outcome of a keyed request');
    }
    return existing ? this.answerFor(request, existing) : undefined;
  }

  private async claimIn(tx: EntityManager, claim: KeyClaim): Promise<void> {
    const { request } = claim;
    const ref = refOf(request);
    const { leaseSeconds, ttlHours } = this.config.idempotency;
    const details = {
      fingerprint: request.fingerprint,
      claimId: claim.claimId,
      requestId: request.requestId,
    };
    if (await this.repository.claim(tx, ref, details, { leaseSeconds, ttlHours })) return;
    const existing = await this.repository.find(tx, ref);
    if (!existing) throw new IdempotencyRequestInProgressError();
    throw new KeptResponseFound(this.answerFor(request, existing));
  }

  /** What a request gets whose key has a record: the kept response, or why there is none. */
  private answerFor(request: KeyedRequest, existing: ExistingKey): StoredResponse {
    if (existing.fingerprint !== request.fingerprint) throw new IdempotencyKeyReusedError();
    if (existing.response) return unseal(existing.response, request.key);
    if (existing.running) throw new IdempotencyRequestInProgressError();
    throw new IdempotencyResponseLostError();
  }

  private warn(request: KeyedRequest, error: unknown, message: string): void {
    this.logger.warn({ err: error, requestId: request.requestId, companyId: request.companyId }, message);
  }
}

function refOf(request: KeyedRequest): KeyRef {
  return { companyId: request.companyId, principal: request.principal, keyDigest: keyDigest(request.key) };
}

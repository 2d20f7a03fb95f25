import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../database/index.js';

/** Names one key: the caller in the company, and the key's digest. */
export interface KeyRef {
  companyId: string;
  principal: string;
  keyDigest: string;
}

export interface ExistingKey {
  fingerprint: string;
  /** Null until the response of the request that took the key is kept. */
  response: Buffer | null;
  /** Whether that request may still be at work (its lease has not run out). */
  running: boolean;
}

// Runs first in the transaction of the write it guards, so the record and the write commit or
// roll back together: a record without a response means the write was done. The primary key
// admits one row per key; a concurrent INSERT of the same key waits until the first request's
// transaction ends, then, if it committed, takes the ON CONFLICT branch, which re-checks its
// WHERE under a row lock and takes the key over only if the record has expired. Returns a row
// only to the request that now holds the key.
const CLAIM = `
  INSERT INTO idempotency_keys AS k
         (company_id, principal, key_digest, fingerprint, claim_id, request_id, locked_until, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7::int), now() + make_interval(hours => $8::int))
  ON CONFLICT (company_id, principal, key_digest) DO UPDATE
     SET fingerprint = EXCLUDED.fingerprint, claim_id = EXCLUDED.claim_id, request_id = EXCLUDED.request_id,
         created_at = now(), locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at,
         response = NULL
   WHERE k.expires_at <= now()
  RETURNING k.claim_id`;

// One round trip after the write committed: the response, for the request that holds the key.
const COMPLETE = `
  UPDATE idempotency_keys
     SET response = decode($5, 'hex'), locked_until = NULL, expires_at = now() + make_interval(hours => $6::int)
   WHERE company_id = $1 AND principal = $2 AND key_digest = $3 AND claim_id = $4 AND response IS NULL`;

// An outcome whose request wrote nothing (it was refused, or its transaction rolled back): kept
// unless another request has taken the key meanwhile.
const KEEP_OUTCOME = `
  INSERT INTO idempotency_keys AS k
         (company_id, principal, key_digest, fingerprint, claim_id, request_id, response, locked_until, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6, decode($7, 'hex'), NULL, now() + make_interval(hours => $8::int))
  ON CONFLICT (company_id, principal, key_digest) DO UPDATE
     SET fingerprint = EXCLUDED.fingerprint, claim_id = EXCLUDED.claim_id, request_id = EXCLUDED.request_id,
         created_at = now(), response = EXCLUDED.response, locked_until = NULL, expires_at = EXCLUDED.expires_at
   WHERE k.expires_at <= now()
  RETURNING k.claim_id`;

const KEY = 'company_id = $1 AND principal = $2 AND key_digest = $3';

const FIND = `SELECT fingerprint, response, locked_until > now() AS running FROM idempotency_keys WHERE ${KEY}`;

export interface ClaimDetails {
  fingerprint: string;
  claimId: string;
  requestId: string;
}

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly db: Database) {}

  /** Takes the key for this request, in the write's transaction; false when another has it. */
  async claim(
    tx: EntityManager,
    ref: KeyRef,
    claim: ClaimDetails,
    terms: { leaseSeconds: number; ttlHours: number },
  ): Promise<boolean> {
    const rows = await tx.query<unknown[]>(CLAIM, [
      ref.companyId,
      ref.principal,
      ref.keyDigest,
      claim.fingerprint,
      claim.claimId,
      claim.requestId,
      terms.leaseSeconds,
      terms.ttlHours,
    ]);
    return rows.length === 1;
  }

  /**
   * The record that kept this request from claiming the key. In the claim's transaction, after
   * a claim that returned false: the ON CONFLICT branch locked the row, so it is still there.
   */
  async find(tx: EntityManager, ref: KeyRef): Promise<ExistingKey | undefined> {
    const [row] = await tx.query<ExistingKey[]>(FIND, [ref.companyId, ref.principal, ref.keyDigest]);
    return row;
  }

  /** Keeps the response of a write that committed with its claim. */
  async complete(ref: KeyRef, claimId: string, response: Buffer, ttlHours: number): Promise<void> {
    await this.db.statement({ companyId: ref.companyId }, COMPLETE, [
      ref.companyId,
      ref.principal,
      ref.keyDigest,
      claimId,
      response.toString('hex'),
      ttlHours,
    ]);
  }

  /** Keeps the outcome of a request that wrote nothing; false when the key had a record. */
  async keepOutcome(ref: KeyRef, claim: ClaimDetails, response: Buffer, ttlHours: number): Promise<boolean> {
    const rows = await this.db.statement({ companyId: ref.companyId }, KEEP_OUTCOME, [
      ref.companyId,
      ref.principal,
      ref.keyDigest,
      claim.fingerprint,
      claim.claimId,
      claim.requestId,
      response.toString('hex'),
      ttlHours,
    ]);
    return rows.length === 1;
  }

  /** The record of a key, outside any transaction of the request. */
  async findNow(ref: KeyRef): Promise<ExistingKey | undefined> {
    const [row] = await this.db.statement<ExistingKey>({ companyId: ref.companyId }, FIND, [
      ref.companyId,
      ref.principal,
      ref.keyDigest,
    ]);
    return row;
  }
}

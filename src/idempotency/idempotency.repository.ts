import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Names one key: the caller in the company, and the key's digest. */
export interface KeyRef {
  companyId: string;
  principal: string;
  keyDigest: string;
}

export interface ExistingKey {
  fingerprint: string;
  /** Null while the first request runs. */
  response: Buffer | null;
}

// One statement decides who runs, whatever the number of processes: the primary key admits one
// row per key, and a concurrent INSERT of the same key waits for the first to commit, then
// takes the ON CONFLICT branch. That branch re-checks its WHERE on the latest row under a row
// lock, and takes the key over only if the record has expired, or if its request was abandoned
// (the lease ran out without a response: the process died) and this is the same request. It
// returns a row only to the one request that now holds the key.
const CLAIM = `
  INSERT INTO idempotency_keys AS k
         (company_id, principal, key_digest, fingerprint, claim_id, request_id, locked_until, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7::int), now() + make_interval(hours => $8::int))
  ON CONFLICT (company_id, principal, key_digest) DO UPDATE
     SET fingerprint = EXCLUDED.fingerprint, claim_id = EXCLUDED.claim_id, request_id = EXCLUDED.request_id,
         created_at = now(), locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at,
         response = NULL
   WHERE k.expires_at <= now()
      OR (k.response IS NULL AND k.locked_until <= now() AND k.fingerprint = EXCLUDED.fingerprint)
  RETURNING k.claim_id`;

const KEY = 'company_id = $1 AND principal = $2 AND key_digest = $3';

@Injectable()
export class IdempotencyRepository {
  /** Takes the key for this request; false when another request holds it or has finished with it. */
  async claim(
    tx: EntityManager,
    ref: KeyRef,
    claim: {
      fingerprint: string;
      claimId: string;
      requestId: string;
      leaseSeconds: number;
      ttlHours: number;
    },
  ): Promise<boolean> {
    const rows = await tx.query<unknown[]>(CLAIM, [
      ref.companyId,
      ref.principal,
      ref.keyDigest,
      claim.fingerprint,
      claim.claimId,
      claim.requestId,
      claim.leaseSeconds,
      claim.ttlHours,
    ]);
    return rows.length === 1;
  }

  /**
   * The record that kept this request from claiming the key. In the claim's transaction, after
   * a claim that returned false: the ON CONFLICT branch locked the row, so it is still there.
   */
  async find(tx: EntityManager, ref: KeyRef): Promise<ExistingKey | undefined> {
    const [row] = await tx.query<ExistingKey[]>(
      `SELECT fingerprint, response FROM idempotency_keys WHERE ${KEY}`,
      [ref.companyId, ref.principal, ref.keyDigest],
    );
    return row;
  }

  /** Keeps the response; only if this execution still holds the key. */
  async complete(
    tx: EntityManager,
    ref: KeyRef,
    claimId: string,
    response: Buffer,
    ttlHours: number,
  ): Promise<void> {
    await tx.query(
      `UPDATE idempotency_keys
          SET response = $5, locked_until = NULL, expires_at = now() + make_interval(hours => $6::int)
        WHERE ${KEY} AND claim_id = $4 AND response IS NULL`,
      [ref.companyId, ref.principal, ref.keyDigest, claimId, response, ttlHours],
    );
  }

  /** Lets the key go, so the next request with it runs; only if this execution still holds it. */
  async release(tx: EntityManager, ref: KeyRef, claimId: string): Promise<void> {
    await tx.query(`DELETE FROM idempotency_keys WHERE ${KEY} AND claim_id = $4 AND response IS NULL`, [
      ref.companyId,
      ref.principal,
      ref.keyDigest,
      claimId,
    ]);
  }
}

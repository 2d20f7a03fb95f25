import { Injectable } from '@nestjs/common';
import type { StoredApiKey } from '../api-keys/index.js';
import type { Scope } from '../common/index.js';
import { Database } from '../database/index.js';
import type { MembershipRole } from '../identity/index.js';
import type { RateLimitTally, TenantCountPlan } from '../rate-limits/index.js';

// One statement per authenticated request checks the credentials against what may have changed
// since they were issued (access-token revocation and the person's role; an API key's row) and
// counts the request against the rate limit in the same round trip. It counts only a request
// it admits, under the same conditions the guard then applies in code (AdmissionService): the
// two must agree, and a request the statement counted but the code refuses fails loudly.
// The tables belong to other contexts (oauth, identity, api-keys; counting is rate-limits'
// `rate_limit_count` function); this is the one place authentication reads them in bulk.
// MATERIALIZED keeps each part evaluated once; CASE calls rate_limit_count only when admitted.

// $1 jti, $2 company (null when the token does not cover the one asked for), $3 person (null
// for a client's own token), $4 whether the token alone allows the request (company and
// scope), $5 the roles that allow the scope, $6 the bucket key (null: count nothing), $7
// window seconds, $8 quota. The role follows identity's rule (company-access.ts): a direct
// membership wins over a firm's.
const ADMIT_ACCESS_TOKEN = `
  WITH checked AS MATERIALIZED (
    SELECT EXISTS (SELECT 1 FROM oauth_revoked_access_tokens WHERE jti = $1::uuid) AS revoked,
           (SELECT role FROM company_access WHERE company_id = $2::uuid AND user_id = $3::uuid
             ORDER BY (via = 'direct') DESC LIMIT 1) AS role
  ), admitted AS MATERIALIZED (
    SELECT revoked, role,
           NOT revoked AND $4::boolean AND ($3::uuid IS NULL OR role = ANY ($5::text[])) AS admitted
      FROM checked
  ), counted AS MATERIALIZED (
    SELECT CASE WHEN admitted AND $6::text IS NOT NULL THEN rate_limit_count($6::text, $7::int, $8::int) END
             AS tally
      FROM admitted
  )
  SELECT revoked, role, (tally).counted, (tally).current, (tally).previous, (tally).elapsed
    FROM admitted, counted`;

// $1 key id, $2 environment, $3 SHA-256 of the presented key, $4 the company asked for (null:
// none), $5 the scope, $6 the bucket key without its company id (null: count nothing), $7
// window seconds, $8 quota. No row when the id is unknown. The company is compared as text,
// as the code compares it.
const ADMIT_API_KEY = `
  WITH stored AS MATERIALIZED (
    SELECT company_id, environment, scopes, secret_hash, revoked_at, last_used_at
      FROM api_keys WHERE id = $1::uuid LIMIT 1
  ), admitted AS MATERIALIZED (
    SELECT stored.*,
           environment = $2::text AND secret_hash = $3::text AND revoked_at IS NULL
             AND ($4::text IS NULL OR company_id::text = $4::text) AND $5::text = ANY (scopes) AS admitted
      FROM stored
  ), counted AS MATERIALIZED (
    SELECT CASE WHEN admitted AND $6::text IS NOT NULL
                THEN rate_limit_count($6::text || company_id::text, $7::int, $8::int) END AS tally
      FROM admitted
  )
  SELECT company_id, environment, scopes, secret_hash, revoked_at, last_used_at,
         (tally).counted, (tally).current, (tally).previous, (tally).elapsed
    FROM admitted, counted`;

type TallyColumns = { [K in keyof RateLimitTally]: RateLimitTally[K] | null };

function tallyOf(row: TallyColumns): RateLimitTally | null {
  const { counted, current, previous, elapsed } = row;
  return previous === null || elapsed === null ? null : { counted, current, previous, elapsed };
}

export interface AccessTokenCheck {
  jti: string;
  companyId: string | undefined;
  userId: string | undefined;
  /** The token covers the company and carries the scope. */
  allowsRequest: boolean;
  /** The roles whose scopes include the one needed. */
  permittingRoles: MembershipRole[];
  /** The whole bucket key: the company is known. */
  count: (TenantCountPlan & { bucketKey: string }) | undefined;
}

export interface ApiKeyCheck {
  id: string;
  environment: string;
  secretHash: string;
  requestedCompany: string | undefined;
  scope: Scope;
  count: TenantCountPlan | undefined;
}

@Injectable()
export class AdmissionRepository {
  constructor(private readonly db: Database) {}

  async checkAccessToken(
    check: AccessTokenCheck,
  ): Promise<{ revoked: boolean; role: MembershipRole | null; tally: RateLimitTally | null }> {
    const { jti, companyId, userId, count } = check;
    const [row] = await this.db.statement<{ revoked: boolean; role: MembershipRole | null } & TallyColumns>(
      { companyId, userId },
      ADMIT_ACCESS_TOKEN,
      [
        jti,
        companyId ?? null,
        userId ?? null,
        check.allowsRequest,
        check.permittingRoles,
        count?.bucketKey ?? null,
        count?.windowSeconds ?? 0,
        count?.quota ?? 0,
      ],
    );
    return { revoked: row.revoked, role: row.role, tally: tallyOf(row) };
  }

  async checkApiKey(
    check: ApiKeyCheck,
  ): Promise<{ stored: StoredApiKey; tally: RateLimitTally | null } | undefined> {
    const { id, count } = check;
    const [row] = await this.db.statement<StoredApiKeyColumns & TallyColumns>(
      { apiKeyId: id },
      ADMIT_API_KEY,
      [
        id,
        check.environment,
        check.secretHash,
        check.requestedCompany ?? null,
        check.scope,
        count?.bucketPrefix ?? null,
        count?.windowSeconds ?? 0,
        count?.quota ?? 0,
      ],
    );
    if (!row) return undefined;
    const stored: StoredApiKey = {
      companyId: row.company_id,
      environment: row.environment,
      scopes: row.scopes,
      secretHash: row.secret_hash,
      revokedAt: row.revoked_at,
      lastUsedAt: row.last_used_at,
    };
    return { stored, tally: tallyOf(row) };
  }
}

interface StoredApiKeyColumns {
  company_id: string;
  environment: StoredApiKey['environment'];
  scopes: string[];
  secret_hash: string;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

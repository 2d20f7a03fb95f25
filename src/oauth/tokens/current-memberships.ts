import type { EntityManager } from 'typeorm';

/**
 * The companies, of those given, the person may still work in (a membership, or through an
 * accounting firm the company engaged: the `company_access` view), in the given order. The
 * transaction must name the person (`userId` scope): row-level security admits a person's own
 * memberships and their firms' engagements. Plain SQL rather than the identity context's code
 * because that context imports this one (sign-up registers a client): importing it back would
 * be a cycle.
 */
export async function companiesStillJoined(
  tx: EntityManager,
  userId: string,
  companyIds: string[],
): Promise<string[]> {
  const rows: Array<{ company_id: string }> = await tx.query(
    `SELECT company_id FROM company_access WHERE user_id = $1 AND company_id = ANY($2::uuid[])`,
    [userId, companyIds],
  );
  const joined = new Set(rows.map((row) => row.company_id));
  return companyIds.filter((companyId) => joined.has(companyId));
}

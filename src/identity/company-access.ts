import type { EntityManager } from 'typeorm';
import type { MembershipRole } from './membership.entity.js';

// Reads of the `company_access` view (see the ShareCompaniesWithAccountingFirms migration),
// the one place that says who works in which company, directly or through an accounting firm.
// The transaction must name the person (`userId` scope), so row-level security shows their
// memberships of the firms they belong to. The guard reads a person's role in one company
// with the same rule (src/auth/admission.repository.ts), in its one statement per request.

export type AccessVia = 'direct' | 'firm';

export interface CompanyAccessRow {
  companyId: string;
  role: MembershipRole;
  via: AccessVia;
}

// A direct membership wins over a firm's; the view already leaves such firm rows out, the
// ordering is a second guard.
export async function accessOf(tx: EntityManager, userId: string): Promise<CompanyAccessRow[]> {
  const rows: Array<{ company_id: string; role: MembershipRole; via: AccessVia }> = await tx.query(
    `SELECT DISTINCT ON (company_id) company_id, role, via FROM company_access
      WHERE user_id = $1 ORDER BY company_id, (via = 'direct') DESC`,
    [userId],
  );
  return rows.map((row) => ({ companyId: row.company_id, role: row.role, via: row.via }));
}

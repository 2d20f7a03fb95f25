/** One difference between the maintained balances and a fresh sum of the postings. */
export interface BalanceDrift {
  company_id: string;
  account_id: string;
  grain: string;
  dimension_value_id: string;
  bucket: string;
  kept_debit: string | null;
  kept_credit: string | null;
  fresh_debit: string | null;
  fresh_credit: string | null;
}

/**
 * Recomputes every balance row (each day and month, in total and per dimension value) from the
 * postings and returns the rows that differ, both ways: a kept row with no postings behind it
 * is drift too. Run as the table owner (RLS would hide other companies); $1 limits it to one
 * company, or NULL for all. DOMAIN.md rule 7 holds when this returns nothing.
 */
export const LEDGER_DRIFT_SQL = `
  WITH fresh AS (
    SELECT p.company_id, g.grain, d.dimension_value_id,
           CASE g.grain WHEN 'D' THEN p.posting_date ELSE date_trunc('month', p.posting_date)::date END AS bucket,
           p.account_id, sum(greatest(p.amount, 0)) AS debit, sum(greatest(-p.amount, 0)) AS credit
      FROM postings p
     CROSS JOIN (VALUES ('D'), ('M')) AS g(grain)
     CROSS JOIN LATERAL unnest(ARRAY['00000000-0000-0000-0000-000000000000'::uuid]
                || array_remove(ARRAY[p.department_id, p.project_id], NULL)
                || p.dimension_value_ids) AS d(dimension_value_id)
     WHERE $1::uuid IS NULL OR p.company_id = $1::uuid
     GROUP BY 1, 2, 3, 4, 5),
  kept AS (
    SELECT * FROM ledger_balances WHERE $1::uuid IS NULL OR company_id = $1::uuid)
  SELECT coalesce(k.company_id, f.company_id) AS company_id, coalesce(k.account_id, f.account_id) AS account_id,
         coalesce(k.grain, f.grain) AS grain, coalesce(k.dimension_value_id, f.dimension_value_id) AS dimension_value_id,
         coalesce(k.bucket, f.bucket)::text AS bucket,
         k.debit AS kept_debit, k.credit AS kept_credit, f.debit AS fresh_debit, f.credit AS fresh_credit
    FROM kept k
    FULL JOIN fresh f
      ON f.company_id = k.company_id AND f.grain = k.grain AND f.dimension_value_id = k.dimension_value_id
     AND f.bucket = k.bucket AND f.account_id = k.account_id
   WHERE k.debit IS DISTINCT FROM f.debit OR k.credit IS DISTINCT FROM f.credit
   LIMIT 1000`;

/** Vouchers whose postings do not sum to zero (DOMAIN.md rule 1); the trigger makes this impossible. */
export const UNBALANCED_VOUCHERS_SQL = `
  SELECT company_id, voucher_id, sum(amount)::text AS total FROM postings
   WHERE $1::uuid IS NULL OR company_id = $1::uuid
   GROUP BY company_id, voucher_id HAVING sum(amount) <> 0 LIMIT 1000`;

/** Series and years whose booked numbers are not exactly 1..n (DOMAIN.md rule 4). */
export const NUMBER_GAPS_SQL = `
  SELECT company_id, series_id, fiscal_year_id, count(*)::int AS vouchers, max(number) AS highest
    FROM vouchers WHERE status = 'booked' AND ($1::uuid IS NULL OR company_id = $1::uuid)
   GROUP BY company_id, series_id, fiscal_year_id
  HAVING count(*) <> max(number) OR min(number) <> 1 OR count(DISTINCT number) <> count(*)
   LIMIT 1000`;

import type pg from 'pg';
import { accountId, type LedgerRefs } from './ledger-refs.js';

// The generated ledger: ~60 accounts over one fiscal year, vouchers in a cycle of seven
// patterns (sale, purchase, receipt, sale, purchase, payment, payroll) with realistic VAT lines.
const accounts = (numbers: string): string[] => numbers.split(' ');
const SALES_25 = accounts('3000 3020 3700');
const SALES_ZERO_RATED = accounts('3100 3120');
const PURCHASES_25 = accounts(
  '4000 4300 4360 4500 6100 6320 6340 6360 6390 6400 6420 6540 6551 6553 6560 6600 6620 6700 6705 6720 6725 6795 6800 6860 6900 6907 7300 7320 7600',
);
const COSTS_WITHOUT_VAT = accounts(
  '6300 6440 6840 6940 7000 7020 7040 7100 7130 7150 7160 7350 7360 7400 7500 7770 7775 7790 7799 8150',
);
const FIXED = accounts('1500 1920 2400 2700 2710 5000 2600');

/** Postings per voucher of each pattern, in cycle order: 23 postings per 7 vouchers. */
const PATTERN_POSTINGS = [4, 4, 2, 4, 4, 2, 3];
const CYCLE_POSTINGS = PATTERN_POSTINGS.reduce((sum, count) => sum + count, 0);

/** Postings written by vouchers 0..count-1 of the cycle. */
export function postingsOfVouchers(count: number): number {
  const whole = Math.floor(count / PATTERN_POSTINGS.length);
  const rest = PATTERN_POSTINGS.slice(0, count % PATTERN_POSTINGS.length).reduce((sum, n) => sum + n, 0);
  return whole * CYCLE_POSTINGS + rest;
}

/** The fewest vouchers (of the cycle, from voucher 0) that write at least `postings` postings. */
export function vouchersForPostings(postings: number): number {
  let count = Math.floor(postings / CYCLE_POSTINGS) * PATTERN_POSTINGS.length;
  while (postingsOfVouchers(count) < postings) count += 1;
  return count;
}

// Non-negative pseudo-random integers from the voucher's index: the same voucher always gets
// the same amounts, and the statement needs no random() whose evaluation order could matter.
const hash = (seed: number) => `(hashint8extended(g.i, ${seed}) & 9223372036854775807)`;
// Time-ordered ids shaped like UUIDv7: the 48-bit time field counts up with the index.
const uuid = (index: string, random: string) =>
  `(lpad(to_hex($7::bigint + ${index}), 12, '0') || '7' || ${random})::uuid`;
const pick = (array: number, divisor: number) =>
  `($${array}::uuid[])[(v.pick / ${divisor}) % cardinality($${array}::uuid[]) + 1]`;
const fixed = (number: string) => `($13::uuid[])[${FIXED.indexOf(number) + 1}]`;

// Every line of every pattern; each voucher keeps the lines of its own pattern. VAT lines come
// right after their entry line and name it, as booking through the API writes them.
const LINES = `(VALUES
  ('S', 1::smallint, 'entry', NULL::smallint, ${fixed('1500')}, v.net + v.net * 0.25 + v.extra, NULL::text, NULL::numeric, v.customer_id, NULL::uuid),
  ('S', 2, 'entry', NULL, ${pick(9, 1)}, -v.net, '3', 25, NULL, NULL),
  ('S', 3, 'vat', 2, ${fixed('2700')}, -v.net * 0.25, '3', 25, NULL, NULL),
  ('S', 4, 'entry', NULL, ${pick(10, 3)}, -v.extra, '5', 0, NULL, NULL),
  ('P', 1, 'entry', NULL, ${pick(11, 1)}, v.net, '1', 25, NULL, NULL),
  ('P', 2, 'vat', 1, ${fixed('2710')}, v.net * 0.25, '1', 25, NULL, NULL),
  ('P', 3, 'entry', NULL, ${pick(12, 7)}, v.extra, NULL, NULL, NULL, NULL),
  ('P', 4, 'entry', NULL, ${fixed('2400')}, -(v.net + v.net * 0.25 + v.extra), NULL, NULL, NULL, v.supplier_id),
  ('R', 1, 'entry', NULL, ${fixed('1920')}, v.net * 1.25, NULL, NULL, NULL, NULL),
  ('R', 2, 'entry', NULL, ${fixed('1500')}, -v.net * 1.25, NULL, NULL, v.customer_id, NULL),
  ('B', 1, 'entry', NULL, ${fixed('2400')}, v.net * 1.25, NULL, NULL, NULL, v.supplier_id),
  ('B', 2, 'entry', NULL, ${fixed('1920')}, -v.net * 1.25, NULL, NULL, NULL, NULL),
  ('W', 1, 'entry', NULL, ${fixed('5000')}, v.net * 2, NULL, NULL, NULL, NULL),
  ('W', 2, 'entry', NULL, ${fixed('2600')}, -round(v.net * 0.6, 2), NULL, NULL, NULL, NULL),
  ('W', 3, 'entry', NULL, ${fixed('1920')}, -(v.net * 2 - round(v.net * 0.6, 2)), NULL, NULL, NULL, NULL)
) AS l(pattern, line, kind, source, account_id, amount, vat_code, vat_rate, customer_id, supplier_id)`;

/**
 * Vouchers $3..$4 of the cycle with their postings, in one statement: the counters give each
 * series its block of numbers, the vouchers are inserted booked, and then all their postings in
 * one INSERT, so the postings trigger checks them and maintains ledger_balances as it does for
 * the API. Nets are multiples of 0.04, so 25 % VAT is exact to the øre.
 */
const GENERATE = `
WITH g AS MATERIALIZED (
  SELECT i FROM generate_series($3::bigint, $4::bigint) AS i
), v AS MATERIALIZED (
  SELECT g.i,
         ('{S,P,R,S,P,B,W}'::text[])[g.i % 7 + 1] AS pattern,
         $5::date + (${hash(1)} % $6)::int AS d,
         (${hash(2)} % 500000 + 2500) * 0.04 AS net,
         (${hash(3)} % 300000 + 100) * 0.01 AS extra,
         ${hash(4)} AS pick,
         md5('customer' || ${hash(5)} % 500)::uuid AS customer_id,
         md5('supplier' || ${hash(6)} % 200)::uuid AS supplier_id,
         ${uuid('g.i', `substr(md5(g.i::text), 1, 3) || '8' || substr(md5(g.i::text), 4, 15)`)} AS id
    FROM g
), vp AS MATERIALIZED (
  SELECT v.*, p.id AS period_id,
         ($8::uuid[])[CASE v.pattern WHEN 'S' THEN 1 WHEN 'P' THEN 2 WHEN 'W' THEN 4 ELSE 3 END] AS series_id
    FROM v JOIN periods p ON p.company_id = $1 AND p.fiscal_year_id = $2 AND v.d BETWEEN p.start_date AND p.end_date
), counts AS (
  SELECT series_id, count(*)::integer AS n FROM vp GROUP BY series_id
), numbers AS (
  INSERT INTO voucher_number_counters AS c (company_id, series_id, fiscal_year_id, last_number)
  SELECT $1, series_id, $2, n FROM counts
  ON CONFLICT (company_id, series_id, fiscal_year_id) DO UPDATE SET last_number = c.last_number + excluded.last_number
  RETURNING series_id, last_number
), new_vouchers AS (
  INSERT INTO vouchers (company_id, id, series_id, fiscal_year_id, number, status, voucher_date, description,
                        amounts_include_vat, created_by_kind, booked_at)
  SELECT $1, vp.id, vp.series_id, $2,
         numbers.last_number - counts.n + row_number() OVER (PARTITION BY vp.series_id ORDER BY vp.i),
         'booked', vp.d, 'Generated', false, 'system', now()
    FROM vp JOIN counts USING (series_id) JOIN numbers USING (series_id)
)
INSERT INTO postings (company_id, id, voucher_id, line_number, kind, source_line_number, posting_date, period_id,
                      account_id, amount, currency_amount, vat_code, vat_rate, customer_id, supplier_id)
SELECT $1, ${uuid('v.i', `lpad(to_hex(l.line), 3, '0') || '8' || substr(md5(v.i::text || ':' || l.line), 1, 15)`)},
       v.id, l.line, l.kind, l.source, v.d, v.period_id, l.account_id, l.amount, l.amount, l.vat_code, l.vat_rate,
       l.customer_id, l.supplier_id
  FROM vp AS v
  CROSS JOIN LATERAL ${LINES}
 WHERE l.pattern = v.pattern`;

/** Writes vouchers `first..last` (indexes in the cycle) of a company's generated ledger. */
export async function generateVouchers(
  client: pg.ClientBase,
  refs: LedgerRefs,
  first: number,
  last: number,
  idTimeBase: number,
): Promise<number> {
  const { fiscalYear } = refs;
  const days =
    Math.round((Date.parse(fiscalYear.endDate) - Date.parse(fiscalYear.startDate)) / 86_400_000) + 1;
  const ids = (numbers: string[]) => numbers.map((number) => accountId(refs, number));
  const series = ['sales', 'purchase', 'bank', 'payroll'].map((type) => refs.seriesIds.get(type));
  const result = await client.query(GENERATE, [
    refs.companyId,
    fiscalYear.id,
    first,
    last,
    fiscalYear.startDate,
    days,
    idTimeBase,
    series,
    ids(SALES_25),
    ids(SALES_ZERO_RATED),
    ids(PURCHASES_25),
    ids(COSTS_WITHOUT_VAT),
    ids(FIXED),
  ]);
  return result.rowCount ?? 0;
}

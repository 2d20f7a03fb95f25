import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '../common/index.js';
import type { SqlValue } from '../database/index.js';

export interface PostingFilter {
  accountId?: string;
  accountNumberFrom?: string;
  accountNumberTo?: string;
  from?: CalendarDate;
  to?: CalendarDate;
  dimensionValueId?: string;
  voucherId?: string;
  customerId?: string;
  supplierId?: string;
}

/** A posting with what a reader needs beside it: its account and its voucher's number. */
export interface PostingRow {
  id: string;
  voucher_id: string;
  series: string;
  voucher_number: number;
  line_number: number;
  kind: string;
  posting_date: string;
  account_id: string;
  account_number: string;
  account_name: string;
  amount: string;
  currency: string;
  currency_amount: string;
  exchange_rate: string;
  vat_code: string | null;
  vat_rate: string | null;
  department_id: string | null;
  project_id: string | null;
  dimension_value_ids: string[];
  customer_id: string | null;
  supplier_id: string | null;
  description: string;
}

/** The sort key of the postings queries: date, then id (UUIDv7: booking order within a day). */
export interface PostingPosition {
  date: CalendarDate;
  id: string;
}

/**
 * One page of postings in date order after `after`, filtered; reads `limit` rows through the
 * (company, account, date, id) or (company, date, id) index, so a page costs the same on page
 * one as on page ten thousand.
 */
export async function fetchPostings(
  tx: EntityManager,
  companyId: string,
  filter: PostingFilter,
  after: PostingPosition | undefined,
  limit: number,
): Promise<PostingRow[]> {
  const parameters: unknown[] = [companyId];
  const where = ['p.company_id = $1', ...filterConditions(filter, parameters)];
  if (after) {
    parameters.push(after.date, after.id);
    where.push(`(p.posting_date, p.id) > ($${parameters.length - 1}, $${parameters.length})`);
  }
  parameters.push(limit);
  return await tx.query<PostingRow[]>(
    `SELECT p.id, p.voucher_id, s.code AS series, v.number AS voucher_number, p.line_number, p.kind,
            p.posting_date, p.account_id, a.number AS account_number, a.name AS account_name, p.amount, p.currency,
            p.currency_amount, p.exchange_rate, p.vat_code, p.vat_rate, p.department_id, p.project_id,
            p.dimension_value_ids, p.customer_id, p.supplier_id, p.description
       FROM postings p
       JOIN accounts a ON a.company_id = p.company_id AND a.id = p.account_id
       JOIN vouchers v ON v.company_id = p.company_id AND v.id = p.voucher_id
       JOIN voucher_series s ON s.company_id = v.company_id AND s.id = v.series_id
      WHERE ${where.join(' AND ')}
      ORDER BY p.posting_date, p.id
      LIMIT $${parameters.length}`,
    parameters,
  );
}

/** The WHERE conditions of a filter, their values appended to `parameters`. */
function filterConditions(filter: PostingFilter, parameters: unknown[]): string[] {
  const where: string[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    parameters.push(value);
    where.push(condition(`$${parameters.length}`));
  };
  if (filter.accountId) add((x) => `p.account_id = ${x}`, filter.accountId);
  if (filter.accountNumberFrom) add((x) => `a.number >= ${x}`, filter.accountNumberFrom);
  if (filter.accountNumberTo) add((x) => `a.number <= ${x}`, filter.accountNumberTo);
  if (filter.from) add((x) => `p.posting_date >= ${x}`, filter.from);
  if (filter.to) add((x) => `p.posting_date <= ${x}`, filter.to);
  if (filter.voucherId) add((x) => `p.voucher_id = ${x}`, filter.voucherId);
  if (filter.customerId) add((x) => `p.customer_id = ${x}`, filter.customerId);
  if (filter.supplierId) add((x) => `p.supplier_id = ${x}`, filter.supplierId);
  if (filter.dimensionValueId)
    add(
      (x) => `(p.department_id = ${x} OR p.project_id = ${x} OR ${x}::uuid = ANY(p.dimension_value_ids))`,
      filter.dimensionValueId,
    );
  return where;
}

/**
 * Every posting the filter matches, in date order, as the rows of the CSV export (the columns
 * of POSTINGS_CSV_HEADER): PostgreSQL formats them (COPY ... CSV), the API passes them on.
 * Amounts are rounded to øre as the JSON shows them.
 */
export function postingsCsvQuery(
  companyId: string,
  filter: PostingFilter,
): { sql: string; values: SqlValue[] } {
  const parameters: unknown[] = [companyId];
  const where = ['p.company_id = $1', ...filterConditions(filter, parameters)];
  return {
    sql: `SELECT p.posting_date, s.code || ' ' || v.number, p.voucher_id, p.line_number, p.kind, a.number, a.name,
                 round(p.amount, 2), p.currency, round(p.currency_amount, 2), p.vat_code, p.department_id,
                 p.project_id, p.customer_id, p.supplier_id, p.description, p.id
            FROM postings p
            JOIN accounts a ON a.company_id = p.company_id AND a.id = p.account_id
            JOIN vouchers v ON v.company_id = p.company_id AND v.id = p.voucher_id
            JOIN voucher_series s ON s.company_id = v.company_id AND s.id = v.series_id
           WHERE ${where.join(' AND ')}
           ORDER BY p.posting_date, p.id`,
    values: parameters as SqlValue[],
  };
}

/** The header of the postings CSV export, naming the columns of postingsCsvQuery in order. */
export const POSTINGS_CSV_HEADER = [
  'date',
  'voucher',
  'voucher_id',
  'line',
  'kind',
  'account',
  'account_name',
  'amount',
  'currency',
  'currency_amount',
  'vat_code',
  'department_id',
  'project_id',
  'customer_id',
  'supplier_id',
  'description',
  'posting_id',
] as const;

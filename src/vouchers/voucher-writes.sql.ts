import { formatAmount } from '../common/index.js';
import type { SqlValue } from '../database/index.js';
import type { EventRow } from '../events/index.js';
import type { PostingRow } from './vouchers.repository.js';

// The statements that write booked vouchers, and how their parameters are laid out.

/** A timestamp as JSON, exactly as JavaScript's toISOString writes it (milliseconds, Z). */
const isoTimestamp = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// One row per array element: all postings of any number of vouchers in one statement.
export const INSERT_POSTINGS = `INSERT INTO postings (company_id, id, voucher_id, line_number, kind, source_line_number, posting_date,
              period_id, account_id, amount, currency, currency_amount, exchange_rate, vat_code, vat_rate,
              department_id, project_id, dimension_value_ids, customer_id, supplier_id, description)
       SELECT $1, u.id, u.voucher_id, u.line_number, u.kind, u.source_line_number, u.posting_date, u.period_id,
              u.account_id, u.amount, u.currency, u.currency_amount, u.exchange_rate, u.vat_code, u.vat_rate,
              u.department_id, u.project_id, u.dimension_value_ids::uuid[], u.customer_id, u.supplier_id, u.description
         FROM unnest($2::uuid[], $3::uuid[], $4::smallint[], $5::text[], $6::smallint[], $7::date[], $8::uuid[],
                     $9::uuid[], $10::numeric[], $11::text[], $12::numeric[], $13::numeric[], $14::text[],
                     $15::numeric[], $16::uuid[], $17::uuid[], $18::text[], $19::uuid[], $20::uuid[], $21::text[])
           AS u(id, voucher_id, line_number, kind, source_line_number, posting_date, period_id, account_id,
                amount, currency, currency_amount, exchange_rate, vat_code, vat_rate, department_id, project_id,
                dimension_value_ids, customer_id, supplier_id, description)`;

/** The parameters of INSERT_POSTINGS ($1 to $21): the company, then one array per column. */
export function postingParameters(companyId: string, rows: PostingRow[]): SqlValue[] {
  const column = <T>(pick: (row: PostingRow) => T): T[] => rows.map(pick);
  return [
    companyId,
    column((r) => r.id),
    column((r) => r.voucherId),
    column((r) => r.lineNumber),
    column((r) => r.kind),
    column((r) => r.sourceLineNumber),
    column((r) => r.postingDate),
    column((r) => r.periodId),
    column((r) => r.account.id),
    column((r) => formatAmount(r.amount, 4)),
    column((r) => r.currency),
    column((r) => formatAmount(r.currencyAmount, 4)),
    column((r) => formatAmount(r.exchangeRate, 8)),
    column((r) => r.vatCode),
    column((r) => r.vatRate),
    column((r) => r.departmentId),
    column((r) => r.projectId),
    column((r) => `{${r.dimensionValueIds.join(',')}}`),
    column((r) => r.customerId),
    column((r) => r.supplierId),
    column((r) => r.description),
  ];
}

/** A posting row as PostgreSQL would return it, from the values written. */
export function postingColumns(companyId: string, row: PostingRow): Record<string, unknown> {
  return {
    company_id: companyId,
    id: row.id,
    voucher_id: row.voucherId,
    line_number: row.lineNumber,
    kind: row.kind,
    source_line_number: row.sourceLineNumber,
    posting_date: row.postingDate,
    period_id: row.periodId,
    account_id: row.account.id,
    amount: formatAmount(row.amount, 4),
    currency: row.currency,
    currency_amount: formatAmount(row.currencyAmount, 4),
    exchange_rate: formatAmount(row.exchangeRate, 8),
    vat_code: row.vatCode,
    vat_rate: row.vatRate,
    department_id: row.departmentId,
    project_id: row.projectId,
    dimension_value_ids: row.dimensionValueIds,
    customer_id: row.customerId,
    supplier_id: row.supplierId,
    description: row.description,
  };
}

/** A voucher to book in one statement: its row, its postings and its audit entry. */
export interface NewBooking {
  voucher: {
    companyId: string;
    id: string;
    seriesId: string;
    fiscalYearId: string;
    voucherDate: string;
    description: string;
    amountsIncludeVat: boolean;
    reversesVoucherId: string | null;
    createdByKind: string;
    createdByUserId: string | null;
    createdByClientId: string | null;
    createdByApiKeyId: string | null;
  };
  rows: PostingRow[];
  /** The audit entry; the number the voucher gets is added to its details as `number`. */
  audit: {
    id: string;
    action: string;
    resourceType: string;
    resourceId: string;
    requestId: string | null;
    details: Record<string, unknown>;
  };
  /**
   * The events it publishes. Those marked `completedBySql` carry the new voucher as the API will
   * answer it, but for what only the statement knows: its number, timestamps and version.
   */
  events: Array<EventRow & { completedBySql: boolean }>;
}

/** The parameters of the events part of BOOK_NEW ($39-$43). */
export function bookingEventParameters(events: NewBooking['events']): SqlValue[] {
  return [
    events.map((event) => event.id),
    events.map((event) => event.type),
    events.map((event) => event.scope),
    events.map((event) => JSON.stringify(event.data)),
    events.map((event) => String(event.completedBySql)),
  ];
}

// Parameters: $1-$21 as INSERT_POSTINGS (the company, then the postings' columns), then the
// voucher's ($22-$32), the audit entry's ($33-$38) and the events' ($39-$43, see
// bookingEventParameters; the outbox rows of this transaction). The audit row's actor is the
// voucher's creator. All parts see the number the counter hands out; the postings trigger fires at the end
// of the statement and sees the voucher it belongs to.
export const BOOK_NEW = `
  WITH counter AS (
    INSERT INTO voucher_number_counters AS c (company_id, series_id, fiscal_year_id, last_number)
    VALUES ($1, $22::uuid, $23::uuid, 1)
    ON CONFLICT (company_id, series_id, fiscal_year_id) DO UPDATE SET last_number = c.last_number + 1
    RETURNING last_number
  ), voucher AS (
    INSERT INTO vouchers (company_id, id, series_id, fiscal_year_id, number, status, voucher_date, description,
                          amounts_include_vat, draft_lines, reverses_voucher_id, created_by_kind, created_by_user_id,
                          created_by_client_id, created_by_api_key_id, booked_at)
    SELECT $1, $24::uuid, $22::uuid, $23::uuid, counter.last_number, 'booked', $25::date, $26::text, $27::boolean,
           NULL, $28::uuid, $29::text, $30::uuid, $31::text, $32::uuid, now()
      FROM counter
    RETURNING *
  ), posted AS (
    ${INSERT_POSTINGS}
  ), audited AS (
    INSERT INTO audit_events (company_id, id, actor_kind, actor_user_id, actor_client_id, actor_api_key_id, action,
                              resource_type, resource_id, request_id, details)
    SELECT $1, $33::uuid, $29::text, $30::uuid, $31::text, $32::uuid, $34::text, $35::text, $36::text, $37::text,
           $38::jsonb || jsonb_build_object('number', voucher.number)
      FROM voucher
  ), published AS (
    INSERT INTO events (company_id, id, type, scope, data)
    SELECT $1, e.id, e.type, e.scope,
           CASE WHEN e.completed_by_sql
                THEN e.data::jsonb || jsonb_build_object('number', voucher.number, 'version', voucher.version,
                       'createdAt', ${isoTimestamp('voucher.created_at')}, 'bookedAt', ${isoTimestamp('voucher.booked_at')})
                ELSE e.data::jsonb END
      FROM voucher, unnest($39::uuid[], $40::text[], $41::text[], $42::text[], $43::boolean[])
             AS e(id, type, scope, data, completed_by_sql)
  )
  SELECT * FROM voucher`;

/** Many numbered vouchers to write in one statement, with their postings and audit entries. */
export interface NumberedBatch {
  companyId: string;
  creator: { kind: string; userId: string | null; clientId: string | null; apiKeyId: string | null };
  requestId: string | null;
  vouchers: {
    id: string;
    seriesId: string;
    fiscalYearId: string;
    number: number;
    date: string;
    description: string;
    amountsIncludeVat: boolean;
    auditId: string;
    auditDetails: Record<string, unknown>;
  }[];
  rows: PostingRow[];
  /** The `voucher.booked` events, one per voucher, all but their timestamps (the statement's now()). */
  events: { definition: { type: string; scope: string }; rows: EventRow[] };
}

/** The parameters of BOOK_NUMBERED for a batch. */
export function numberedBatchParameters(batch: NumberedBatch): SqlValue[] {
  const column = <T extends string | number | null>(
    pick: (item: NumberedBatch['vouchers'][number]) => T,
  ): T[] => batch.vouchers.map(pick);
  const { creator } = batch;
  return [
    ...postingParameters(batch.companyId, batch.rows),
    column((v) => v.id),
    column((v) => v.seriesId),
    column((v) => v.fiscalYearId),
    column((v) => v.number),
    column((v) => v.date),
    column((v) => v.description),
    column((v) => String(v.amountsIncludeVat)),
    creator.kind,
    creator.userId,
    creator.clientId,
    creator.apiKeyId,
    batch.requestId,
    column((v) => v.auditId),
    column((v) => JSON.stringify(v.auditDetails)),
    batch.events.rows.map((event) => event.id),
    batch.events.rows.map((event) => JSON.stringify(event.data)),
    batch.events.definition.type,
    batch.events.definition.scope,
  ];
}

// Vouchers already numbered (a batch takes its blocks of numbers first), their postings and
// audit entries in one statement: $1-$21 as INSERT_POSTINGS, then one array per voucher column
// ($22-$28), the creator and request ($29-$33), the audit entries ($34-$35) and the events ($36-$39:
// ids, data, type, scope), completed with the vouchers' timestamps, which are the transaction's now().
export const BOOK_NUMBERED = `
  WITH written AS (
    INSERT INTO vouchers (company_id, id, series_id, fiscal_year_id, number, status, voucher_date, description,
                          amounts_include_vat, created_by_kind, created_by_user_id, created_by_client_id,
                          created_by_api_key_id, booked_at)
    SELECT $1, v.id, v.series_id, v.fiscal_year_id, v.number, 'booked', v.voucher_date, v.description,
           v.amounts_include_vat, $29::text, $30::uuid, $31::text, $32::uuid, now()
      FROM unnest($22::uuid[], $23::uuid[], $24::uuid[], $25::int[], $26::date[], $27::text[], $28::boolean[])
        AS v(id, series_id, fiscal_year_id, number, voucher_date, description, amounts_include_vat)
  ), posted AS (
    ${INSERT_POSTINGS}
  ), audited AS (
    INSERT INTO audit_events (company_id, id, actor_kind, actor_user_id, actor_client_id, actor_api_key_id, action,
                              resource_type, resource_id, request_id, details)
    SELECT $1, a.id, $29::text, $30::uuid, $31::text, $32::uuid, 'voucher.booked', 'voucher', a.voucher_id::text,
           $33::text, a.details::jsonb
      FROM unnest($34::uuid[], $22::uuid[], $35::text[]) AS a(id, voucher_id, details)
  ), published AS (
    INSERT INTO events (company_id, id, type, scope, data)
    SELECT $1, e.id, $38::text, $39::text,
           e.data::jsonb || jsonb_build_object('createdAt', ${isoTimestamp('now()')}, 'bookedAt', ${isoTimestamp('now()')})
      FROM unnest($36::uuid[], $37::text[]) AS e(id, data)
  )
  SELECT 1 AS written`;

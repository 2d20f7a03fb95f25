import pg from 'pg';
import { todayInNorway } from '../../../src/common/dates/calendar-date.js';

export interface PeriodRef {
  id: string;
  startDate: string;
  endDate: string;
}

/** The ids raw SQL needs to write a company's vouchers, read from the database as its owner. */
export interface LedgerRefs {
  companyId: string;
  /** Series id by voucher type (`sales`, `purchase`, `bank`, ...). */
  seriesIds: Map<string, string>;
  /** The fiscal year that contains today, with its twelve periods in date order. */
  fiscalYear: { id: string; startDate: string; endDate: string; periods: PeriodRef[] };
  /** Account id by account number. */
  accountIds: Map<string, string>;
}

export type Queryable = Pick<pg.Pool, 'query'>;

export function periodOf(refs: LedgerRefs, date: string): PeriodRef {
  const period = refs.fiscalYear.periods.find((p) => p.startDate <= date && date <= p.endDate);
  if (!period) throw new Error(`no period of the current fiscal year contains ${date}`);
  return period;
}

export function accountId(refs: LedgerRefs, number: string): string {
  const id = refs.accountIds.get(number);
  if (!id) throw new Error(`account ${number} is not in the bench company's chart`);
  return id;
}

export async function readLedgerRefs(db: Queryable, companyId: string): Promise<LedgerRefs> {
  const today = todayInNorway();
  const series = await db.query<{ id: string; voucher_type: string }>(
    'SELECT id, voucher_type FROM voucher_series WHERE company_id = $1',
    [companyId],
  );
  const years = await db.query<{ id: string; start_date: string; end_date: string }>(
    `SELECT id, start_date::text, end_date::text FROM fiscal_years
      WHERE company_id = $1 AND start_date <= $2 AND end_date >= $2`,
    [companyId, today],
  );
  const year = years.rows[0];
  if (!year) throw new Error(`the bench company has no fiscal year containing ${today}`);
  const periods = await db.query<{ id: string; start_date: string; end_date: string }>(
    `SELECT id, start_date::text, end_date::text FROM periods
      WHERE company_id = $1 AND fiscal_year_id = $2 ORDER BY start_date`,
    [companyId, year.id],
  );
  const accounts = await db.query<{ id: string; number: string }>(
    'SELECT id, number FROM accounts WHERE company_id = $1',
    [companyId],
  );
  return {
    companyId,
    seriesIds: new Map(series.rows.map((row) => [row.voucher_type, row.id])),
    fiscalYear: {
      id: year.id,
      startDate: year.start_date,
      endDate: year.end_date,
      periods: periods.rows.map((row) => ({ id: row.id, startDate: row.start_date, endDate: row.end_date })),
    },
    accountIds: new Map(accounts.rows.map((row) => [row.number, row.id])),
  };
}

/** `readLedgerRefs` over a connection of its own, closed again. */
export async function readCompanyRefs(databaseUrl: string, companyId: string): Promise<LedgerRefs> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    return await readLedgerRefs(pool, companyId);
  } finally {
    await pool.end();
  }
}

/**
 * ANALYZE the tables a booking touches, as autovacuum does on a long-lived database. A fresh
 * bench database has no statistics, and then the postings trigger's voucher lookup is planned as
 * a scan of all the company's vouchers per voucher (quadratic in a batch): real, but a cold-start
 * effect that would otherwise swamp the steady-state figures.
 */
export async function refreshStatistics(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('ANALYZE vouchers, postings, ledger_balances, voucher_number_counters, audit_events');
  } finally {
    await client.end();
  }
}

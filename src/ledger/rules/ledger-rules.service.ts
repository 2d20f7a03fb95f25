import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database, hydrateRow, type SqlStatement } from '../../database/index.js';
import { Account } from '../accounts/account.entity.js';
import { ROUNDING_ACCOUNT } from '../chart/default-chart.js';
import { Period } from '../periods/period.entity.js';
import { VatCode } from '../vat/vat-code.entity.js';
import type { DimensionValueInfo, LedgerSnapshot, LedgerSnapshotRequest } from './ledger-snapshot.js';

/** Reads, in the caller's transaction, what the ledger rules need to judge a voucher. */
@Injectable()
export class LedgerRulesService {
  constructor(private readonly db: Database) {}

  async snapshotIn(
    tx: EntityManager,
    companyId: string,
    request: LedgerSnapshotRequest,
  ): Promise<LedgerSnapshot> {
    const { date, ...rest } = request;
    const snapshots = await this.snapshotsIn(tx, companyId, { ...rest, dates: [date] });
    return snapshots.get(date)!;
  }

  /**
   * One snapshot per date, read together: a batch of vouchers costs one round trip, not one per
   * voucher. Periods are locked in date order, so concurrent batches cannot deadlock on them.
   */
  async snapshotsIn(
    tx: EntityManager,
    companyId: string,
    request: SnapshotsRequest,
  ): Promise<Map<string, LedgerSnapshot>> {
    return (await this.snapshotsWith(tx, companyId, request, [])).snapshots;
  }

  /**
   * As snapshotsIn, with the caller's own reads (`also`) in the same round trip: a booking reads
   * everything it needs before it writes in one go. Returns their rows too, in order.
   */
  async snapshotsWith(
    tx: EntityManager,
    companyId: string,
    request: SnapshotsRequest,
    also: SqlStatement[],
  ): Promise<{ snapshots: Map<string, LedgerSnapshot>; also: Record<string, unknown>[][] }> {
    const withDimensions = request.dimensionValueIds.length > 0;
    const results = await this.db.queries(tx, [
      periodsStatement(companyId, request.dates, request.lockPeriod),
      { sql: VAT_CODES, values: [companyId, request.vatCodes] },
      {
        sql: ACCOUNTS,
        values: [
          companyId,
          [...request.accountNumbers, ROUNDING_ACCOUNT],
          request.accountIds,
          request.vatCodes,
        ],
      },
      ...(withDimensions ? [{ sql: DIMENSION_VALUES, values: [companyId, request.dimensionValueIds] }] : []),
      ...also,
    ]);
    const snapshots = assemble(tx, request.dates, results, withDimensions);
    return { snapshots, also: results.slice(withDimensions ? 4 : 3) };
  }
}

/** One snapshot per date from the rows of the reads: periods, VAT codes, accounts, dimension values. */
function assemble(
  tx: EntityManager,
  dates: string[],
  results: Record<string, unknown>[][],
  withDimensions: boolean,
): Map<string, LedgerSnapshot> {
  const [periodRows, vatRows, accountRows] = results;
  const periods = periodRows.map((row) => hydrateRow(tx, Period, row));
  const vatCodes = vatRows.map((row) => hydrateRow(tx, VatCode, row));
  const accounts = accountRows.map((row) => hydrateRow(tx, Account, row));
  const dimensionRows = (withDimensions ? results[3] : []) as unknown as DimensionValueInfo[];
  const shared = {
    accountsByNumber: new Map(accounts.map((account) => [account.number, account])),
    accountsById: new Map(accounts.map((account) => [account.id, account])),
    vatCodes: new Map(vatCodes.map((code) => [code.code, code])),
    dimensionValues: new Map(dimensionRows.map((row) => [row.id, row])),
    roundingAccount: accounts.find((account) => account.number === ROUNDING_ACCOUNT),
  };
  return new Map(
    dates.map((date) => [
      date,
      { ...shared, date, period: periods.find((p) => p.startDate <= date && date <= p.endDate) ?? null },
    ]),
  );
}

export type SnapshotsRequest = Omit<LedgerSnapshotRequest, 'date'> & { dates: string[] };

function periodsStatement(companyId: string, dates: string[], lock: boolean): SqlStatement {
  return {
    sql: `SELECT * FROM periods p
           WHERE p.company_id = $1
             AND EXISTS (SELECT 1 FROM unnest($2::date[]) AS d WHERE d BETWEEN p.start_date AND p.end_date)
           ORDER BY p.start_date${lock ? ' FOR SHARE' : ''}`,
    values: [companyId, [...new Set(dates)]],
  };
}

// The VAT codes named.
const VAT_CODES = `SELECT * FROM vat_codes WHERE company_id = $1 AND code = ANY($2::text[])`;

// The accounts named by number or id, and those the named VAT codes post to.
const ACCOUNTS = `
  SELECT * FROM accounts a
   WHERE a.company_id = $1
     AND (a.number = ANY($2::text[]) OR a.id = ANY($3::uuid[])
          OR a.id IN (SELECT unnest(ARRAY[v.vat_account_id, v.deduction_account_id])
                        FROM vat_codes v WHERE v.company_id = $1 AND v.code = ANY($4::text[])))`;

const DIMENSION_VALUES = `
  SELECT v.id, v.dimension_id AS "dimensionId", d.kind, v.code, v.is_active AND d.is_active AS "isActive"
    FROM dimension_values v JOIN dimensions d ON d.company_id = v.company_id AND d.id = v.dimension_id
   WHERE v.company_id = $1 AND v.id = ANY($2::uuid[])`;

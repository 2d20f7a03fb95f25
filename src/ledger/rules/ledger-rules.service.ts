import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Account } from '../accounts/account.entity.js';
import { ROUNDING_ACCOUNT } from '../chart/default-chart.js';
import { Period } from '../periods/period.entity.js';
import { VatCode } from '../vat/vat-code.entity.js';
import type { DimensionValueInfo, LedgerSnapshot, LedgerSnapshotRequest } from './ledger-snapshot.js';

/** Reads, in the caller's transaction, what the ledger rules need to judge a voucher. */
@Injectable()
export class LedgerRulesService {
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
   * One snapshot per date, read together: a batch of vouchers costs four queries, not four per
   * voucher. Periods are locked in date order, so concurrent batches cannot deadlock on them.
   */
  async snapshotsIn(
    tx: EntityManager,
    companyId: string,
    request: Omit<LedgerSnapshotRequest, 'date'> & { dates: string[] },
  ): Promise<Map<string, LedgerSnapshot>> {
    const periods = await this.periodsOf(tx, companyId, request.dates, request.lockPeriod);
    const { vatCodes, accounts } = await this.vatCodesAndAccounts(tx, companyId, request);
    const shared = {
      accountsByNumber: new Map(accounts.map((account) => [account.number, account])),
      accountsById: new Map(accounts.map((account) => [account.id, account])),
      vatCodes: new Map(vatCodes.map((code) => [code.code, code])),
      dimensionValues: await this.dimensionValues(tx, companyId, request.dimensionValueIds),
      roundingAccount: accounts.find((account) => account.number === ROUNDING_ACCOUNT),
    };
    return new Map(
      request.dates.map((date) => [
        date,
        { ...shared, date, period: periods.find((p) => p.startDate <= date && date <= p.endDate) ?? null },
      ]),
    );
  }

  // The VAT codes named, and the accounts named by number or id plus those the VAT codes post to.
  private async vatCodesAndAccounts(
    tx: EntityManager,
    companyId: string,
    request: Pick<LedgerSnapshotRequest, 'vatCodes' | 'accountNumbers' | 'accountIds'>,
  ): Promise<{ vatCodes: VatCode[]; accounts: Account[] }> {
    const vatCodes = request.vatCodes.length
      ? await tx
          .getRepository(VatCode)
          .createQueryBuilder('vat')
          .where('vat.company_id = :companyId AND vat.code = ANY(:codes)', {
            companyId,
            codes: request.vatCodes,
          })
          .getMany()
      : [];
    const vatAccountIds = vatCodes.flatMap((code) =>
      [code.vatAccountId, code.deductionAccountId].filter((id): id is string => id !== null),
    );
    const accounts = await tx
      .getRepository(Account)
      .createQueryBuilder('account')
      .where('account.company_id = :companyId', { companyId })
      .andWhere('(account.number = ANY(:numbers) OR account.id = ANY(:ids))', {
        numbers: [...request.accountNumbers, ROUNDING_ACCOUNT],
        ids: [...vatAccountIds, ...request.accountIds],
      })
      .getMany();
    return { vatCodes, accounts };
  }

  private async periodsOf(
    tx: EntityManager,
    companyId: string,
    dates: string[],
    lock: boolean,
  ): Promise<Period[]> {
    const query = tx
      .getRepository(Period)
      .createQueryBuilder('period')
      .where('period.company_id = :companyId', { companyId })
      .andWhere(
        'EXISTS (SELECT 1 FROM unnest(CAST(:dates AS date[])) AS d WHERE d BETWEEN period.start_date AND period.end_date)',
        {
          dates: [...new Set(dates)],
        },
      )
      .orderBy('period.start_date');
    if (lock) query.setLock('pessimistic_read');
    return query.getMany();
  }

  private async dimensionValues(
    tx: EntityManager,
    companyId: string,
    ids: string[],
  ): Promise<Map<string, DimensionValueInfo>> {
    if (ids.length === 0) return new Map();
    const rows = await tx.query<DimensionValueInfo[]>(
      `SELECT v.id, v.dimension_id AS "dimensionId", d.kind, v.code, v.is_active AND d.is_active AS "isActive"
         FROM dimension_values v JOIN dimensions d ON d.company_id = v.company_id AND d.id = v.dimension_id
        WHERE v.company_id = $1 AND v.id = ANY($2::uuid[])`,
      [companyId, ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }
}

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
    const period = await this.periodOf(tx, companyId, request.date, request.lockPeriod);
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
    return {
      date: request.date,
      period,
      accountsByNumber: new Map(accounts.map((account) => [account.number, account])),
      accountsById: new Map(accounts.map((account) => [account.id, account])),
      vatCodes: new Map(vatCodes.map((code) => [code.code, code])),
      dimensionValues: await this.dimensionValues(tx, companyId, request.dimensionValueIds),
      roundingAccount: accounts.find((account) => account.number === ROUNDING_ACCOUNT),
    };
  }

  private async periodOf(
    tx: EntityManager,
    companyId: string,
    date: string,
    lock: boolean,
  ): Promise<Period | null> {
    const query = tx
      .getRepository(Period)
      .createQueryBuilder('period')
      .where('period.company_id = :companyId AND period.start_date <= :date AND period.end_date >= :date', {
        companyId,
        date,
      });
    if (lock) query.setLock('pessimistic_read');
    return query.getOne();
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

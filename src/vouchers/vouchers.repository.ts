import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { VoucherAttachment } from './attachments/voucher-attachment.entity.js';
import { decodeCursor, encodeCursor, NotFoundError, PAGE_DEFAULT, type Page } from '../common/index.js';
import type { VoucherFilter } from './vouchers.service.js';
import { Database, hydrateRow, type SqlStatement } from '../database/index.js';
import {
  BOOK_NEW,
  bookingEventParameters,
  BOOK_NUMBERED,
  numberedBatchParameters,
  type NumberedBatch,
  INSERT_POSTINGS,
  postingColumns,
  postingParameters,
  type NewBooking,
} from './voucher-writes.sql.js';
import { Posting } from './postings/posting.entity.js';
import { VoucherSeries, type VoucherType } from './series/voucher-series.entity.js';
import type { ComputedPosting } from './voucher-computation.js';
import { Voucher } from './voucher.entity.js';

export interface PostingRow extends ComputedPosting {
  id: string;
  voucherId: string;
  postingDate: string;
  periodId: string;
}

/** A voucher with its postings (none while it is a draft) and, if reversed, its reversal. */
export interface VoucherRecord {
  voucher: Voucher;
  series: VoucherSeries;
  postings: Posting[];
  /** The number of each account the postings use, by account id. */
  accountNumbers: Map<string, string>;
  /** Its source documents (without their content). */
  attachments: VoucherAttachment[];
  reversedByVoucherId: string | null;
}

/** Tenant-scoped reads and writes of vouchers and postings; `companyId` always comes first. */
@Injectable()
export class VouchersRepository {
  constructor(private readonly db: Database) {}

  async seriesFor(tx: EntityManager, companyId: string, voucherType: VoucherType): Promise<VoucherSeries> {
    const series = await tx.getRepository(VoucherSeries).findOneBy({ companyId, voucherType });
    if (!series) throw new Error(`company ${companyId} has no ${voucherType} series`);
    return series;
  }

  /** The read of seriesFor, to run with others (Database.queries); seriesFromRows reads its answer. */
  seriesStatement(companyId: string, voucherType: VoucherType): SqlStatement {
    return {
      sql: 'SELECT * FROM voucher_series WHERE company_id = $1 AND voucher_type = $2',
      values: [companyId, voucherType],
    };
  }

  seriesFromRows(
    tx: EntityManager,
    rows: Record<string, unknown>[],
    companyId: string,
    voucherType: VoucherType,
  ): VoucherSeries {
    if (rows.length === 0) throw new Error(`company ${companyId} has no ${voucherType} series`);
    return hydrateRow(tx, VoucherSeries, rows[0]);
  }

  allSeries(tx: EntityManager, companyId: string): Promise<VoucherSeries[]> {
    return tx.getRepository(VoucherSeries).findBy({ companyId });
  }

  async seriesById(tx: EntityManager, companyId: string, id: string): Promise<VoucherSeries> {
    return tx.getRepository(VoucherSeries).findOneByOrFail({ companyId, id });
  }

  /**
   * Takes the next `count` numbers of a series in a fiscal year and returns the first. The row
   * stays locked until commit, so bookings in one series queue here; a rollback returns them.
   */
  async takeNumbers(
    tx: EntityManager,
    companyId: string,
    seriesId: string,
    fiscalYearId: string,
    count: number,
  ): Promise<number> {
    const [row] = await tx.query<[{ last_number: number }]>(
      `INSERT INTO voucher_number_counters AS c (company_id, series_id, fiscal_year_id, last_number)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (company_id, series_id, fiscal_year_id) DO UPDATE SET last_number = c.last_number + $4
       RETURNING last_number`,
      [companyId, seriesId, fiscalYearId, count],
    );
    return row.last_number - count + 1;
  }

  /** The number the next booking would get, without taking it (dry runs). */
  async peekNumber(
    tx: EntityManager,
    companyId: string,
    seriesId: string,
    fiscalYearId: string,
  ): Promise<number> {
    const rows = await tx.query<{ last_number: number }[]>(
      `SELECT last_number FROM voucher_number_counters WHERE company_id = $1 AND series_id = $2 AND fiscal_year_id = $3`,
      [companyId, seriesId, fiscalYearId],
    );
    return (rows[0]?.last_number ?? 0) + 1;
  }

  /** Updates one voucher and returns it as stored. */
  async updateVoucher(
    tx: EntityManager,
    companyId: string,
    id: string,
    values: QueryDeepPartialEntity<Voucher>,
  ): Promise<Voucher> {
    const result = await tx
      .createQueryBuilder()
      .update(Voucher)
      .set(values)
      .where('company_id = :companyId AND id = :id', { companyId, id })
      .returning('*')
      .execute();
    return hydrateRow(tx, Voucher, (result.raw as Record<string, unknown>[])[0]);
  }

  /**
   * All postings of any number of vouchers in one statement: the trigger checks them together.
   * Returns the postings as stored, in line order per voucher.
   */
  async insertPostings(tx: EntityManager, companyId: string, rows: PostingRow[]): Promise<Posting[]> {
    if (rows.length === 0) return [];
    const stored = await this.writePostings(tx, companyId, rows, `${INSERT_POSTINGS} RETURNING *`);
    return stored.map((raw) => hydrateRow(tx, Posting, raw));
  }

  /**
   * Writes numbered vouchers (a batch), their postings and audit entries in one statement. With
   * bound parameters, not sent with the COMMIT as a booking is: for a thousand vouchers, parsing
   * literals costs the database more than the one round trip saved.
   */
  async bookNumbered(tx: EntityManager, batch: NumberedBatch): Promise<void> {
    await tx.query(BOOK_NUMBERED, numberedBatchParameters(batch));
  }

  /**
   * A voucher just written, as `records` would read it back after commit: its postings as
   * stored, the numbers of the accounts they were judged against, no reversal yet.
   */
  writtenRecord(
    voucher: Voucher,
    series: VoucherSeries,
    postings: Posting[],
    rows: PostingRow[],
    attachments: VoucherAttachment[] = [],
  ): VoucherRecord {
    return {
      voucher,
      series,
      postings: postings.sort((a, b) => a.lineNumber - b.lineNumber),
      accountNumbers: new Map(rows.map((row) => [row.account.id, row.account.number])),
      attachments,
      reversedByVoucherId: null,
    };
  }

  /** A page of vouchers, newest voucher date first, then newest id. */
  async listPage(tx: EntityManager, companyId: string, filter: VoucherFilter): Promise<Page<Voucher>> {
    const limit = filter.limit ?? PAGE_DEFAULT;
    const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
    const query = tx
      .getRepository(Voucher)
      .createQueryBuilder('voucher')
      .where('voucher.company_id = :companyId', { companyId })
      .orderBy('voucher.voucher_date', 'DESC')
      .addOrderBy('voucher.id', 'DESC')
      .limit(limit + 1);
    if (after?.length === 2)
      query.andWhere('(voucher.voucher_date, voucher.id) < (:date, :id)', { date: after[0], id: after[1] });
    if (filter.status) query.andWhere('voucher.status = :status', { status: filter.status });
    if (filter.from) query.andWhere('voucher.voucher_date >= :from', { from: filter.from });
    if (filter.to) query.andWhere('voucher.voucher_date <= :to', { to: filter.to });
    const rows = await query.getMany();
    const data = rows.slice(0, limit);
    const last = data.at(-1);
    return {
      data,
      nextCursor: rows.length > limit && last ? encodeCursor([last.voucherDate, last.id]) : null,
    };
  }

  /**
   * A voucher about to be booked by `bookNew`, as it will be answered, before the statement has
   * given it its number and timestamps (placeholders here: the statement completes its events).
   */
  provisionalRecord(
    tx: EntityManager,
    voucher: NewBooking['voucher'],
    series: VoucherSeries,
    rows: PostingRow[],
    number = 0,
  ): VoucherRecord {
    const unknownYet = new Date(0);
    const entity = hydrateRow(tx, Voucher, {
      company_id: voucher.companyId,
      id: voucher.id,
      series_id: voucher.seriesId,
      fiscal_year_id: voucher.fiscalYearId,
      number,
      status: 'booked',
      voucher_date: voucher.voucherDate,
      description: voucher.description,
      amounts_include_vat: voucher.amountsIncludeVat,
      draft_lines: null,
      reverses_voucher_id: voucher.reversesVoucherId,
      created_by_kind: voucher.createdByKind,
      created_by_user_id: voucher.createdByUserId,
      created_by_client_id: voucher.createdByClientId,
      created_by_api_key_id: voucher.createdByApiKeyId,
      booked_at: unknownYet,
      created_at: unknownYet,
      updated_at: unknownYet,
      version: 1,
    });
    const postings = rows.map((row) =>
      hydrateRow(tx, Posting, { ...postingColumns(voucher.companyId, row), created_at: unknownYet }),
    );
    return this.writtenRecord(entity, series, postings, rows);
  }

  /** A voucher's attachments (without their content), oldest first. */
  attachmentsOf(tx: EntityManager, companyId: string, voucherIds: string[]): Promise<VoucherAttachment[]> {
    return tx.getRepository(VoucherAttachment).find({
      where: { companyId, voucherId: In(voucherIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Books a new voucher in one statement: takes the next number of its series, writes the
   * voucher, its postings (the trigger checks them and keeps the balances) and its audit entry.
   * The series' counter row is locked from this statement to the commit, so every booking in the
   * series queues there; one statement instead of four, sent with the COMMIT, keeps that queue
   * short. It ends the transaction: nothing may follow it. Returns the voucher and its postings
   * as stored.
   */
  async bookNew(tx: EntityManager, booking: NewBooking): Promise<{ voucher: Voucher; postings: Posting[] }> {
    const { voucher, rows, audit, events } = booking;
    const [stored] = await this.db.commitWith<Record<string, unknown>>(tx, BOOK_NEW, [
      ...postingParameters(voucher.companyId, rows),
      voucher.seriesId,
      voucher.fiscalYearId,
      voucher.id,
      voucher.voucherDate,
      voucher.description,
      voucher.amountsIncludeVat,
      voucher.reversesVoucherId,
      voucher.createdByKind,
      voucher.createdByUserId,
      voucher.createdByClientId,
      voucher.createdByApiKeyId,
      audit.id,
      audit.action,
      audit.resourceType,
      audit.resourceId,
      audit.requestId,
      JSON.stringify(audit.details),
      ...bookingEventParameters(events),
    ]);
    const written = hydrateRow(tx, Voucher, stored);
    // The postings are exactly the values sent (amounts at the columns' scale); only created_at
    // comes from the database, and it is the transaction's now(), as the voucher's.
    const postings = rows.map((row) =>
      hydrateRow(tx, Posting, { ...postingColumns(voucher.companyId, row), created_at: written.createdAt }),
    );
    return { voucher: written, postings };
  }

  private writePostings(
    tx: EntityManager,
    companyId: string,
    rows: PostingRow[],
    sql: string,
  ): Promise<Record<string, unknown>[]> {
    return tx.query<Record<string, unknown>[]>(sql, postingParameters(companyId, rows));
  }

  async get(tx: EntityManager, companyId: string, id: string, forUpdate = false): Promise<Voucher> {
    const voucher = await tx.getRepository(Voucher).findOne({
      where: { companyId, id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!voucher) throw new NotFoundError('Voucher', id);
    return voucher;
  }

  /** Vouchers with their postings, accounts, attachments, series and reversals in six queries, whatever their number. */
  async records(tx: EntityManager, companyId: string, vouchers: Voucher[]): Promise<VoucherRecord[]> {
    if (vouchers.length === 0) return [];
    const ids = vouchers.map((voucher) => voucher.id);
    // One connection runs one query at a time: sequential, not Promise.all.
    const postings = await tx
      .getRepository(Posting)
      .createQueryBuilder('posting')
      .where('posting.company_id = :companyId AND posting.voucher_id = ANY(:ids)', { companyId, ids })
      .orderBy('posting.voucher_id')
      .addOrderBy('posting.line_number')
      .getMany();
    const series = await tx.getRepository(VoucherSeries).findBy({ companyId });
    const reversals = await tx.query<{ id: string; reverses_voucher_id: string }[]>(
      `SELECT id, reverses_voucher_id FROM vouchers WHERE company_id = $1 AND reverses_voucher_id = ANY($2::uuid[])`,
      [companyId, ids],
    );
    const accountNumbers = await this.accountNumbers(tx, companyId, postings);
    const attachments = await this.attachmentsOf(tx, companyId, ids);
    const seriesById = new Map(series.map((entry) => [entry.id, entry]));
    const reversedBy = new Map(reversals.map((row) => [row.reverses_voucher_id, row.id]));
    const postingsByVoucher = new Map<string, Posting[]>();
    for (const posting of postings) {
      const list = postingsByVoucher.get(posting.voucherId) ?? [];
      list.push(posting);
      postingsByVoucher.set(posting.voucherId, list);
    }
    return vouchers.map((voucher) => ({
      voucher,
      series: seriesById.get(voucher.seriesId)!,
      postings: postingsByVoucher.get(voucher.id) ?? [],
      accountNumbers,
      attachments: attachments.filter((attachment) => attachment.voucherId === voucher.id),
      reversedByVoucherId: reversedBy.get(voucher.id) ?? null,
    }));
  }

  private async accountNumbers(
    tx: EntityManager,
    companyId: string,
    postings: Posting[],
  ): Promise<Map<string, string>> {
    const accountIds = [...new Set(postings.map((posting) => posting.accountId))];
    const accounts = accountIds.length
      ? await tx.query<{ id: string; number: string }[]>(
          `SELECT id, number FROM accounts WHERE company_id = $1 AND id = ANY($2::uuid[])`,
          [companyId, accountIds],
        )
      : [];
    return new Map(accounts.map((account) => [account.id, account.number]));
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId, type TenantContext } from '../../common/index.js';
import { Database } from '../../database/index.js';
import { VoucherBooking, type PreparedVoucher, type VoucherInput } from '../voucher-booking.js';
import { VoucherBatchRejectedError } from '../vouchers.errors.js';
import { VouchersRepository, type PostingRow } from '../vouchers.repository.js';
import { eventRow, type EventRow } from '../../events/index.js';
import { toVoucherResponse } from '../voucher.mapper.js';
import { VOUCHER_BOOKED } from '../voucher.events.js';

/** One booked voucher of a batch: where it was in the request, and what it became. */
export interface BookedBatchItem {
  index: number;
  id: string;
  series: string;
  number: number;
  date: string;
}

/** POST /v1/vouchers/batch. */
@Injectable()
export class BookVoucherBatch {
  constructor(
    private readonly db: Database,
    private readonly booking: VoucherBooking,
    private readonly repository: VouchersRepository,
  ) {}

  /**
   * Books many vouchers in one transaction, all or nothing: every item is judged first (one read
   * of the ledger for all), then each series and fiscal year takes its block of numbers at once,
   * in the order of the items, and everything is written in one statement sent with the commit.
   */
  execute(tenant: TenantContext, inputs: VoucherInput[]): Promise<BookedBatchItem[]> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const { prepared, errors } = await this.booking.prepareMany(tx, tenant.companyId, inputs);
      if (errors.length > 0) throw new VoucherBatchRejectedError(errors, inputs.length);
      const numbers = await this.takeBlocks(tx, tenant.companyId, prepared);
      const ids = prepared.map(() => newId());
      await this.write(tx, tenant, prepared, ids, numbers);
      return prepared.map((item, index) => ({
        index,
        id: ids[index],
        series: item.series.code,
        number: numbers[index],
        date: item.input.date,
      }));
    });
  }

  // Everything of the batch in one statement: vouchers, postings, audit entries and events.
  private async write(
    tx: EntityManager,
    tenant: TenantContext,
    prepared: PreparedVoucher[],
    ids: string[],
    numbers: number[],
  ): Promise<void> {
    const rows = prepared.map((item, index) => this.booking.rowsOf(ids[index], item));
    const { actor } = tenant;
    const creator = {
      kind: actor.kind,
      userId: actor.userId ?? null,
      clientId: actor.clientId ?? null,
      apiKeyId: actor.apiKeyId ?? null,
    };
    await this.repository.bookNumbered(tx, {
      companyId: tenant.companyId,
      creator,
      requestId: tenant.requestId,
      vouchers: prepared.map((item, index) => ({
        id: ids[index],
        seriesId: item.series.id,
        fiscalYearId: item.fiscalYearId,
        number: numbers[index],
        date: item.input.date,
        description: item.input.description,
        amountsIncludeVat: item.input.amountsIncludeVat,
        auditId: newId(),
        auditDetails: { series: item.series.code, number: numbers[index], batch: true },
      })),
      rows: rows.flat(),
      events: {
        definition: VOUCHER_BOOKED,
        rows: prepared.map((item, index) =>
          this.bookedEvent(tx, tenant.companyId, creator, ids[index], numbers[index], item, rows[index]),
        ),
      },
    });
  }

  // The voucher as the API will answer it; the statement adds its timestamps.
  private bookedEvent(
    tx: EntityManager,
    companyId: string,
    creator: { kind: string; userId: string | null; clientId: string | null; apiKeyId: string | null },
    id: string,
    number: number,
    item: PreparedVoucher,
    rows: PostingRow[],
  ): EventRow {
    const voucher = {
      companyId,
      id,
      seriesId: item.series.id,
      fiscalYearId: item.fiscalYearId,
      voucherDate: item.input.date,
      description: item.input.description,
      amountsIncludeVat: item.input.amountsIncludeVat,
      reversesVoucherId: null,
      createdByKind: creator.kind,
      createdByUserId: creator.userId,
      createdByClientId: creator.clientId,
      createdByApiKeyId: creator.apiKeyId,
    };
    const record = this.repository.provisionalRecord(tx, voucher, item.series, rows, number);
    return eventRow(companyId, VOUCHER_BOOKED, toVoucherResponse(record));
  }

  // One counter update per series and fiscal year, taken in a fixed order so that concurrent
  // batches queue on the counters instead of deadlocking; numbers follow the items' order.
  private async takeBlocks(
    tx: EntityManager,
    companyId: string,
    prepared: PreparedVoucher[],
  ): Promise<number[]> {
    const groups = new Map<string, number[]>();
    prepared.forEach((item, index) => {
      const key = `${item.series.id}/${item.fiscalYearId}`;
      groups.set(key, [...(groups.get(key) ?? []), index]);
    });
    const numbers: number[] = [];
    for (const key of [...groups.keys()].sort()) {
      const indexes = groups.get(key)!;
      const { series, fiscalYearId } = prepared[indexes[0]];
      const first = await this.repository.takeNumbers(tx, companyId, series.id, fiscalYearId, indexes.length);
      indexes.forEach((index, offset) => (numbers[index] = first + offset));
    }
    return numbers;
  }
}

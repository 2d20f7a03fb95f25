import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  decodeCursor,
  encodeCursor,
  newId,
  PAGE_DEFAULT,
  type Page,
  type TenantContext,
  assertVersion,
} from '../common/index.js';
import { AuditLog, auditRow, type AuditEntry } from '../audit/index.js';
import { Database, isUniqueViolation } from '../database/index.js';
import { VoucherBooking, type PreparedVoucher, type VoucherInput } from './voucher-booking.js';
import type { VoucherAttachment } from './attachments/voucher-attachment.entity.js';
import { Voucher, type VoucherStatus } from './voucher.entity.js';
import { VoucherAlreadyReversedError, VoucherBookedError, VoucherNotBookedError } from './vouchers.errors.js';
import { VouchersRepository, type VoucherRecord } from './vouchers.repository.js';
import { bookedFields, voucherRow } from './voucher-rows.js';

export interface CreateVoucherOptions {
  status: VoucherStatus;
  dryRun: boolean;
}

/** What a dry run answers: the voucher as booking would write it, nothing stored. */
export interface VoucherPreview {
  prepared: PreparedVoucher;
  number: number;
}

export interface ReverseOptions {
  date?: string;
  description?: string;
}

export interface VoucherFilter {
  limit?: number;
  cursor?: string;
  status?: VoucherStatus;
  from?: string;
  to?: string;
}

/** Vouchers: drafts, booking with gapless numbers, reversal, reads. One method, one transaction. */
@Injectable()
export class VouchersService {
  constructor(
    private readonly db: Database,
    private readonly booking: VoucherBooking,
    private readonly repository: VouchersRepository,
    private readonly audit: AuditLog,
  ) {}

  async create(tenant: TenantContext, input: VoucherInput, status: VoucherStatus): Promise<VoucherRecord> {
    const written = await this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const id = newId();
      if (status === 'draft') {
        const series = await this.repository.seriesFor(tx, tenant.companyId, input.type);
        await tx
          .getRepository(Voucher)
          .insert({ ...voucherRow(tenant, id, input), seriesId: series.id, status });
        await this.record(tx, tenant, 'voucher.draft_created', id, {});
        return id;
      }
      const prepared = await this.booking.prepare(tx, tenant.companyId, input, true);
      return this.bookNew(tx, tenant, id, prepared, null, {
        action: 'voucher.booked',
        resourceType: 'voucher',
        resourceId: id,
        details: { series: prepared.series.code },
      });
    });
    // A draft is read back after commit; a booking answers with what it wrote.
    return typeof written === 'string' ? this.get(tenant, written) : written;
  }

  /** Judges the voucher exactly as booking would and says the number it would get; writes nothing. */
  preview(tenant: TenantContext, input: VoucherInput): Promise<VoucherPreview> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const prepared = await this.booking.prepare(tx, tenant.companyId, input, false);
      const number = await this.repository.peekNumber(
        tx,
        tenant.companyId,
        prepared.series.id,
        prepared.fiscalYearId,
      );
      return { prepared, number };
    });
  }

  updateDraft(
    tenant: TenantContext,
    id: string,
    input: VoucherInput,
    expectedVersion?: number,
  ): Promise<VoucherRecord> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const voucher = await this.draftForUpdate(tx, tenant.companyId, id, expectedVersion);
      const series = await this.repository.seriesFor(tx, tenant.companyId, input.type);
      await tx.getRepository(Voucher).update(
        { companyId: tenant.companyId, id: voucher.id },
        {
          seriesId: series.id,
          voucherDate: input.date,
          description: input.description,
          amountsIncludeVat: input.amountsIncludeVat,
          draftLines: input.postings,
          updatedAt: () => 'now()',
          version: () => 'version + 1',
        },
      );
      await this.record(tx, tenant, 'voucher.draft_updated', id, {});
      return this.recordOf(tx, tenant.companyId, id);
    });
  }

  deleteDraft(tenant: TenantContext, id: string, expectedVersion?: number): Promise<void> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      await this.draftForUpdate(tx, tenant.companyId, id, expectedVersion);
      await tx.getRepository(Voucher).delete({ companyId: tenant.companyId, id });
      await this.record(tx, tenant, 'voucher.draft_deleted', id, {});
    });
  }

  /** Books a draft as it stands: the same rules as booking directly. */
  book(tenant: TenantContext, id: string, expectedVersion?: number): Promise<VoucherRecord> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const draft = await this.draftForUpdate(tx, tenant.companyId, id, expectedVersion);
      const series = await this.repository.seriesById(tx, tenant.companyId, draft.seriesId);
      const input: VoucherInput = {
        type: series.voucherType,
        date: draft.voucherDate,
        description: draft.description,
        amountsIncludeVat: draft.amountsIncludeVat,
        postings: draft.draftLines ?? [],
      };
      const prepared = await this.booking.prepare(tx, tenant.companyId, input, true);
      const number = await this.takeNumber(tx, tenant.companyId, prepared);
      const voucher = await this.repository.updateVoucher(tx, tenant.companyId, id, {
        ...bookedFields(prepared, number),
        updatedAt: () => 'now()',
        version: () => 'version + 1',
      });
      const attachments = await this.repository.attachmentsOf(tx, tenant.companyId, [id]);
      const record = await this.writePostings(tx, tenant.companyId, voucher, prepared, attachments);
      await this.record(tx, tenant, 'voucher.booked', id, { series: prepared.series.code, number });
      return record;
    });
  }

  /**
   * Books the mirror image of a booked voucher (same lines, opposite signs) in the same series,
   * linked to it. The original stays as it was; a voucher is reversed once.
   */
  reverse(tenant: TenantContext, id: string, options: ReverseOptions): Promise<VoucherRecord> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const [original] = await this.repository.records(tx, tenant.companyId, [
        await this.repository.get(tx, tenant.companyId, id),
      ]);
      if (original.voucher.status !== 'booked') throw new VoucherNotBookedError(id);
      if (original.reversedByVoucherId)
        throw new VoucherAlreadyReversedError(id, original.reversedByVoucherId);
      const prepared = await this.booking.prepareReversal(tx, tenant.companyId, original, options);
      const reversalId = newId();
      return this.bookNew(tx, tenant, reversalId, prepared, id, {
        action: 'voucher.reversed',
        resourceType: 'voucher',
        resourceId: id,
        details: { reversalId },
      }).catch((error: unknown) => {
        if (isUniqueViolation(error, 'vouchers_reverses_voucher_id_key'))
          throw new VoucherAlreadyReversedError(id, null);
        throw error;
      });
    });
  }

  get(tenant: TenantContext, id: string): Promise<VoucherRecord> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) =>
      this.recordOf(tx, tenant.companyId, id),
    );
  }

  /** Any number of vouchers with their postings in a fixed number of queries; unknown ids are left out. */
  getMany(tenant: TenantContext, ids: readonly string[]): Promise<VoucherRecord[]> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const vouchers = await tx
        .getRepository(Voucher)
        .findBy({ companyId: tenant.companyId, id: In([...ids]) });
      return this.repository.records(tx, tenant.companyId, vouchers);
    });
  }

  /** Newest voucher date first, then newest id. */
  list(tenant: TenantContext, filter: VoucherFilter): Promise<Page<VoucherRecord>> {
    const limit = filter.limit ?? PAGE_DEFAULT;
    const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const query = tx
        .getRepository(Voucher)
        .createQueryBuilder('voucher')
        .where('voucher.company_id = :companyId', { companyId: tenant.companyId })
        .orderBy('voucher.voucher_date', 'DESC')
        .addOrderBy('voucher.id', 'DESC')
        .limit(limit + 1);
      if (after?.length === 2)
        query.andWhere('(voucher.voucher_date, voucher.id) < (:date, :id)', { date: after[0], id: after[1] });
      if (filter.status) query.andWhere('voucher.status = :status', { status: filter.status });
      if (filter.from) query.andWhere('voucher.voucher_date >= :from', { from: filter.from });
      if (filter.to) query.andWhere('voucher.voucher_date <= :to', { to: filter.to });
      const rows = await query.getMany();
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        data: await this.repository.records(tx, tenant.companyId, page),
        nextCursor: rows.length > limit && last ? encodeCursor([last.voucherDate, last.id]) : null,
      };
    });
  }

  /**
   * Books a prepared voucher as a new row, numbered, with its postings and audit entry, in one
   * statement (see VouchersRepository.bookNew); answers it as stored, without reading it back.
   */
  private async bookNew(
    tx: EntityManager,
    tenant: TenantContext,
    id: string,
    prepared: PreparedVoucher,
    reversesVoucherId: string | null,
    entry: AuditEntry,
  ): Promise<VoucherRecord> {
    const rows = this.booking.rowsOf(id, prepared);
    const { voucher, postings } = await this.repository.bookNew(tx, {
      voucher: {
        ...voucherRow(tenant, id, prepared.input),
        seriesId: prepared.series.id,
        fiscalYearId: prepared.fiscalYearId,
        reversesVoucherId,
      },
      rows,
      audit: auditRow(tenant, entry),
    });
    return this.repository.writtenRecord(voucher, prepared.series, postings, rows);
  }

  /**
   * Writes a booked voucher's postings and answers the voucher as stored, without reading it
   * back: the series' number counter is held until commit, so every statement saved here is
   * time other bookings in the series do not wait.
   */
  private async writePostings(
    tx: EntityManager,
    companyId: string,
    voucher: Voucher,
    prepared: PreparedVoucher,
    attachments: VoucherAttachment[] = [],
  ): Promise<VoucherRecord> {
    const rows = this.booking.rowsOf(voucher.id, prepared);
    const postings = await this.repository.insertPostings(tx, companyId, rows);
    return this.repository.writtenRecord(voucher, prepared.series, postings, rows, attachments);
  }

  private async takeNumber(tx: EntityManager, companyId: string, prepared: PreparedVoucher): Promise<number> {
    return this.repository.takeNumbers(tx, companyId, prepared.series.id, prepared.fiscalYearId, 1);
  }

  private async draftForUpdate(
    tx: EntityManager,
    companyId: string,
    id: string,
    expectedVersion: number | undefined,
  ): Promise<Voucher> {
    const voucher = await this.repository.get(tx, companyId, id, true);
    if (voucher.status !== 'draft') throw new VoucherBookedError(id);
    assertVersion(voucher, expectedVersion, 'voucher');
    return voucher;
  }

  private async recordOf(tx: EntityManager, companyId: string, id: string): Promise<VoucherRecord> {
    const [record] = await this.repository.records(tx, companyId, [
      await this.repository.get(tx, companyId, id),
    ]);
    return record;
  }

  private record(
    tx: EntityManager,
    tenant: TenantContext,
    action: `voucher.${string}`,
    id: string,
    details: object,
  ) {
    return this.audit.record(tx, tenant, {
      action,
      resourceType: 'voucher',
      resourceId: id,
      details: { ...details },
    });
  }
}

import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { newId, type Page, type TenantContext, assertVersion } from '../common/index.js';
import { AuditLog, auditRow, type AuditEntry } from '../audit/index.js';
import { Database, isUniqueViolation } from '../database/index.js';
import { EventOutbox, eventRow, type EventRow } from '../events/index.js';
import { toVoucherResponse } from './voucher.mapper.js';
import {
  VOUCHER_BOOKED,
  VOUCHER_DRAFT_CREATED,
  VOUCHER_DRAFT_DELETED,
  VOUCHER_DRAFT_UPDATED,
  VOUCHER_REVERSED,
} from './voucher.events.js';
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
    private readonly outbox: EventOutbox,
  ) {}

  create(tenant: TenantContext, input: VoucherInput, status: VoucherStatus): Promise<VoucherRecord> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const id = newId();
      if (status === 'draft') {
        const series = await this.repository.seriesFor(tx, tenant.companyId, input.type);
        await tx
          .getRepository(Voucher)
          .insert({ ...voucherRow(tenant, id, input), seriesId: series.id, status });
        await this.record(tx, tenant, 'voucher.draft_created', id, {});
        return this.published(
          tx,
          tenant.companyId,
          VOUCHER_DRAFT_CREATED,
          await this.recordOf(tx, tenant.companyId, id),
        );
      }
      const prepared = await this.booking.prepare(tx, tenant.companyId, input, true);
      return this.bookNew(tx, tenant, id, prepared, null, {
        action: 'voucher.booked',
        resourceType: 'voucher',
        resourceId: id,
        details: { series: prepared.series.code },
      });
    });
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
      return this.published(
        tx,
        tenant.companyId,
        VOUCHER_DRAFT_UPDATED,
        await this.recordOf(tx, tenant.companyId, id),
      );
    });
  }

  deleteDraft(tenant: TenantContext, id: string, expectedVersion?: number): Promise<void> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      await this.draftForUpdate(tx, tenant.companyId, id, expectedVersion);
      await this.published(
        tx,
        tenant.companyId,
        VOUCHER_DRAFT_DELETED,
        await this.recordOf(tx, tenant.companyId, id),
      );
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
      return this.published(tx, tenant.companyId, VOUCHER_BOOKED, record);
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
      const reversed = toVoucherResponse({ ...original, reversedByVoucherId: reversalId });
      const entry = {
        action: 'voucher.reversed',
        resourceType: 'voucher',
        resourceId: id,
        details: { reversalId },
      } as const;
      return this.bookNew(tx, tenant, reversalId, prepared, id, entry, [
        eventRow(tenant.companyId, VOUCHER_REVERSED, reversed),
      ]).catch((error: unknown) => {
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
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const page = await this.repository.listPage(tx, tenant.companyId, filter);
      return {
        data: await this.repository.records(tx, tenant.companyId, page.data),
        nextCursor: page.nextCursor,
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
    otherEvents: EventRow[] = [],
  ): Promise<VoucherRecord> {
    const rows = this.booking.rowsOf(id, prepared);
    const voucherColumns = {
      ...voucherRow(tenant, id, prepared.input),
      seriesId: prepared.series.id,
      fiscalYearId: prepared.fiscalYearId,
      reversesVoucherId,
    };
    const provisional = this.repository.provisionalRecord(tx, voucherColumns, prepared.series, rows);
    const booked = eventRow(tenant.companyId, VOUCHER_BOOKED, toVoucherResponse(provisional));
    const { voucher, postings } = await this.repository.bookNew(tx, {
      voucher: voucherColumns,
      rows,
      audit: auditRow(tenant, entry),
      events: [
        { ...booked, completedBySql: true },
        ...otherEvents.map((event) => ({ ...event, completedBySql: false })),
      ],
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

  /** Publishes the voucher as the API answers it, in the write's transaction; returns it. */
  private async published(
    tx: EntityManager,
    companyId: string,
    definition: typeof VOUCHER_BOOKED,
    record: VoucherRecord,
  ): Promise<VoucherRecord> {
    await this.outbox.add(tx, companyId, definition, toVoucherResponse(record));
    return record;
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

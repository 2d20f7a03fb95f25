import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  newId,
  NotFoundError,
  RequestValidationError,
  UnsupportedMediaTypeError,
  type TenantContext,
} from '../../common/index.js';
import { AuditLog } from '../../audit/index.js';
import { EventOutbox } from '../../events/index.js';
import { VOUCHER_ATTACHMENT_ADDED } from '../voucher.events.js';
import { toAttachmentResponse } from './attachment.mapper.js';
import { Database } from '../../database/index.js';
import { VouchersRepository } from '../vouchers.repository.js';
import { ATTACHMENT_TYPES, contentMatches } from './attachment-content.js';
import { VoucherAttachment } from './voucher-attachment.entity.js';

export interface AttachmentUpload {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Source documents on vouchers: added (to drafts and booked vouchers alike), listed, read back. */
@Injectable()
export class VoucherAttachmentsService {
  constructor(
    private readonly db: Database,
    private readonly vouchers: VouchersRepository,
    private readonly audit: AuditLog,
    private readonly outbox: EventOutbox,
  ) {}

  /** The same file twice on one voucher is stored once: the second upload answers the first. */
  add(
    tenant: TenantContext,
    voucherId: string,
    upload: AttachmentUpload,
  ): Promise<{ attachment: VoucherAttachment; created: boolean }> {
    checkUpload(upload);
    const sha256 = createHash('sha256').update(upload.content).digest('hex');
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      await this.vouchers.get(tx, tenant.companyId, voucherId);
      const existing = await tx
        .getRepository(VoucherAttachment)
        .findOneBy({ companyId: tenant.companyId, voucherId, sha256 });
      if (existing) return { attachment: existing, created: false };
      const id = newId();
      await tx.getRepository(VoucherAttachment).insert({
        companyId: tenant.companyId,
        id,
        voucherId,
        fileName: upload.fileName,
        contentType: upload.contentType,
        sizeBytes: upload.content.length,
        sha256,
        content: upload.content,
      });
      await this.audit.record(tx, tenant, {
        action: 'voucher.attachment_added',
        resourceType: 'voucher',
        resourceId: voucherId,
        details: { attachmentId: id, fileName: upload.fileName, sha256, sizeBytes: upload.content.length },
      });
      const attachment = await this.getIn(tx, tenant.companyId, id);
      await this.outbox.add(tx, tenant.companyId, VOUCHER_ATTACHMENT_ADDED, toAttachmentResponse(attachment));
      return { attachment, created: true };
    });
  }

  list(tenant: TenantContext, voucherId: string): Promise<VoucherAttachment[]> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      await this.vouchers.get(tx, tenant.companyId, voucherId);
      return tx.getRepository(VoucherAttachment).find({
        where: { companyId: tenant.companyId, voucherId },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
    });
  }

  get(tenant: TenantContext, id: string): Promise<VoucherAttachment> {
    return this.db.transaction({ companyId: tenant.companyId }, (tx) => this.getIn(tx, tenant.companyId, id));
  }

  content(tenant: TenantContext, id: string): Promise<{ attachment: VoucherAttachment; content: Buffer }> {
    return this.db.transaction({ companyId: tenant.companyId }, async (tx) => {
      const attachment = await this.getIn(tx, tenant.companyId, id);
      const [row] = await tx.query<[{ content: Buffer }]>(
        `SELECT content FROM voucher_attachments WHERE company_id = $1 AND id = $2`,
        [tenant.companyId, id],
      );
      return { attachment, content: row.content };
    });
  }

  private async getIn(tx: EntityManager, companyId: string, id: string): Promise<VoucherAttachment> {
    const attachment = await tx.getRepository(VoucherAttachment).findOneBy({ companyId, id });
    if (!attachment) throw new NotFoundError('Attachment', id);
    return attachment;
  }
}

// Refused before anything is read: an empty body, or bytes that are not what the type says.
function checkUpload(upload: AttachmentUpload): void {
  if (upload.content.length === 0) {
    throw new RequestValidationError([
      { parameter: 'body', rule: 'notEmpty', detail: 'must be the file; it is empty' },
    ]);
  }
  if (!contentMatches(upload.contentType, upload.content)) {
    throw new UnsupportedMediaTypeError(
      `The body is not ${ATTACHMENT_TYPES[upload.contentType]?.name ?? upload.contentType}, as its Content-Type says.`,
    );
  }
}

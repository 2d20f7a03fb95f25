import type { AttachmentResponseDto } from './dto/attachment.dto.js';
import type { VoucherAttachment } from './voucher-attachment.entity.js';

export function toAttachmentResponse(attachment: VoucherAttachment): AttachmentResponseDto {
  return {
    id: attachment.id,
    voucherId: attachment.voucherId,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    createdAt: attachment.createdAt.toISOString(),
    contentUrl: `/v1/attachments/${attachment.id}/content`,
  };
}

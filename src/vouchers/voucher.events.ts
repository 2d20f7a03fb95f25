import { defineEvent } from '../events/index.js';
import { AttachmentResponseDto } from './attachments/dto/attachment.dto.js';
import { VoucherResponseDto } from './dto/voucher-response.dto.js';

const voucherEvent = (type: `voucher.${string}`, summary: string) =>
  defineEvent({ type, payload: VoucherResponseDto, scope: 'vouchers:read', summary });

export const VOUCHER_BOOKED = voucherEvent(
  'voucher.booked',
  'A voucher was booked (directly, from a draft, in a batch, or as the reversal of another): its number and postings are final.',
);
export const VOUCHER_REVERSED = voucherEvent(
  'voucher.reversed',
  'A booked voucher was reversed; `data` is the original, with `reversedByVoucherId` naming the reversal (booked in the same transaction, with its own `voucher.booked`).',
);
export const VOUCHER_DRAFT_CREATED = voucherEvent('voucher.draft.created', 'A draft voucher was saved.');
export const VOUCHER_DRAFT_UPDATED = voucherEvent('voucher.draft.updated', 'A draft voucher was changed.');
export const VOUCHER_DRAFT_DELETED = voucherEvent(
  'voucher.draft.deleted',
  'A draft voucher was deleted; `data` is the draft as it was.',
);
export const VOUCHER_ATTACHMENT_ADDED = defineEvent({
  type: 'voucher.attachment.added',
  payload: AttachmentResponseDto,
  scope: 'vouchers:read',
  summary: 'A document (PDF, image) was attached to a voucher.',
});

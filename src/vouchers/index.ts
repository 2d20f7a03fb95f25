export { Voucher, type VoucherStatus } from './voucher.entity.js';
export { VoucherSeries, VOUCHER_TYPES, type VoucherType } from './series/voucher-series.entity.js';
export { VoucherNumberCounter } from './series/voucher-number-counter.entity.js';
export { Posting, type PostingKind } from './postings/posting.entity.js';
export type { VoucherLineInput } from './voucher-lines.js';
export { VouchersModule } from './vouchers.module.js';
export { ATTACHMENT_CONTENT_TYPES } from './attachments/attachment-content.js';
export { VoucherAttachment } from './attachments/voucher-attachment.entity.js';

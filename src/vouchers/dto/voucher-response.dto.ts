import { ApiProperty } from '@nestjs/swagger';
import { AttachmentResponseDto } from '../attachments/dto/attachment.dto.js';
import { VoucherLineDto } from './create-voucher.dto.js';

export class PostingResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '1, 2, 3... within the voucher.' }) lineNumber: number;
  @ApiProperty({
    enum: ['entry', 'vat', 'rounding'],
    description: 'Entered, generated VAT, or rounding line.',
  })
  kind: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'For a VAT line, the line it was computed from.',
  })
  sourceLineNumber: number | null;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ example: '3000' }) accountNumber: string;
  @ApiProperty({ description: 'NOK; debit positive, credit negative.', example: '-1000.00' }) amount: string;
  @ApiProperty({ example: 'NOK' }) currency: string;
  @ApiProperty({ example: '-1000.00' }) currencyAmount: string;
  @ApiProperty({ example: '1.00000000' }) exchangeRate: string;
  @ApiProperty({ nullable: true, type: String, example: '3' }) vatCode: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Percent on the posting date.',
    example: '25.0000',
  })
  vatRate: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) departmentId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) projectId: string | null;
  @ApiProperty({ type: [String] }) dimensionValueIds: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) customerId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) supplierId: string | null;
  @ApiProperty() description: string;
}

export class VoucherResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['draft', 'booked'] }) status: string;
  @ApiProperty({ example: 'manual' }) type: string;
  @ApiProperty({ description: 'Series code.', example: 'MAN' }) series: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Gapless per series and fiscal year; null on drafts.',
  })
  number: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) fiscalYearId: string | null;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() description: string;
  @ApiProperty() amountsIncludeVat: boolean;
  @ApiProperty({ type: [PostingResponseDto], description: 'The booked postings; empty on drafts.' })
  postings: PostingResponseDto[];
  @ApiProperty({
    type: [VoucherLineDto],
    nullable: true,
    description: "A draft's lines as entered; null once booked.",
  })
  draftPostings: VoucherLineDto[] | null;
  @ApiProperty({ type: [AttachmentResponseDto], description: 'Source documents (audit trail).' })
  attachments: AttachmentResponseDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The voucher this one reverses.',
  })
  reversesVoucherId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The voucher that reverses this one.',
  })
  reversedByVoucherId: string | null;
  @ApiProperty({ description: 'Also the ETag.', example: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) bookedAt: string | null;
}

export class VoucherListResponseDto {
  @ApiProperty({ type: [VoucherResponseDto] }) data: VoucherResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class PreviewPostingDto {
  @ApiProperty() lineNumber: number;
  @ApiProperty({ enum: ['entry', 'vat', 'rounding'] }) kind: string;
  @ApiProperty({ nullable: true, type: Number }) sourceLineNumber: number | null;
  @ApiProperty() accountNumber: string;
  @ApiProperty({ example: '-1000.00' }) amount: string;
  @ApiProperty() currency: string;
  @ApiProperty() currencyAmount: string;
  @ApiProperty() exchangeRate: string;
  @ApiProperty({ nullable: true, type: String }) vatCode: string | null;
  @ApiProperty({ nullable: true, type: String }) vatRate: string | null;
  @ApiProperty() description: string;
}

export class VoucherPreviewResponseDto {
  @ApiProperty({ description: 'Always true: nothing was stored.' }) dryRun: boolean;
  @ApiProperty({ example: 'MAN' }) series: string;
  @ApiProperty({ description: 'The number booking now would give; another booking may take it first.' })
  number: number;
  @ApiProperty({ format: 'uuid' }) fiscalYearId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: [PreviewPostingDto] }) postings: PreviewPostingDto[];
  @ApiProperty({ description: 'Sum of debits, NOK.', example: '1250.00' }) debit: string;
  @ApiProperty({ description: 'Sum of credits (positive), NOK.', example: '1250.00' }) credit: string;
  @ApiProperty({ description: 'NOK put on the rounding line, 0.00 when none.', example: '0.00' })
  rounding: string;
}

export class BookedBatchItemDto {
  @ApiProperty({ description: 'Position of the voucher in the request.' }) index: number;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'MAN' }) series: string;
  @ApiProperty({ description: 'Numbers follow the order of the items within each series.' }) number: number;
  @ApiProperty({ format: 'date' }) date: string;
}

export class VoucherBatchResponseDto {
  @ApiProperty({ type: [BookedBatchItemDto], description: 'One result per voucher, in request order.' })
  data: BookedBatchItemDto[];
}

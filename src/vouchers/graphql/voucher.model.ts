import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

// Amounts are decimal strings (NOK with 2 decimals, rates with 8), never Float: no rounding on the way.

@ObjectType('Posting', { description: 'One line of a booked voucher in the ledger.' })
export class PostingModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  voucherId: string;

  @Field(() => Int, { description: '1, 2, 3... within the voucher.' })
  lineNumber: number;

  @Field({ description: '`entry`, generated `vat`, or `rounding`.' })
  kind: string;

  @Field(() => Int, { nullable: true, description: 'For a VAT line, the line it was computed from.' })
  sourceLineNumber: number | null;

  @Field({ description: 'YYYY-MM-DD.' })
  date: string;

  @Field(() => ID)
  accountId: string;

  @Field()
  accountNumber: string;

  @Field({ description: 'NOK, decimal string; debit positive, credit negative.' })
  amount: string;

  @Field()
  currency: string;

  @Field({ description: 'Decimal string in `currency`.' })
  currencyAmount: string;

  @Field({ description: 'NOK per unit of `currency`, decimal string with 8 decimals.' })
  exchangeRate: string;

  @Field(() => String, { nullable: true })
  vatCode: string | null;

  @Field(() => String, { nullable: true, description: 'Percent on the posting date, decimal string.' })
  vatRate: string | null;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field(() => ID, { nullable: true })
  projectId: string | null;

  @Field(() => [ID])
  dimensionValueIds: string[];

  @Field(() => ID, { nullable: true })
  customerId: string | null;

  @Field(() => ID, { nullable: true })
  supplierId: string | null;

  @Field()
  description: string;
}

@ObjectType('VoucherLine', { description: "A draft's line as entered." })
export class VoucherLineModel {
  @Field()
  accountNumber: string;

  @Field(() => String, { nullable: true })
  amount?: string;

  @Field(() => String, { nullable: true })
  currency?: string;

  @Field(() => String, { nullable: true })
  currencyAmount?: string;

  @Field(() => String, { nullable: true })
  exchangeRate?: string;

  @Field(() => String, { nullable: true })
  vatCode?: string;

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => ID, { nullable: true })
  projectId?: string;

  @Field(() => [ID], { nullable: true })
  dimensionValueIds?: string[];

  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field(() => ID, { nullable: true })
  supplierId?: string;

  @Field(() => String, { nullable: true })
  description?: string;
}

@ObjectType('VoucherAttachment', { description: 'A source document; download it over REST.' })
export class VoucherAttachmentModel {
  @Field(() => ID)
  id: string;

  @Field()
  fileName: string;

  @Field()
  contentType: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field({ description: 'Hex SHA-256 of the content.' })
  sha256: string;

  @Field({ description: 'ISO 8601 date-time.' })
  createdAt: string;

  @Field({ description: 'Where to download the file (REST).' })
  contentUrl: string;
}

@ObjectType('Voucher', { description: 'A voucher: a draft, or booked with its postings (then immutable).' })
export class VoucherModel {
  @Field(() => ID)
  id: string;

  @Field({ description: '`draft` or `booked`.' })
  status: string;

  @Field({ description: 'Voucher type; picks the series.' })
  type: string;

  @Field({ description: 'Series code.' })
  series: string;

  @Field(() => Int, { nullable: true, description: 'Gapless per series and fiscal year; null on drafts.' })
  number: number | null;

  @Field(() => ID, { nullable: true })
  fiscalYearId: string | null;

  @Field({ description: 'YYYY-MM-DD.' })
  date: string;

  @Field()
  description: string;

  @Field()
  amountsIncludeVat: boolean;

  @Field(() => [PostingModel], { description: 'The booked postings; empty on drafts.' })
  postings: PostingModel[];

  @Field(() => [VoucherLineModel], { nullable: true, description: "A draft's lines; null once booked." })
  draftPostings: VoucherLineModel[] | null;

  @Field(() => [VoucherAttachmentModel])
  attachments: VoucherAttachmentModel[];

  @Field(() => ID, { nullable: true, description: 'The voucher this one reverses.' })
  reversesVoucherId: string | null;

  @Field(() => ID, { nullable: true, description: 'The voucher that reverses this one.' })
  reversedByVoucherId: string | null;

  @Field(() => Int, { description: 'Bumped by every change; pass it as expectedVersion.' })
  version: number;

  @Field({ description: 'ISO 8601 date-time.' })
  createdAt: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time.' })
  bookedAt: string | null;
}

@ObjectType('VoucherPage')
export class VoucherPageModel {
  @Field(() => [VoucherModel])
  data: VoucherModel[];

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `cursor` for the next page; null at the end.',
  })
  nextCursor: string | null;
}

@ObjectType('PreviewPosting')
export class PreviewPostingModel {
  @Field(() => Int)
  lineNumber: number;

  @Field()
  kind: string;

  @Field(() => Int, { nullable: true })
  sourceLineNumber: number | null;

  @Field()
  accountNumber: string;

  @Field({ description: 'NOK, decimal string.' })
  amount: string;

  @Field()
  currency: string;

  @Field()
  currencyAmount: string;

  @Field()
  exchangeRate: string;

  @Field(() => String, { nullable: true })
  vatCode: string | null;

  @Field(() => String, { nullable: true })
  vatRate: string | null;

  @Field()
  description: string;
}

@ObjectType('VoucherPreview', { description: 'What booking would write now; nothing was stored.' })
export class VoucherPreviewModel {
  @Field()
  series: string;

  @Field(() => Int, { description: 'The number booking now would give; another booking may take it first.' })
  number: number;

  @Field(() => ID)
  fiscalYearId: string;

  @Field()
  date: string;

  @Field(() => [PreviewPostingModel])
  postings: PreviewPostingModel[];

  @Field({ description: 'Sum of debits, NOK.' })
  debit: string;

  @Field({ description: 'Sum of credits (positive), NOK.' })
  credit: string;

  @Field({ description: 'NOK put on the rounding line, 0.00 when none.' })
  rounding: string;
}

@ObjectType('BookedBatchItem')
export class BookedBatchItemModel {
  @Field(() => Int, { description: 'Position of the voucher in the request.' })
  index: number;

  @Field(() => ID)
  id: string;

  @Field()
  series: string;

  @Field(() => Int)
  number: number;

  @Field()
  date: string;
}

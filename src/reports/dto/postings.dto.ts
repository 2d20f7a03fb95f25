import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate, PageQuery } from '../../common/index.js';

const ACCOUNT_NUMBER = /^[1-8][0-9]{3,5}$/;

export class PostingFilterQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this account.' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ description: 'Lowest account number, inclusive.', example: '3000' })
  @IsOptional()
  @Matches(ACCOUNT_NUMBER, { message: '$property must be an account number (4 to 6 digits)' })
  accountNumberFrom?: string;

  @ApiPropertyOptional({ description: 'Highest account number, inclusive.', example: '3999' })
  @IsOptional()
  @Matches(ACCOUNT_NUMBER, { message: '$property must be an account number (4 to 6 digits)' })
  accountNumberTo?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Posting date on or after.' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Posting date on or before.' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Postings carrying this department, project or other dimension value.',
  })
  @IsOptional()
  @IsUUID()
  dimensionValueId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  voucherId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  supplierId?: string;
}

/** The filter plus `limit` and `cursor`; IntersectionType keeps both classes' validation rules. */
export class ListPostingsQuery extends IntersectionType(PageQuery, PostingFilterQuery) {}

export class LedgerPostingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ format: 'uuid' }) voucherId: string;
  @ApiProperty({ description: 'Series code and number, e.g. SAL 17.', example: 'SAL 17' }) voucher: string;
  @ApiProperty({
    description: 'The voucher with its attachments (audit trail).',
    example: '/v1/vouchers/...',
  })
  voucherUrl: string;
  @ApiProperty() lineNumber: number;
  @ApiProperty({ enum: ['entry', 'vat', 'rounding'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ example: '3000' }) accountNumber: string;
  @ApiProperty() accountName: string;
  @ApiProperty({ example: '-1000.00' }) amount: string;
  @ApiProperty({ example: 'NOK' }) currency: string;
  @ApiProperty() currencyAmount: string;
  @ApiProperty() exchangeRate: string;
  @ApiProperty({ nullable: true, type: String }) vatCode: string | null;
  @ApiProperty({ nullable: true, type: String }) vatRate: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) departmentId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) projectId: string | null;
  @ApiProperty({ type: [String] }) dimensionValueIds: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) customerId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) supplierId: string | null;
  @ApiProperty() description: string;
}

export class PostingListResponseDto {
  @ApiProperty({ type: [LedgerPostingDto] }) data: LedgerPostingDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

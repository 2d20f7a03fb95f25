import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsAmount, IsCalendarDate, QueryBoolean } from '../../common/index.js';
import { VOUCHER_TYPES, type VoucherType } from '../series/voucher-series.entity.js';

export const MAX_VOUCHER_LINES = 1000;

export class VoucherLineDto {
  @ApiProperty({ description: 'Account number in the chart.', example: '3000' })
  @Matches(/^[1-8][0-9]{3,5}$/, { message: '$property must be an account number (4 to 6 digits)' })
  accountNumber: string;

  @ApiPropertyOptional({
    description:
      'NOK, decimal string, debit positive and credit negative. With a VAT code, net or gross as the voucher says. ' +
      'May be left out on a foreign-currency line: then currencyAmount x exchangeRate, rounded to øre.',
    example: '-1000.00',
  })
  @IsOptional()
  @IsAmount()
  amount?: string;

  @ApiPropertyOptional({ description: 'ISO 4217; NOK when left out.', example: 'EUR' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ description: 'Amount in `currency`, same sign as amount.', example: '-100.00' })
  @IsOptional()
  @IsAmount()
  currencyAmount?: string;

  @ApiPropertyOptional({ description: 'NOK per 1 unit of `currency`, up to 8 decimals.', example: '11.4275' })
  @IsOptional()
  @IsAmount({ maxDecimals: 8, allowNegative: false })
  exchangeRate?: string;

  @ApiPropertyOptional({ description: 'SAF-T standard VAT code; its VAT lines are generated.', example: '3' })
  @IsOptional()
  @Matches(/^[0-9]{1,3}$/, { message: '$property must be a VAT code (digits)' })
  vatCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A value of the department dimension.' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A value of the project dimension.' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Values of free dimensions, one per dimension.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  dimensionValueIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Required on the receivables control account.' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required on the payables control account.' })
  @IsOptional()
  @IsUUID()
  supplierId?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string;
}

export class CreateVoucherDto {
  @ApiPropertyOptional({
    enum: VOUCHER_TYPES,
    default: 'manual',
    description: 'Picks the numbering series (one per type).',
  })
  @IsOptional()
  @IsIn(VOUCHER_TYPES)
  type?: VoucherType;

  @ApiProperty({
    format: 'date',
    description: 'Voucher and posting date; must be in an open period.',
    example: '2026-11-27',
  })
  @IsCalendarDate()
  date: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Invoice 10017, Fjordkaffe AS' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'true: amounts on lines with a VAT code include VAT, which is split off. false: they are net.',
  })
  @IsOptional()
  @IsBoolean()
  amountsIncludeVat?: boolean;

  @ApiPropertyOptional({
    enum: ['booked', 'draft'],
    default: 'booked',
    description:
      '`booked` numbers and posts it now (immutable); `draft` keeps it editable until `POST .../book`.',
  })
  @IsOptional()
  @IsIn(['booked', 'draft'])
  status?: 'booked' | 'draft';

  @ApiProperty({
    type: [VoucherLineDto],
    description: 'At least two lines; VAT lines are generated, not entered.',
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_VOUCHER_LINES)
  @ValidateNested({ each: true })
  @Type(() => VoucherLineDto)
  postings: VoucherLineDto[];
}

export class UpdateDraftVoucherDto extends CreateVoucherDto {}

export class CreateVoucherQuery {
  @ApiPropertyOptional({
    description:
      'true: answer with the postings, VAT lines, rounding and number it would get, and store nothing.',
    default: false,
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  dryRun?: boolean;
}

export class ReverseVoucherDto {
  @ApiPropertyOptional({ format: 'date', description: "Date of the reversal; default the original's date." })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string;
}

export const MAX_BATCH_VOUCHERS = 1000;

/** A voucher of a batch: always booked, so no `status`. */
export class BatchVoucherDto extends OmitType(CreateVoucherDto, ['status'] as const) {}

export class BookVoucherBatchDto {
  @ApiProperty({
    type: [BatchVoucherDto],
    description: `1 to ${MAX_BATCH_VOUCHERS} vouchers, booked all or none.`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_VOUCHERS)
  @ValidateNested({ each: true })
  @Type(() => BatchVoucherDto)
  vouchers: BatchVoucherDto[];
}

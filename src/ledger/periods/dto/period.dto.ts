import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../../common/index.js';

export class FiscalYearResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date', example: '2026-01-01' }) startDate: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) endDate: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class FiscalYearListResponseDto {
  @ApiProperty({ type: [FiscalYearResponseDto] }) data: FiscalYearResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: all fiscal years fit one page.' })
  nextCursor: string | null;
}

export class CreateFiscalYearDto {
  @ApiProperty({
    format: 'date',
    example: '2028-01-01',
    description: 'The day after the last fiscal year ends, or a year before the first one starts.',
  })
  @IsCalendarDate()
  startDate: string;
}

export class PeriodResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fiscalYearId: string;
  @ApiProperty({ description: '1-12 within the fiscal year.', example: 11 }) number: number;
  @ApiProperty({ format: 'date', example: '2026-11-01' }) startDate: string;
  @ApiProperty({ format: 'date', example: '2026-11-30' }) endDate: string;
  @ApiProperty({
    enum: ['open', 'closed', 'locked'],
    description:
      'Only `open` takes postings. Closing and locking need `periods:write`, reopening `periods:reopen`.',
  })
  status: string;
  @ApiProperty({ description: 'Also the ETag.', example: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PeriodListResponseDto {
  @ApiProperty({ type: [PeriodResponseDto] }) data: PeriodResponseDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Always null: periods of the range fit one page.',
  })
  nextCursor: string | null;
}

export class ListPeriodsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this fiscal year.' })
  @IsOptional()
  @IsUUID()
  fiscalYearId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Periods ending on or after this date.' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Periods starting on or before this date.' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

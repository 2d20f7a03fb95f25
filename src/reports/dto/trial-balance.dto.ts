import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../common/index.js';

export class TrialBalanceQuery {
  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First day, inclusive.' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'Last day, inclusive.' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only postings carrying this dimension value.' })
  @IsOptional()
  @IsUUID()
  dimensionValueId?: string;
}

export class TrialBalanceLineDto {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ example: '1920' }) accountNumber: string;
  @ApiProperty() accountName: string;
  @ApiProperty({ enum: ['asset', 'equity', 'liability', 'revenue', 'expense'] }) accountClass: string;
  @ApiProperty({ description: 'Balance before `from` (debit positive).', example: '0.00' }) opening: string;
  @ApiProperty({ description: 'Sum of debits in the range.', example: '1250.00' }) debit: string;
  @ApiProperty({ description: 'Sum of credits in the range, positive.', example: '0.00' }) credit: string;
  @ApiProperty({ description: 'opening + debit - credit.', example: '1250.00' }) closing: string;
  @ApiProperty({ description: 'Postings in the range.' }) postingCount: number;
  @ApiProperty({
    description: 'The postings behind the line (audit trail).',
    example: '/v1/postings?accountId=...',
  })
  postingsUrl: string;
}

export class TrialBalanceTotalsDto {
  @ApiProperty({ example: '0.00' }) opening: string;
  @ApiProperty() debit: string;
  @ApiProperty() credit: string;
  @ApiProperty({ description: 'Always 0.00: debits equal credits.', example: '0.00' }) closing: string;
}

export class TrialBalanceResponseDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) dimensionValueId: string | null;
  @ApiProperty({ type: [TrialBalanceLineDto] }) lines: TrialBalanceLineDto[];
  @ApiProperty({ type: TrialBalanceTotalsDto }) totals: TrialBalanceTotalsDto;
}

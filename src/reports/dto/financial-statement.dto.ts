import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, PageQuery } from '../../common/index.js';

export class ProfitAndLossQuery {
  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date', example: '2026-11-30' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Comparison period start, e.g. the same months last year.',
  })
  @IsOptional()
  @IsCalendarDate()
  compareFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Comparison period end; required with compareFrom.' })
  @IsOptional()
  @IsCalendarDate()
  compareTo?: string;
}

export class BalanceSheetQuery {
  @ApiProperty({ format: 'date', description: 'Balances at the end of this day.', example: '2026-11-30' })
  @IsCalendarDate()
  at: string;

  @ApiPropertyOptional({ format: 'date', description: 'Comparison date, e.g. the last fiscal year end.' })
  @IsOptional()
  @IsCalendarDate()
  compareAt?: string;
}

export class StatementAccountLineDto {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ example: '3000' }) accountNumber: string;
  @ApiProperty() accountName: string;
  @ApiProperty({ example: '1000.00' }) amount: string;
  @ApiProperty({ nullable: true, type: String }) compareAmount: string | null;
  @ApiProperty({ description: 'The postings behind the figure (audit trail).' }) postingsUrl: string;
}

export class StatementSectionDto {
  @ApiProperty({ example: 'salesRevenue' }) key: string;
  @ApiProperty({ example: 'Salgsinntekt' }) name: string;
  @ApiProperty({ example: 'Sales revenue' }) englishName: string;
  @ApiProperty() amount: string;
  @ApiProperty({ nullable: true, type: String }) compareAmount: string | null;
  @ApiProperty({ type: [StatementAccountLineDto] }) accounts: StatementAccountLineDto[];
}

export class StatementSubtotalDto {
  @ApiProperty({ example: 'operatingResult' }) key: string;
  @ApiProperty({ example: 'Driftsresultat' }) name: string;
  @ApiProperty({ example: 'Operating result' }) englishName: string;
  @ApiProperty() amount: string;
  @ApiProperty({ nullable: true, type: String }) compareAmount: string | null;
}

export class FinancialStatementResponseDto {
  @ApiProperty({ enum: ['profitAndLoss', 'balanceSheet'] }) report: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Start (profit and loss).' })
  from: string | null;
  @ApiProperty({ format: 'date', description: 'End of the range, or the balance date.' }) to: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) compareFrom: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) compareTo: string | null;
  @ApiProperty({
    description:
      'Amounts as on the page: income, assets, equity and liabilities positive; costs negative (profit and loss).',
  })
  signConvention: string;
  @ApiProperty({ type: [StatementSectionDto] }) sections: StatementSectionDto[];
  @ApiProperty({ type: [StatementSubtotalDto] }) subtotals: StatementSubtotalDto[];
}

export class GeneralLedgerRangeQuery {
  @ApiProperty({ format: 'uuid', description: 'The account.' })
  @IsUUID()
  accountId: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  to: string;
}

/** The range plus `limit` and `cursor`; IntersectionType keeps both classes' validation rules. */
export class GeneralLedgerQuery extends IntersectionType(PageQuery, GeneralLedgerRangeQuery) {}

export class GeneralLedgerLineDto {
  @ApiProperty({ format: 'uuid' }) postingId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ format: 'uuid' }) voucherId: string;
  @ApiProperty({ example: 'SAL 17' }) voucher: string;
  @ApiProperty() voucherUrl: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) vatCode: string | null;
  @ApiProperty({ example: '1250.00', description: 'Debit positive, credit negative.' }) amount: string;
  @ApiProperty({ example: '3750.00', description: 'Running balance after this posting.' }) balance: string;
}

export class GeneralLedgerResponseDto {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() accountNumber: string;
  @ApiProperty() accountName: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ description: 'Balance before `from`.' }) opening: string;
  @ApiProperty({ description: 'Balance at the end of `to` (over all pages).' }) closing: string;
  @ApiProperty({ type: [GeneralLedgerLineDto] }) data: GeneralLedgerLineDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class AccountBalancesQuery {
  @ApiProperty({ format: 'date', description: 'Balances at the end of this day.' })
  @IsCalendarDate()
  at: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only postings carrying this dimension value.' })
  @IsOptional()
  @IsUUID()
  dimensionValueId?: string;
}

export class AccountBalanceDto {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() accountNumber: string;
  @ApiProperty() accountName: string;
  @ApiProperty({ description: 'Debit positive.', example: '1250.00' }) balance: string;
}

export class AccountBalancesResponseDto {
  @ApiProperty({ format: 'date' }) at: string;
  @ApiProperty({ type: [AccountBalanceDto] }) data: AccountBalanceDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: one line per account.' })
  nextCursor: string | null;
}

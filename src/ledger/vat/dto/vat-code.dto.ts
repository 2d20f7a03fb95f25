import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class VatRatePeriodDto {
  @ApiProperty({ description: 'Percent, decimal string.', example: '25.00' }) rate: string;
  @ApiProperty({ format: 'date', example: '2005-01-01' }) validFrom: string;
  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: 'Inclusive; null while in force.',
  })
  validTo: string | null;
}

export class VatCodeResponseDto {
  @ApiProperty({ description: 'SAF-T standard tax code.', example: '3' }) code: string;
  @ApiProperty({ example: 'Utgående mva, alminnelig sats' }) name: string;
  @ApiProperty({
    enum: ['output', 'input', 'reverse_charge', 'none'],
    description:
      'output: sales VAT; input: deductible purchase VAT; reverse_charge: VAT the buyer computes on purchases from abroad.',
  })
  direction: string;
  @ApiProperty({
    type: [VatRatePeriodDto],
    description: 'The rate on a posting is the one in force on its date.',
  })
  rates: VatRatePeriodDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Account the VAT posts to.', example: '2700' })
  vatAccountNumber: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Reverse charge: account of the deductible input VAT.',
  })
  deductionAccountNumber: string | null;
  @ApiProperty({ description: 'Whether input VAT is deducted.' }) isDeductible: boolean;
  @ApiProperty() isActive: boolean;
}

export class VatCodeListResponseDto {
  @ApiProperty({ type: [VatCodeResponseDto] }) data: VatCodeResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: all VAT codes fit one page.' })
  nextCursor: string | null;
}

export class VatCodeParam {
  @ApiProperty({ description: 'SAF-T standard tax code.', example: '3' })
  @Matches(/^[0-9]{1,3}$/, { message: '$property must be a SAF-T standard tax code (digits)' })
  code: string;
}

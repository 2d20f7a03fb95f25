import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class CompanyResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '974760673' }) organizationNumber: string;
  @ApiProperty({ example: 'Fjordkaffe AS' }) name: string;
  @ApiProperty({ description: 'ISO 4217; the books are kept in it.', example: 'NOK' }) baseCurrency: string;
  @ApiProperty({ description: 'Month (1-12) the fiscal year starts.', example: 1 })
  fiscalYearStartMonth: number;
  @ApiProperty({ enum: ['live', 'test'], description: '`test` is a sandbox company.' }) environment: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({
    description:
      'Bumped by every change. The `ETag` header is this number in quotes; send it in `If-Match` to change ' +
      'the company only if nobody else has since you read it.',
    example: 3,
  })
  version: number;
}

export class UpdateCompanyDto {
  @ApiPropertyOptional({ example: 'Fjordkaffe AS' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 12 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  fiscalYearStartMonth?: number;
}

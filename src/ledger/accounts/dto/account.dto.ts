import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { PageQuery, QueryBoolean } from '../../../common/index.js';

const ACCOUNT_NUMBER = /^[1-8][0-9]{3,5}$/;
const ACCOUNT_NUMBER_RULE = {
  message: '$property must be 4 to 6 digits starting with 1-8 (NS 4102 classes)',
};

export class AccountResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'NS 4102 number, unique in the company.', example: '1920' }) number: string;
  @ApiProperty({ example: 'Bankinnskudd' }) name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({
    enum: ['asset', 'equity', 'liability', 'revenue', 'expense'],
    description:
      'From the number: 1 assets, 20 equity, 21-29 liabilities, 3 revenue, 4-7 costs, 8 financial items.',
  })
  accountClass: string;
  @ApiProperty({ description: 'SAF-T General Ledger Standard Account it maps to.', example: '1920' })
  standardAccountId: string;
  @ApiProperty({ description: 'SAF-T grouping category.', example: 'RF-1167' }) groupingCategory: string;
  @ApiProperty({ description: 'SAF-T grouping code in that category.', example: '1920' })
  groupingCode: string;
  @ApiProperty({
    enum: ['receivable', 'payable'],
    nullable: true,
    type: String,
    description: 'Control accounts take postings only with a customer (receivable) or supplier (payable).',
  })
  controlKind: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'VAT code proposed for postings on it.',
    example: '3',
  })
  defaultVatCode: string | null;
  @ApiProperty({ description: 'A VAT account: postings on it carry no VAT code.' }) isVatLocked: boolean;
  @ApiProperty({ description: 'Postings must name a department.' }) requiresDepartment: boolean;
  @ApiProperty({ description: 'Postings must name a project.' }) requiresProject: boolean;
  @ApiProperty({ description: 'Deactivated accounts take no new postings.' }) isActive: boolean;
  @ApiProperty({ description: 'Bumped on every change; also the ETag.', example: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AccountListResponseDto {
  @ApiProperty({ type: [AccountResponseDto] }) data: AccountResponseDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null at the end.',
  })
  nextCursor: string | null;
}

export class ListAccountsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only active (true) or only deactivated (false) accounts.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({ description: 'Lowest account number, inclusive.', example: '3000' })
  @IsOptional()
  @Matches(ACCOUNT_NUMBER, ACCOUNT_NUMBER_RULE)
  numberFrom?: string;

  @ApiPropertyOptional({ description: 'Highest account number, inclusive.', example: '3999' })
  @IsOptional()
  @Matches(ACCOUNT_NUMBER, ACCOUNT_NUMBER_RULE)
  numberTo?: string;
}

class AccountFieldsDto {
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 1000 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(0, 1000)
  description?: string | null;

  @ApiPropertyOptional({ enum: ['receivable', 'payable'], nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(['receivable', 'payable'])
  controlKind?: 'receivable' | 'payable' | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '3' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 10)
  defaultVatCode?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  requiresDepartment?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  requiresProject?: boolean;
}

export class CreateAccountDto extends AccountFieldsDto {
  @ApiProperty({ description: 'NS 4102 number: 4 to 6 digits, first digit the class.', example: '1921' })
  @Matches(ACCOUNT_NUMBER, ACCOUNT_NUMBER_RULE)
  number: string;

  @ApiProperty({ example: 'Bankinnskudd, skattetrekk', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ description: 'SAF-T General Ledger Standard Account (4 characters).', example: '1920' })
  @Matches(/^[0-9]{2,4}$/, { message: '$property must be a SAF-T standard account id (2-4 digits)' })
  standardAccountId: string;

  @ApiProperty({ description: 'SAF-T grouping category.', example: 'RF-1167' })
  @IsString()
  @Length(1, 50)
  groupingCategory: string;

  @ApiProperty({ description: 'SAF-T grouping code in that category.', example: '1920' })
  @IsString()
  @Length(1, 20)
  groupingCode: string;
}

export class UpdateAccountDto extends AccountFieldsDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({
    description: 'false deactivates: the account keeps its postings and takes no new ones.',
  })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[0-9]{2,4}$/, { message: '$property must be a SAF-T standard account id (2-4 digits)' })
  standardAccountId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 50)
  groupingCategory?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 20)
  groupingCode?: string;
}

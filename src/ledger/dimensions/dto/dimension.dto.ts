import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

export class DimensionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['department', 'project', 'free'] }) kind: string;
  @ApiProperty({ example: 'Department' }) name: string;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ description: 'Also the ETag.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DimensionListResponseDto {
  @ApiProperty({ type: [DimensionResponseDto] }) data: DimensionResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: all dimensions fit one page.' })
  nextCursor: string | null;
}

export class DimensionValueResponseDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Use as departmentId, projectId or in dimensionValueIds of a posting.',
  })
  id: string;
  @ApiProperty({ format: 'uuid' }) dimensionId: string;
  @ApiProperty({ example: '100' }) code: string;
  @ApiProperty({ example: 'Sales' }) name: string;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ description: 'Also the ETag.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DimensionValueListResponseDto {
  @ApiProperty({ type: [DimensionValueResponseDto] }) data: DimensionValueResponseDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null for now: values come in one page.' })
  nextCursor: string | null;
}

export class CreateDimensionDto {
  @ApiProperty({ example: 'Region', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name: string;
}

export class UpdateDimensionDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ description: 'false: no new postings may carry it or its values.' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}

export class CreateDimensionValueDto {
  @ApiProperty({ example: '100', description: 'Short code, unique in the dimension.', maxLength: 50 })
  @Matches(/^[A-Za-z0-9._-]{1,50}$/, {
    message: '$property must be 1-50 letters, digits, dots, dashes or underscores',
  })
  code: string;

  @ApiProperty({ example: 'Sales', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;
}

export class UpdateDimensionValueDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'false: no new postings may carry it.' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}

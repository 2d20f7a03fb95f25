import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { IsCursor } from './cursor.js';

export const PAGE_DEFAULT = 100;
export const PAGE_MAX = 1000;

/** `?limit=&cursor=`, shared by every list. */
export class PageQuery {
  @ApiPropertyOptional({
    description: 'Items per page.',
    type: 'integer',
    minimum: 1,
    maximum: PAGE_MAX,
    default: PAGE_DEFAULT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; omit for the first page.' })
  @IsOptional()
  @IsString()
  @IsCursor()
  cursor?: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

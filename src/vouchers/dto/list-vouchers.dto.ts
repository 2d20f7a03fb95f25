import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, PageQuery } from '../../common/index.js';

export class ListVouchersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['draft', 'booked'] })
  @IsOptional()
  @IsIn(['draft', 'booked'])
  status?: 'draft' | 'booked';

  @ApiPropertyOptional({ format: 'date', description: 'Vouchers dated on or after.' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Vouchers dated on or before.' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** Path parameter `{id}` of every resource: a UUID (we make time-ordered v7 ids). */
export class IdParam {
  @ApiProperty({ format: 'uuid', example: '0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b' })
  @IsUUID('all', { message: 'must be a UUID, e.g. 0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b' })
  id: string;
}

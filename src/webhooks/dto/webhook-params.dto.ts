import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IdParam } from '../../common/index.js';

const UUID_MESSAGE = 'must be a UUID, e.g. 0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b';

export class DeliveryParams extends IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: UUID_MESSAGE })
  deliveryId: string;
}

export class EventRedeliveryParams extends IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: UUID_MESSAGE })
  eventId: string;
}

import { ApiProperty } from '@nestjs/swagger';

export class ReadinessResponseDto {
  /** `ready` when the server can take traffic. When it cannot, the answer is a 503 problem. */
  @ApiProperty({ enum: ['ready'] })
  status: 'ready';

  /** The database answered a query just now. */
  @ApiProperty({ enum: ['up'] })
  database: 'up';

  /** Every migration in this build has been applied. */
  @ApiProperty({ enum: ['up-to-date'] })
  migrations: 'up-to-date';
}

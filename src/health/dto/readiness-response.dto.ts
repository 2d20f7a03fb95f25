import { ApiProperty } from '@nestjs/swagger';

export class ReadinessResponseDto {
  @ApiProperty({
    description: '`ready` when the server can take traffic. When it cannot, the answer is a 503 problem.',
    enum: ['ready'],
  })
  status: 'ready';

  @ApiProperty({ description: 'The database answered a query just now.', enum: ['up'] })
  database: 'up';

  @ApiProperty({ description: 'Every migration in this build has been applied.', enum: ['up-to-date'] })
  migrations: 'up-to-date';
}

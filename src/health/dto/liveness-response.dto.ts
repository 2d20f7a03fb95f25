import { ApiProperty } from '@nestjs/swagger';

export class LivenessResponseDto {
  @ApiProperty({ description: 'Always `alive` while the process can answer.', enum: ['alive'] })
  status: 'alive';
}

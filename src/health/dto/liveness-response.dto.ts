import { ApiProperty } from '@nestjs/swagger';

export class LivenessResponseDto {
  /** Always `alive` while the process can answer. */
  @ApiProperty({ enum: ['alive'] })
  status: 'alive';
}

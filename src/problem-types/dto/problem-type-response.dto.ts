import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ERROR_CODES } from '../../common/index.js';

@ApiSchema({ description: 'What a problem `type` URI resolves to: the description of one error code.' })
export class ProblemTypeResponseDto {
  @ApiProperty({
    description: 'The problem type URI, as it appears in problem responses.',
    format: 'uri',
    example: 'https://api.hovedbok.example/v1/problems/validation-failed',
  })
  type: string;

  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode', example: 'VALIDATION_FAILED' })
  code: string;

  @ApiProperty({ example: 'Request validation failed' })
  title: string;

  @ApiProperty({ description: 'HTTP status that responses with this code carry.', example: 400 })
  status: number;

  @ApiProperty({ description: 'What the problem means and what to do about it.' })
  description: string;
}

export class ProblemTypeListResponseDto {
  @ApiProperty({ type: [ProblemTypeResponseDto] })
  data: ProblemTypeResponseDto[];

  @ApiProperty({
    description: 'Always null: the whole catalogue fits in one page.',
    type: String,
    nullable: true,
    example: null,
  })
  nextCursor: string | null;
}

import { ApiProperty } from '@nestjs/swagger';
import { ERROR_CODES } from '../../common/index.js';

/** What a problem `type` URI resolves to: the description of one error code. */
export class ProblemTypeResponseDto {
  /** The problem type URI, as it appears in problem responses. */
  @ApiProperty({ format: 'uri', example: 'http://localhost:3000/v1/problems/validation-failed' })
  type: string;

  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode', example: 'VALIDATION_FAILED' })
  code: string;

  @ApiProperty({ example: 'Request validation failed' })
  title: string;

  /** HTTP status that responses with this code carry. */
  @ApiProperty({ example: 400 })
  status: number;

  /** What the problem means and what to do about it. */
  @ApiProperty()
  description: string;
}

export class ProblemTypeListResponseDto {
  @ApiProperty({ type: [ProblemTypeResponseDto] })
  data: ProblemTypeResponseDto[];

  /** Always null: the whole catalogue fits in one page. */
  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor: string | null;
}

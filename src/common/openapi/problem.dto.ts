import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES } from '../errors/error-catalog.js';

export class FieldErrorDto {
  /** JSON pointer (RFC 6901) into the request body, e.g. `/postings/2/amount`. */
  @ApiPropertyOptional({ example: '/postings/2/amount' })
  pointer?: string;

  /** Name of the path or query parameter, e.g. `limit`. */
  @ApiPropertyOptional({ example: 'limit' })
  parameter?: string;

  /** What is wrong and what to do about it. */
  @ApiProperty({ example: 'must be a decimal string with at most 2 decimals' })
  detail: string;

  /** Machine-readable name of the rule that was broken. */
  @ApiProperty({ example: 'isDecimal' })
  rule: string;
}

/** RFC 9457 problem details, as every error response of this API carries them. */
export class ProblemDto {
  /** URI of the problem type; it resolves to a description of the problem. */
  @ApiProperty({ format: 'uri', example: 'http://localhost:3000/v1/problems/validation-failed' })
  type: string;

  /** Short summary of the problem type; the same for every occurrence. */
  @ApiProperty({ example: 'Request validation failed' })
  title: string;

  /** The HTTP status code. */
  @ApiProperty({ example: 400 })
  status: number;

  /** What happened this time, and what to fix. */
  @ApiProperty({ example: '1 field is not valid: /name must be a string.' })
  detail: string;

  /** Path of the request the problem is about. */
  @ApiProperty({ example: '/v1/health/ready' })
  instance: string;

  /** Stable machine-readable code; switch on this, not on `title`. */
  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode', example: 'VALIDATION_FAILED' })
  code: string;

  /** The request id, also in the `X-Request-Id` header; quote it to support. */
  @ApiProperty({ example: 'req_0193a0b1c2d37e4f8a9b0c1d2e3f4a5b' })
  requestId: string;

  /** For validation problems: every field or parameter that broke a rule. */
  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

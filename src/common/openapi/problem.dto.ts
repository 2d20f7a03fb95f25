import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ERROR_CODES } from '../errors/error-catalog.js';

export class FieldErrorDto {
  @ApiPropertyOptional({
    description: 'JSON pointer (RFC 6901) into the request body, e.g. `/postings/2/amount`.',
    example: '/postings/2/amount',
  })
  pointer?: string;

  @ApiPropertyOptional({
    description: 'Name of the path or query parameter, e.g. `limit`.',
    example: 'limit',
  })
  parameter?: string;

  @ApiProperty({
    description: 'What is wrong and what to do about it.',
    example: 'must be a decimal string with at most 2 decimals',
  })
  detail: string;

  @ApiProperty({ description: 'Machine-readable name of the rule that was broken.', example: 'isDecimal' })
  rule: string;
}

@ApiSchema({ description: 'RFC 9457 problem details, as every error response of this API carries them.' })
export class ProblemDto {
  @ApiProperty({
    description: 'URI of the problem type; it resolves to a description of the problem.',
    format: 'uri',
    example: 'https://api.hovedbok.example/v1/problems/validation-failed',
  })
  type: string;

  @ApiProperty({
    description: 'Short summary of the problem type; the same for every occurrence.',
    example: 'Request validation failed',
  })
  title: string;

  @ApiProperty({ description: 'The HTTP status code.', example: 400 })
  status: number;

  @ApiProperty({
    description: 'What happened this time, and what to fix.',
    example: '1 field is not valid: /name must be a string.',
  })
  detail: string;

  @ApiProperty({ description: 'Path of the request the problem is about.', example: '/v1/health/ready' })
  instance: string;

  @ApiProperty({
    description: 'Stable machine-readable code; switch on this, not on `title`.',
    enum: ERROR_CODES,
    enumName: 'ErrorCode',
    example: 'VALIDATION_FAILED',
  })
  code: string;

  @ApiProperty({
    description: 'The request id, also in the `X-Request-Id` header; quote it to support.',
    example: 'req_0193a0b1c2d37e4f8a9b0c1d2e3f4a5b',
  })
  requestId: string;

  @ApiPropertyOptional({
    description: 'For validation problems: every field or parameter that broke a rule.',
    type: [FieldErrorDto],
  })
  errors?: FieldErrorDto[];
}

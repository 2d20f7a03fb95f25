import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ProblemTypeParam {
  @ApiProperty({
    description: 'The last segment of a problem `type` URI, e.g. `validation-failed`.',
    example: 'validation-failed',
    pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'must be lower-case words joined by hyphens, e.g. validation-failed',
  })
  slug: string;
}

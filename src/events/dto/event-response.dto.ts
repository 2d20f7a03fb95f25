import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';

/**
 * The envelope every event has, in the feed and as a webhook body (Standard Webhooks' `type`,
 * `timestamp` and `data`, plus our id, company and sequence).
 */
export class EventResponseDto {
  @ApiProperty({ format: 'uuid', description: 'Also the `webhook-id` of its deliveries: deduplicate on it.' })
  id: string;

  @ApiProperty({ example: 'voucher.booked' }) type: string;

  @ApiProperty({ format: 'date-time', description: 'When the change was made (its transaction began).' })
  timestamp: string;

  @ApiProperty({ format: 'uuid' }) companyId: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description:
      "The event's place in the company's stream: 1, 2, 3, ... without gaps, in the order the changes " +
      'committed relative to each other. Resume the feed after the last one you handled.',
  })
  sequence: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The resource as the API returns it (see the `webhooks` section for each type).',
  })
  data: object;
}

export class EventFeedResponseDto {
  @ApiProperty({ type: [EventResponseDto], description: 'In sequence order.' })
  data: EventResponseDto[];

  @ApiProperty({
    description:
      'Where to continue: pass it as `after` next time. Never null, also when the page is empty, so a consumer ' +
      'can keep polling from it.',
    example: '1042',
  })
  nextCursor: string;

  @ApiProperty({ description: 'More events are there now: ask again at once.' })
  hasMore: boolean;
}

export class EventFeedQuery {
  @ApiPropertyOptional({
    description:
      'The `sequence` of the last event handled (or a `nextCursor`); events after it are returned. 0 or left ' +
      'out: from the oldest event kept (the retention is 90 days unless configured otherwise).',
    example: '1042',
    default: '0',
  })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'after must be an event sequence number (digits)' })
  after?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Only these event types, comma-separated, e.g. `voucher.booked,voucher.reversed`.',
    example: 'voucher.booked,voucher.reversed',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((type) => type.trim())
          .filter(Boolean)
      : value,
  )
  @Matches(/^[a-z_]+(\.[a-z_]+)+$/, {
    each: true,
    message: 'each of types must be an event type such as voucher.booked',
  })
  types?: string[];
}

export class EventTypeResponseDto {
  @ApiProperty({ example: 'voucher.booked' }) type: string;
  @ApiProperty() summary: string;
  @ApiProperty({ description: 'The scope needed to see events of this type.', example: 'vouchers:read' })
  scope: string;
  @ApiProperty({
    description: 'The schema of `data`, in this API description.',
    example: 'VoucherResponseDto',
  })
  schema: string;
}

export class EventTypeListResponseDto {
  @ApiProperty({ type: [EventTypeResponseDto] }) data: EventTypeResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: one page.' }) nextCursor:
    string | null;
}

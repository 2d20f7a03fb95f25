import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min, Max } from 'class-validator';
import { PageQuery } from '../../common/index.js';

const OUTCOMES = [
  'succeeded',
  'http_error',
  'redirect',
  'gone',
  'timeout',
  'network_error',
  'refused_target',
];

export class WebhookDeliveryAttemptResponseDto {
  @ApiProperty({ type: 'integer' }) attemptNumber: number;
  @ApiProperty({ format: 'date-time' }) attemptedAt: string;
  @ApiProperty({ type: 'integer', description: 'From sending to the end of the answer, in ms.' })
  durationMs: number;

  @ApiProperty({
    enum: OUTCOMES,
    description:
      '`redirect`: redirects are never followed; `refused_target`: the host resolved to a non-public address; ' +
      '`gone`: 410, which disables the subscription.',
  })
  outcome: string;

  @ApiProperty({ type: 'integer', nullable: true }) statusCode: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The first KiB of the answer.' })
  responseExcerpt: string | null;

  @ApiProperty({ type: String, nullable: true }) error: string | null;
}

export class WebhookDeliveryResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) subscriptionId: string;
  @ApiProperty({ format: 'uuid', description: 'Also the `webhook-id` header: the same on every attempt.' })
  eventId: string;

  @ApiProperty({ example: 'voucher.booked' }) eventType: string;
  @ApiProperty({ type: 'integer' }) eventSequence: number;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed'] }) status: string;
  @ApiProperty({ description: 'Asked for with a redelivery.' }) isManual: boolean;
  @ApiProperty({ type: 'integer' }) attemptCount: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastAttemptAt: string | null;
  @ApiProperty({ enum: OUTCOMES, nullable: true, type: String }) lastOutcome: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) lastStatusCode: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt: string | null;

  @ApiPropertyOptional({
    type: [WebhookDeliveryAttemptResponseDto],
    description: 'Every attempt, first first (on `GET` of one delivery).',
  })
  attempts?: WebhookDeliveryAttemptResponseDto[];
}

export class WebhookDeliveryListResponseDto {
  @ApiProperty({ type: [WebhookDeliveryResponseDto], description: 'Newest first.' })
  data: WebhookDeliveryResponseDto[];

  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ListWebhookDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'succeeded', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'succeeded', 'failed'])
  status?: 'pending' | 'succeeded' | 'failed';
}

export class RedeliverEventsDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The first event to send again, by its `sequence` in the feed.',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  fromSequence: number;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The last one (at most 10,000 events per request).',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  toSequence: number;
}

export class RedeliveryResponseDto {
  @ApiProperty({
    type: 'integer',
    description: 'How many deliveries were queued (events in the range the subscription takes).',
  })
  queued: number;
}

export class WebhookPingResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The `webhook-id` sent.' }) id: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: string;
  @ApiProperty({ type: 'integer', nullable: true }) statusCode: number | null;
  @ApiProperty({ type: 'integer' }) durationMs: number;
  @ApiProperty({ type: String, nullable: true }) responseExcerpt: string | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}

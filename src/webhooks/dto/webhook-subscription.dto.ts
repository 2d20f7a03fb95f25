import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

// Any URL WHATWG parses with an http(s) scheme; whether it may be called (public address, https,
// no credentials, in every IPv4 and IPv6 notation) is the target guard's 422, which says why.
// validator.js's isURL would refuse some notations (2130706433) as "not a URL", hiding the reason.
function IsAbsoluteHttpUrl() {
  return ValidateBy({
    name: 'isAbsoluteHttpUrl',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        URL.canParse(value) &&
        ['http:', 'https:'].includes(new URL(value).protocol),
      defaultMessage: () => 'must be an absolute https:// URL',
    },
  });
}

const EVENT_TYPE = /^[a-z_]+(\.[a-z_]+)+$/;

const URL_DESCRIPTION =
  'Where events are POSTed: a public HTTPS URL (loopback, private, link-local and metadata addresses are ' +
  'refused, also when the host name resolves to one, and checked again at each delivery).';

export class CreateWebhookSubscriptionDto {
  @ApiProperty({ description: URL_DESCRIPTION, example: 'https://shop.example.com/hooks/hovedbok' })
  @IsString()
  @MaxLength(2000)
  @IsAbsoluteHttpUrl()
  url: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Order sync', maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string | null;

  @ApiPropertyOptional({
    description:
      'Event types to deliver (see `GET /v1/event-types`); empty or left out: every type the caller may read, ' +
      'including types added later. Each needs its read scope (403 `EVENT_TYPE_NOT_READABLE` otherwise).',
    type: [String],
    example: ['voucher.booked', 'voucher.reversed'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(EVENT_TYPE, { each: true, message: 'each value must be an event type such as voucher.booked' })
  eventTypes?: string[];
}

export class UpdateWebhookSubscriptionDto {
  @ApiPropertyOptional({ description: URL_DESCRIPTION })
  // Left out, or a URL: null is not a way to remove it.
  @ValidateIf((dto: { url?: unknown }) => dto.url !== undefined)
  @IsString()
  @MaxLength(2000)
  @IsAbsoluteHttpUrl()
  url?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'As when creating; replaces the list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(EVENT_TYPE, { each: true, message: 'each value must be an event type such as voucher.booked' })
  eventTypes?: string[];

  @ApiPropertyOptional({
    description: 'false stops deliveries (pending ones are given up); true starts them again.',
  })
  @IsOptional()
  @IsBoolean()
  isEnabled?: boolean;
}

export class RotateWebhookSecretDto {
  @ApiPropertyOptional({
    description:
      'How long the old secret keeps signing beside the new one (both signatures are sent), so receivers can ' +
      'switch without missing a delivery. 0 retires it at once.',
    type: 'integer',
    minimum: 0,
    maximum: 168,
    default: 24,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(168)
  overlapHours?: number;
}

export class WebhookSubscriptionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'https://shop.example.com/hooks/hovedbok' }) url: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;

  @ApiProperty({ type: [String], description: 'Empty: every type the subscription may read.' })
  eventTypes: string[];

  @ApiProperty({
    type: [String],
    description: 'The read scopes of its creator: events needing another scope are never delivered to it.',
  })
  readableScopes: string[];

  @ApiProperty() isEnabled: boolean;

  @ApiProperty({
    enum: ['manual', 'gone', 'failing'],
    nullable: true,
    type: String,
    description:
      '`manual`: disabled through the API; `gone`: the receiver answered 410; `failing`: no delivery succeeded ' +
      'for the configured time (3 days by default).',
  })
  disabledReason: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String }) disabledAt: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Until when the previous secret still signs, after a rotation.',
  })
  previousSecretExpiresAt: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description:
      'Since when deliveries fail (the first failure after the last success); null while they succeed.',
  })
  failingSince: string | null;

  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: 'integer' }) version: number;
}

export class CreatedWebhookSubscriptionResponseDto extends WebhookSubscriptionResponseDto {
  @ApiProperty({
    description:
      'The signing secret, shown this once (Standard Webhooks format `whsec_` + base64). Verify each delivery ' +
      'with it, e.g. with the `standardwebhooks` package or `verifyWebhook` of our SDK.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret: string;
}

export class WebhookSubscriptionListResponseDto {
  @ApiProperty({ type: [WebhookSubscriptionResponseDto], description: 'Oldest first.' })
  data: WebhookSubscriptionResponseDto[];

  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { VersionedIdArgs } from '../../common/index.js';
import {
  CreateWebhookSubscriptionDto,
  RotateWebhookSecretDto,
  UpdateWebhookSubscriptionDto,
} from '../dto/webhook-subscription.dto.js';

// The REST DTOs with their fields declared for GraphQL: the validation rules are inherited, so
// both APIs accept exactly the same subscriptions (and refuse the same URLs).

const URL_DESCRIPTION =
  'Where events are POSTed: a public HTTPS URL (loopback, private, link-local and metadata addresses are ' +
  'refused with WEBHOOK_URL_REFUSED, also when the host name resolves to one).';

@InputType('CreateWebhookSubscriptionInput')
export class CreateWebhookSubscriptionInput extends CreateWebhookSubscriptionDto {
  @Field({ description: URL_DESCRIPTION })
  override url: string;

  @Field(() => String, { nullable: true })
  override description?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Event types to deliver (see eventTypes); empty or left out: every type the caller may read, including ' +
      'types added later. Each needs its read scope (EVENT_TYPE_NOT_READABLE otherwise).',
  })
  override eventTypes?: string[];
}

@InputType('UpdateWebhookSubscriptionInput')
export class UpdateWebhookSubscriptionInput extends UpdateWebhookSubscriptionDto {
  @Field({ nullable: true, description: URL_DESCRIPTION })
  override url?: string;

  @Field(() => String, { nullable: true })
  override description?: string | null;

  @Field(() => [String], { nullable: true, description: 'As when creating; replaces the list.' })
  override eventTypes?: string[];

  @Field({
    nullable: true,
    description: 'false stops deliveries (pending ones are given up); true starts them again.',
  })
  override isEnabled?: boolean;
}

@ArgsType()
export class CreateWebhookSubscriptionArgs {
  @Field(() => CreateWebhookSubscriptionInput)
  @ValidateNested()
  @Type(() => CreateWebhookSubscriptionInput)
  input: CreateWebhookSubscriptionInput;
}

@ArgsType()
export class UpdateWebhookSubscriptionArgs extends VersionedIdArgs {
  @Field(() => UpdateWebhookSubscriptionInput)
  @ValidateNested()
  @Type(() => UpdateWebhookSubscriptionInput)
  input: UpdateWebhookSubscriptionInput;
}

@ArgsType()
export class RotateWebhookSecretArgs extends RotateWebhookSecretDto {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a UUID, e.g. 0193a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b' })
  id: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 24,
    description:
      'Hours (0-168) the old secret keeps signing beside the new one (both signatures are sent), so receivers ' +
      'can switch without missing a delivery. 0 retires it at once.',
  })
  override overlapHours?: number;
}

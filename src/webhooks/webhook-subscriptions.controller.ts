import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiProblemResponses,
  IdParam,
  IfMatch,
  RequireScope,
  Tenant,
  type TenantContext,
} from '../common/index.js';
import {
  CreateWebhookSubscriptionDto,
  CreatedWebhookSubscriptionResponseDto,
  RotateWebhookSecretDto,
  UpdateWebhookSubscriptionDto,
  WebhookSubscriptionListResponseDto,
  WebhookSubscriptionResponseDto,
} from './dto/webhook-subscription.dto.js';
import { WebhookPingResponseDto } from './dto/webhook-delivery.dto.js';
import { WebhookDeliverer } from './webhook-deliverer.js';
import {
  toCreatedWebhookSubscriptionResponse,
  toWebhookSubscriptionResponse,
} from './webhook-subscription.mapper.js';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service.js';

@ApiTags('Webhooks')
@Controller('webhook-subscriptions')
export class WebhookSubscriptionsController {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly deliverer: WebhookDeliverer,
  ) {}

  @Post()
  @RequireScope('webhooks:write')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'createWebhookSubscription',
    summary: 'Subscribe a URL to events',
    description:
      'Events are POSTed to the URL per Standard Webhooks 1.0 (`webhook-id`, `webhook-timestamp`, ' +
      '`webhook-signature`), at least once, retried on the published schedule for about three days. The signing ' +
      'secret is in this response only.',
  })
  @ApiCreatedResponse({
    type: CreatedWebhookSubscriptionResponseDto,
    description: 'Created; the secret is shown once.',
  })
  @ApiProblemResponses(400, 401, 403, 422)
  async create(
    @Tenant() tenant: TenantContext,
    @Body() body: CreateWebhookSubscriptionDto,
  ): Promise<CreatedWebhookSubscriptionResponseDto> {
    return toCreatedWebhookSubscriptionResponse(await this.subscriptions.create(tenant, body));
  }

  @Get()
  @RequireScope('webhooks:read')
  @ApiOperation({
    operationId: 'listWebhookSubscriptions',
    summary: "List the company's webhook subscriptions",
  })
  @ApiOkResponse({ type: WebhookSubscriptionListResponseDto })
  @ApiProblemResponses(401, 403)
  async list(@Tenant() tenant: TenantContext): Promise<WebhookSubscriptionListResponseDto> {
    return {
      data: (await this.subscriptions.list(tenant)).map(toWebhookSubscriptionResponse),
      nextCursor: null,
    };
  }

  @Get(':id')
  @RequireScope('webhooks:read')
  @ApiOperation({
    operationId: 'getWebhookSubscription',
    summary: 'Get one webhook subscription (never its secret)',
  })
  @ApiOkResponse({ type: WebhookSubscriptionResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
  ): Promise<WebhookSubscriptionResponseDto> {
    return toWebhookSubscriptionResponse(await this.subscriptions.get(tenant, id));
  }

  @Patch(':id')
  @RequireScope('webhooks:write')
  @ApiOperation({
    operationId: 'updateWebhookSubscription',
    summary: 'Change a subscription: URL, description, event types, enabled',
  })
  @ApiOkResponse({ type: WebhookSubscriptionResponseDto })
  @ApiProblemResponses(400, 401, 403, 404, 412, 422)
  async update(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @Body() body: UpdateWebhookSubscriptionDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<WebhookSubscriptionResponseDto> {
    return toWebhookSubscriptionResponse(await this.subscriptions.update(tenant, id, body, expectedVersion));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireScope('webhooks:write')
  @ApiOperation({
    operationId: 'deleteWebhookSubscription',
    summary: 'Delete a subscription and its delivery log',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblemResponses(400, 401, 403, 404, 412)
  async delete(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<void> {
    await this.subscriptions.delete(tenant, id, expectedVersion);
  }

  @Post(':id/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @RequireScope('webhooks:write')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'rotateWebhookSecret',
    summary: 'Replace the signing secret; the old one keeps signing for an overlap window',
    description:
      'During the overlap every delivery carries two signatures (`v1,<new> v1,<old>`), so a receiver verifies ' +
      'with either secret while it switches. The new secret is in this response only.',
  })
  @ApiOkResponse({ type: CreatedWebhookSubscriptionResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async rotate(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @Body() body: RotateWebhookSecretDto,
  ): Promise<CreatedWebhookSubscriptionResponseDto> {
    return toCreatedWebhookSubscriptionResponse(
      await this.subscriptions.rotateSecret(tenant, id, body.overlapHours ?? 24),
    );
  }

  @Post(':id/ping')
  @HttpCode(HttpStatus.OK)
  @RequireScope('webhooks:write')
  @ApiOperation({
    operationId: 'pingWebhookSubscription',
    summary: 'Send a signed test event (`webhook.ping`) now and see how the receiver answered',
  })
  @ApiOkResponse({ type: WebhookPingResponseDto })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  ping(@Tenant() tenant: TenantContext, @Param() { id }: IdParam): Promise<WebhookPingResponseDto> {
    return this.deliverer.ping(tenant, id);
  }
}

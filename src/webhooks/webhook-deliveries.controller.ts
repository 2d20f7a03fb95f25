import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, IdParam, RequireScope, Tenant, type TenantContext } from '../common/index.js';
import {
  ListWebhookDeliveriesQuery,
  RedeliverEventsDto,
  RedeliveryResponseDto,
  WebhookDeliveryListResponseDto,
  WebhookDeliveryResponseDto,
} from './dto/webhook-delivery.dto.js';
import { DeliveryParams, EventRedeliveryParams } from './dto/webhook-params.dto.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';

@ApiTags('Webhooks')
@Controller('webhook-subscriptions/:id')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get('deliveries')
  @RequireScope('webhooks:read')
  @ApiOperation({
    operationId: 'listWebhookDeliveries',
    summary: "A subscription's delivery log, newest first",
  })
  @ApiOkResponse({ type: WebhookDeliveryListResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  list(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @Query() query: ListWebhookDeliveriesQuery,
  ): Promise<WebhookDeliveryListResponseDto> {
    return this.deliveries.list(tenant, id, query);
  }

  @Get('deliveries/:deliveryId')
  @RequireScope('webhooks:read')
  @ApiOperation({
    operationId: 'getWebhookDelivery',
    summary: 'One delivery with every attempt: status, latency, the start of the answer',
  })
  @ApiOkResponse({ type: WebhookDeliveryResponseDto })
  @ApiProblemResponses(400, 401, 403, 404)
  get(@Tenant() tenant: TenantContext, @Param() params: DeliveryParams): Promise<WebhookDeliveryResponseDto> {
    return this.deliveries.get(tenant, params.id, params.deliveryId);
  }

  @Post('events/:eventId/redeliver')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScope('webhooks:write')
  @ApiOperation({
    operationId: 'redeliverWebhookEvent',
    summary: 'Send one event to this subscription again (same `webhook-id`)',
  })
  @ApiAcceptedResponse({ type: RedeliveryResponseDto, description: 'Queued.' })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  async redeliverEvent(
    @Tenant() tenant: TenantContext,
    @Param() params: EventRedeliveryParams,
  ): Promise<RedeliveryResponseDto> {
    return { queued: await this.deliveries.redeliverEvent(tenant, params.id, params.eventId) };
  }

  @Post('redeliver')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScope('webhooks:write')
  @ApiOperation({
    operationId: 'redeliverWebhookEvents',
    summary: 'Send a range of events (by sequence) to this subscription again',
    description:
      'Only events the subscription takes (its types and scopes) are sent; at most 10,000 per request.',
  })
  @ApiAcceptedResponse({ type: RedeliveryResponseDto, description: 'Queued.' })
  @ApiProblemResponses(400, 401, 403, 404, 409)
  async redeliverRange(
    @Tenant() tenant: TenantContext,
    @Param() { id }: IdParam,
    @Body() body: RedeliverEventsDto,
  ): Promise<RedeliveryResponseDto> {
    return { queued: await this.deliveries.redeliverRange(tenant, id, body.fromSequence, body.toSequence) };
  }
}

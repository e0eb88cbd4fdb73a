import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/access.decorators';
import { Actor, ActorContext } from '../../common/auth/actor';
import { uuidParam } from '../../common/uuid-param';
import {
  CreateWebhookRequest,
  DeliveriesQuery,
  ReplayWebhookRequest,
  ReplayWebhookResult,
  WebhookDeliveryPage,
  WebhookDeliveryResponse,
  WebhookResponse,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

const SIGNING =
  'Each delivery is a CloudEvents 1.0 JSON POST (Content-Type application/cloudevents+json) with ' +
  'X-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>. Failed deliveries are retried with ' +
  'exponential backoff (first retry within a minute); receivers dedupe by the event id.';

@ApiTags('integration')
@Controller('integration')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post('webhooks')
  @RequirePermission('webhooks:manage')
  @ApiCreatedResponse({
    type: WebhookResponse,
    description: `${SIGNING} The subscription receives the events of its owner’s agency subtree.`,
  })
  createWebhook(@Actor() actor: ActorContext, @Body() body: CreateWebhookRequest): Promise<WebhookResponse> {
    return this.webhooks.create(actor, body);
  }

  @Get('webhooks')
  @RequirePermission('webhooks:manage')
  @ApiOkResponse({ type: [WebhookResponse], description: 'A client’s own subscriptions; an administrator’s agency subtree' })
  listWebhooks(@Actor() actor: ActorContext): Promise<WebhookResponse[]> {
    return this.webhooks.list(actor);
  }

  @Delete('webhooks/:id')
  @RequirePermission('webhooks:manage')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Stops deliveries (pending ones are cancelled); the delivery log stays' })
  deleteWebhook(@Actor() actor: ActorContext, @Param('id', uuidParam('id')) id: string): Promise<void> {
    return this.webhooks.remove(actor, id);
  }

  @Get('webhooks/:id/deliveries')
  @RequirePermission('webhooks:manage')
  @ApiOkResponse({ type: WebhookDeliveryPage })
  listWebhookDeliveries(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: DeliveriesQuery,
  ): Promise<WebhookDeliveryPage> {
    return this.webhooks.deliveries(actor, id, query);
  }

  @Post('webhooks/:id/deliveries/:deliveryId/replay')
  @RequirePermission('webhooks:manage')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookDeliveryResponse, description: 'Sent again soon, with the same event id, from a fresh retry schedule' })
  replayWebhookDelivery(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Param('deliveryId', uuidParam('deliveryId')) deliveryId: string,
  ): Promise<WebhookDeliveryResponse> {
    return this.webhooks.replayDelivery(actor, id, deliveryId);
  }

  @Post('webhooks/:id/replay')
  @RequirePermission('webhooks:manage')
  @HttpCode(200)
  @ApiOkResponse({ type: ReplayWebhookResult, description: 'Every event in the subscription’s scope since the time, sent again' })
  replayWebhook(
    @Actor() actor: ActorContext,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReplayWebhookRequest,
  ): Promise<ReplayWebhookResult> {
    return this.webhooks.replaySince(actor, id, new Date(body.since));
  }

  @Get('deliveries')
  @RequirePermission('integration:read')
  @ApiOkResponse({ type: WebhookDeliveryPage, description: 'Deliveries of every subscription in the caller’s scope, e.g. ?status=DEAD' })
  listWebhookDeliveriesInScope(@Actor() actor: ActorContext, @Query() query: DeliveriesQuery): Promise<WebhookDeliveryPage> {
    return this.webhooks.deliveriesInScope(actor, query);
  }
}

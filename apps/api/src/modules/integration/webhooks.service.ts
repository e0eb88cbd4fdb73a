import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { AuditService } from '../audit/audit.service';
import {
  CreateWebhookRequest,
  DeliveriesQuery,
  ReplayWebhookResult,
  WebhookDeliveryPage,
  WebhookDeliveryResponse,
  WebhookResponse,
} from './dto/webhook.dto';
import { WebhookSubscription } from './entities/webhook-subscription.entity';
import { deliveryNotFound, invalidCursor, webhookNotFound } from './integration.errors';
import { maskSecret } from './integration-events';
import { DeliveryFilter, WebhooksRepository } from './webhooks.repository';

const DEFAULT_PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toResponse(s: WebhookSubscription): WebhookResponse {
  return {
    id: s.id,
    url: s.url,
    events: s.events,
    secret: maskSecret(s.secret),
    ownerType: s.ownerType,
    ownerName: s.ownerName,
    agencyId: s.agencyId,
    createdAt: s.createdAt.toISOString(),
  };
}

/** The URL without its query string, for the audit trail (query strings may carry tokens). */
function auditUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

/**
 * Webhook subscriptions of API clients (their own) and administrators (those of their agency
 * subtree), their delivery log and replays.
 */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: WebhooksRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actor: ActorContext, body: CreateWebhookRequest): Promise<WebhookResponse> {
    const principal = principalOf(actor);
    return this.dataSource.transaction(async (tx) => {
      const subscription = await this.webhooks.insertSubscription(tx, {
        ownerType: principal.kind,
        ownerId: principal.id,
        ownerName: principal.name,
        agencyId: principal.agencyId,
        url: body.url,
        events: body.events,
        secret: body.secret,
      });
      await this.audit.record(
        actor,
        {
          action: 'webhook.created',
          targetType: 'webhook',
          targetId: subscription.id,
          after: { url: auditUrl(body.url), events: body.events },
        },
        tx,
      );
      return toResponse(subscription);
    });
  }

  async list(actor: ActorContext): Promise<WebhookResponse[]> {
    return (await this.webhooks.listVisible(principalOf(actor))).map(toResponse);
  }

  async remove(actor: ActorContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const subscription = await this.visible(actor, id, tx, true);
      await this.webhooks.markDeleted(tx, subscription.id);
      await this.audit.record(
        actor,
        { action: 'webhook.deleted', targetType: 'webhook', targetId: id, before: { url: auditUrl(subscription.url) } },
        tx,
      );
    });
  }

  async deliveries(actor: ActorContext, id: string, query: DeliveriesQuery): Promise<WebhookDeliveryPage> {
    await this.visible(actor, id);
    return this.page({ subscriptionId: id, status: query.status }, query);
  }

  /** Across subscriptions (administrators): e.g. the dead letters. */
  async deliveriesInScope(actor: ActorContext, query: DeliveriesQuery): Promise<WebhookDeliveryPage> {
    return this.page({ agencyPath: principalOf(actor).agencyPath, status: query.status }, query);
  }

  async replayDelivery(actor: ActorContext, id: string, deliveryId: string): Promise<WebhookDeliveryResponse> {
    await this.dataSource.transaction(async (tx) => {
      await this.visible(actor, id, tx, true);
      if (!(await this.webhooks.resetDelivery(tx, id, deliveryId))) throw deliveryNotFound();
      await this.audit.record(
        actor,
        { action: 'webhook.delivery-replayed', targetType: 'webhook', targetId: id, after: { deliveryId } },
        tx,
      );
    });
    const delivery = await this.webhooks.findDelivery(id, deliveryId);
    if (!delivery) throw deliveryNotFound();
    return delivery;
  }

  async replaySince(actor: ActorContext, id: string, since: Date): Promise<ReplayWebhookResult> {
    return this.dataSource.transaction(async (tx) => {
      const subscription = await this.visible(actor, id, tx, true);
      const scheduled = await this.webhooks.scheduleSince(tx, subscription, since);
      await this.audit.record(
        actor,
        { action: 'webhook.replayed', targetType: 'webhook', targetId: id, after: { since: since.toISOString(), scheduled } },
        tx,
      );
      return { scheduled };
    });
  }

  private async page(filter: DeliveryFilter, query: DeliveriesQuery): Promise<WebhookDeliveryPage> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined;
    if (after && !(/^\d{1,18}$/.test(after[0]) && UUID.test(after[1]))) throw invalidCursor();
    const rows = await this.webhooks.deliveriesPage(filter, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((r) => r.delivery), nextCursor: rows.length > limit && last ? encodeCursor(last.position) : null };
  }

  private async visible(actor: ActorContext, id: string, tx?: EntityManager, lock = false): Promise<WebhookSubscription> {
    const subscription = await this.webhooks.findVisible(principalOf(actor), id, tx, lock);
    if (!subscription) throw webhookNotFound();
    return subscription;
  }
}

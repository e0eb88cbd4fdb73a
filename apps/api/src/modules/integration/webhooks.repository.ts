import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { whereInAgencyScope } from '../../common/auth/agency-scope';
import type { Principal } from '../../common/auth/principal';
import { WebhookAttemptResponse, WebhookDeliveryResponse } from './dto/webhook.dto';
import type { DeliveryStatus } from './entities/webhook-delivery.entity';
import { WebhookSubscription } from './entities/webhook-subscription.entity';
import { COMMITTED_HORIZON_SQL, EVENT_IN_SUBTREE_SQL } from './integration-sql';
import { EVENT_MATCH_SQL } from './integration-events';

/** A delivery taken by one worker for one attempt, with what the POST needs. */
export interface ClaimedDelivery {
  id: string;
  subscriptionId: string;
  attempt: number;
  url: string;
  secret: string;
  eventId: string;
  type: string;
  dossierCode: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

export interface AttemptOutcome {
  at: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  /** DELIVERED, DEAD, or PENDING again at `nextAttemptAt`. */
  status: Exclude<DeliveryStatus, 'CANCELLED'>;
  nextAttemptAt: Date;
}

export interface DeliveryFilter {
  subscriptionId?: string;
  /** Only deliveries of subscriptions whose agency is in this subtree. */
  agencyPath?: string;
  status?: DeliveryStatus;
}

const ATTEMPT_LOG_SIZE = 10;

/** The wildcard and exact-type match of a subscription, and its owner's scope, for an outbox row `ev`. */
const SUBSCRIPTION_WANTS_SQL = (s: string, ownerAgency: string, ev: string) =>
  `${EVENT_MATCH_SQL(`${s}.events`, `${ev}.type`)} AND ${EVENT_IN_SUBTREE_SQL(ev, `${ownerAgency}.path`)}`;

const DELIVERY_RESET_SQL = `status = 'PENDING', attempts = 0, next_attempt_at = now(), claimed_until = NULL, dead_at = NULL, updated_at = now()`;

@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertSubscription(
    tx: EntityManager,
    values: Omit<WebhookSubscription, 'id' | 'createdAt' | 'deletedAt'>,
  ): Promise<WebhookSubscription> {
    return tx.save(tx.create(WebhookSubscription, { ...values, deletedAt: null }));
  }

  /** A client sees its own subscriptions; staff see those of agencies in their subtree. */
  async listVisible(principal: Principal): Promise<WebhookSubscription[]> {
    return this.visibleQuery(principal, this.dataSource.manager).orderBy('s.created_at', 'DESC').getMany();
  }

  async findVisible(
    principal: Principal,
    id: string,
    tx: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<WebhookSubscription | null> {
    const query = this.visibleQuery(principal, tx).andWhere('s.id = :id', { id });
    if (lock) query.setLock('pessimistic_write', undefined, ['s']);
    return query.getOne();
  }

  /** Soft delete: the delivery log stays; pending deliveries are cancelled. */
  async markDeleted(tx: EntityManager, id: string): Promise<void> {
    await tx.query(
      `WITH s AS (UPDATE webhook_subscriptions SET deleted_at = now() WHERE id = $1 RETURNING id)
       UPDATE webhook_deliveries SET status = 'CANCELLED', claimed_until = NULL, updated_at = now()
        WHERE subscription_id IN (SELECT id FROM s) AND status = 'PENDING'`,
      [id],
    );
  }

  /** Newest event first; keyset on the outbox id (and the delivery id across subscriptions). */
  async deliveriesPage(
    filter: DeliveryFilter,
    after: [string, string] | undefined,
    limit: number,
  ): Promise<Array<{ delivery: WebhookDeliveryResponse; position: [string, string] }>> {
    const params: unknown[] = [limit];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.subscriptionId) where.push(`d.subscription_id = ${param(filter.subscriptionId)}`);
    if (filter.status) where.push(`d.status = ${param(filter.status)}`);
    if (filter.agencyPath !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM webhook_subscriptions s JOIN agencies a ON a.id = s.agency_id
                           WHERE s.id = d.subscription_id AND starts_with(a.path, ${param(filter.agencyPath)}))`);
    }
    if (after) where.push(`(d.outbox_id, d.id) < (${param(after[0])}::bigint, ${param(after[1])}::uuid)`);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT d.*, e.event_id, e.type, e.dossier_code, e.occurred_at,
              COALESCE((SELECT json_agg(json_build_object('attempt', t.attempt, 'at', t.at, 'durationMs', t.duration_ms,
                                                          'statusCode', t.status_code, 'error', t.error) ORDER BY t.id DESC)
                          FROM (SELECT * FROM webhook_attempts t WHERE t.delivery_id = d.id ORDER BY t.id DESC LIMIT ${ATTEMPT_LOG_SIZE}) t),
                       '[]') AS attempt_log
         FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.outbox_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY d.outbox_id DESC, d.id DESC
        LIMIT $1`,
      params,
    );
    return rows.map((r) => ({ delivery: toDeliveryResponse(r), position: [String(r['outbox_id']), r['id'] as string] }));
  }

  async findDelivery(subscriptionId: string, deliveryId: string): Promise<WebhookDeliveryResponse | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT d.*, e.event_id, e.type, e.dossier_code, e.occurred_at, '[]'::json AS attempt_log
         FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.outbox_id
        WHERE d.id = $1 AND d.subscription_id = $2`,
      [deliveryId, subscriptionId],
    );
    return row ? toDeliveryResponse(row) : undefined;
  }

  /** Sends a delivery again from its first attempt; false when the subscription has no such delivery. */
  async resetDelivery(tx: EntityManager, subscriptionId: string, deliveryId: string): Promise<boolean> {
    const rows = await tx.query(
      `WITH u AS (UPDATE webhook_deliveries SET ${DELIVERY_RESET_SQL} WHERE id = $1 AND subscription_id = $2 RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [deliveryId, subscriptionId],
    );
    return rows[0].n > 0;
  }

  /** Every event since `since` that the subscription wants, sent again (or for the first time). */
  async scheduleSince(tx: EntityManager, subscription: WebhookSubscription, since: Date): Promise<number> {
    const rows = await tx.query(
      `WITH ins AS (
         INSERT INTO webhook_deliveries (subscription_id, outbox_id, status, attempts, next_attempt_at)
         SELECT s.id, ev.id, 'PENDING', 0, now()
           FROM webhook_subscriptions s JOIN agencies sa ON sa.id = s.agency_id
           JOIN outbox_events ev ON ev.occurred_at >= $2
          WHERE s.id = $1 AND ${SUBSCRIPTION_WANTS_SQL('s', 'sa', 'ev')}
         ON CONFLICT (subscription_id, outbox_id) DO UPDATE SET ${DELIVERY_RESET_SQL}
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [subscription.id, since],
    );
    return rows[0].n;
  }

  /**
   * Turns the next committed outbox events (in commit order, below the horizon) into deliveries for
   * every live subscription that wants them, and moves the cursor. Returns the number of events
   * examined, or null when another process holds the cursor (it is fanning out right now).
   */
  async fanOut(batch: number): Promise<number | null> {
    return this.dataSource.transaction(async (tx) => {
      const [cursor] = await tx.query('SELECT txid, outbox_id FROM webhook_fanout_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED');
      if (!cursor) return null;
      // A revoked API client's subscriptions end with it: no more deliveries, pending ones cancelled.
      await tx.query(
        `WITH ended AS (
           UPDATE webhook_subscriptions s SET deleted_at = now()
            WHERE s.deleted_at IS NULL AND s.owner_type = 'client'
              AND EXISTS (SELECT 1 FROM api_clients c WHERE c.id = s.owner_id AND c.revoked_at IS NOT NULL)
           RETURNING s.id)
         UPDATE webhook_deliveries SET status = 'CANCELLED', claimed_until = NULL, updated_at = now()
          WHERE subscription_id IN (SELECT id FROM ended) AND status = 'PENDING'`,
      );
      const [result] = await tx.query(
        `WITH ev AS (
           SELECT e.id, e.txid, e.type, e.receiving_agency_id, e.competent_agency_id, e.agency_ids
             FROM outbox_events e
            WHERE (e.txid, e.id) > ($1::bigint, $2::bigint) AND e.txid < ${COMMITTED_HORIZON_SQL}
            ORDER BY e.txid, e.id
            LIMIT $3),
         ins AS (
           INSERT INTO webhook_deliveries (subscription_id, outbox_id, status, attempts, next_attempt_at)
           SELECT s.id, ev.id, 'PENDING', 0, now()
             FROM ev JOIN webhook_subscriptions s ON s.deleted_at IS NULL
             JOIN agencies sa ON sa.id = s.agency_id
            WHERE ${SUBSCRIPTION_WANTS_SQL('s', 'sa', 'ev')}
           ON CONFLICT (subscription_id, outbox_id) DO NOTHING
           RETURNING 1),
         last AS (SELECT txid, id FROM ev ORDER BY txid DESC, id DESC LIMIT 1),
         moved AS (UPDATE webhook_fanout_cursor c SET txid = last.txid, outbox_id = last.id FROM last WHERE c.id = 1 RETURNING 1)
         SELECT (SELECT count(*) FROM ev)::int AS events, (SELECT count(*) FROM ins)::int AS deliveries, (SELECT count(*) FROM moved)::int AS moved`,
        [cursor.txid, cursor.outbox_id, batch],
      );
      return result.events as number;
    });
  }

  /**
   * Takes up to `limit` due deliveries for one attempt each, in one short statement: the rows are
   * locked with SKIP LOCKED (concurrent workers take different rows) and leased until `leaseMs` from
   * now — if this process dies, the delivery becomes due again when the lease ends.
   */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d
          WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
          ORDER BY d.next_attempt_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE webhook_deliveries d
            SET attempts = d.attempts + 1, next_attempt_at = clock_timestamp() + $2 * interval '1 millisecond',
                claimed_until = clock_timestamp() + $2 * interval '1 millisecond', updated_at = now()
           FROM due WHERE d.id = due.id
         RETURNING d.id, d.subscription_id, d.outbox_id, d.attempts)
       SELECT c.id, c.subscription_id, c.attempts, s.url, s.secret, e.event_id, e.type, e.dossier_code, e.occurred_at, e.data
         FROM claimed c JOIN webhook_subscriptions s ON s.id = c.subscription_id JOIN outbox_events e ON e.id = c.outbox_id`,
      [limit, leaseMs],
    );
    return rows.map((r) => ({
      id: r['id'] as string,
      subscriptionId: r['subscription_id'] as string,
      attempt: r['attempts'] as number,
      url: r['url'] as string,
      secret: r['secret'] as string,
      eventId: r['event_id'] as string,
      type: r['type'] as string,
      dossierCode: r['dossier_code'] as string,
      occurredAt: r['occurred_at'] as Date,
      data: r['data'] as Record<string, unknown>,
    }));
  }

  /**
   * Logs the attempt and, when the delivery is still this worker's claim (same attempt number, not
   * replayed or cancelled meanwhile), moves it on. Returns whether the delivery was moved.
   */
  async recordAttempt(tx: EntityManager, delivery: ClaimedDelivery, outcome: AttemptOutcome): Promise<boolean> {
    const rows = await tx.query(
      `WITH a AS (
         INSERT INTO webhook_attempts (delivery_id, attempt, at, duration_ms, status_code, error) VALUES ($1, $2, $3, $4, $5, $6)),
       u AS (
         UPDATE webhook_deliveries
            SET status = $7::varchar, next_attempt_at = $8, claimed_until = NULL, last_status = $5, last_error = $6,
                delivered_at = CASE WHEN $7::varchar = 'DELIVERED' THEN clock_timestamp() ELSE delivered_at END,
                dead_at = CASE WHEN $7::varchar = 'DEAD' THEN clock_timestamp() END, updated_at = now()
          WHERE id = $1 AND attempts = $2 AND status = 'PENDING'
         RETURNING 1)
       SELECT count(*)::int AS n FROM u`,
      [
        delivery.id,
        delivery.attempt,
        outcome.at,
        outcome.durationMs,
        outcome.statusCode,
        outcome.error,
        outcome.status,
        outcome.nextAttemptAt,
      ],
    );
    return rows[0].n > 0;
  }

  /** After a receiver recovers: its waiting retries are due now instead of after their backoff. */
  async retryWaitingNow(subscriptionId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET next_attempt_at = now(), updated_at = now()
        WHERE status = 'PENDING' AND next_attempt_at > now() AND subscription_id = $1
          AND (claimed_until IS NULL OR claimed_until < now())`,
      [subscriptionId],
    );
  }

  private visibleQuery(principal: Principal, manager: EntityManager) {
    const query = manager.createQueryBuilder(WebhookSubscription, 's').where('s.deleted_at IS NULL');
    if (principal.kind === 'client') return query.andWhere(`s.owner_type = 'client' AND s.owner_id = :ownerId`, { ownerId: principal.id });
    return whereInAgencyScope(query, principal, 's.agency_id');
  }
}

function iso(value: unknown): string | null {
  return value === null || value === undefined ? null : new Date(value as string).toISOString();
}

function toDeliveryResponse(r: Record<string, unknown>): WebhookDeliveryResponse {
  const status = r['status'] as DeliveryStatus;
  return {
    id: r['id'] as string,
    webhookId: r['subscription_id'] as string,
    eventId: r['event_id'] as string,
    type: r['type'] as string,
    dossierCode: r['dossier_code'] as string,
    eventTime: iso(r['occurred_at']) as string,
    status,
    attempts: r['attempts'] as number,
    nextAttemptAt: status === 'PENDING' ? iso(r['next_attempt_at']) : null,
    lastStatus: (r['last_status'] as number | null) ?? null,
    lastError: (r['last_error'] as string | null) ?? null,
    deliveredAt: iso(r['delivered_at']),
    deadAt: iso(r['dead_at']),
    attemptLog: (r['attempt_log'] as Array<Record<string, unknown>>).map((a): WebhookAttemptResponse => ({
      attempt: a['attempt'] as number,
      at: iso(a['at']) as string,
      durationMs: a['durationMs'] as number,
      statusCode: (a['statusCode'] as number | null) ?? null,
      error: (a['error'] as string | null) ?? null,
    })),
  };
}

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { retryDelayMs, signature, toCloudEvent } from './integration-events';
import { AttemptOutcome, ClaimedDelivery, WebhooksRepository } from './webhooks.repository';

/** Outbox events turned into deliveries per round. */
const FAN_OUT_BATCH = 500;

function describeError(error: unknown, timeoutMs: number): string {
  // Duck-typed: fetch's errors may come from another realm (instanceof Error is not reliable).
  const { name, message, cause } = (error ?? {}) as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (name === 'TimeoutError' || name === 'AbortError') return `No response within ${timeoutMs} ms`;
  return String(cause?.code ?? cause?.message ?? message ?? 'Unknown error').slice(0, 500);
}

/**
 * Delivers webhooks: fans committed outbox events out to deliveries, claims due deliveries
 * (SKIP LOCKED, leased) and POSTs them as signed CloudEvents, retrying with exponential backoff until
 * the last attempt marks them dead (audited as `webhook.dead`). Safe with any number of API
 * processes: each attempt is made by one of them; a process that dies mid-delivery only delays it.
 * Runs in the background when JOBS_ENABLED; tests call `deliverDue` directly.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Webhooks');
  private running = false;
  private loopDone: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  /** Subscriptions this process saw fail: their next success pulls their waiting retries forward. */
  private readonly failing = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: WebhooksRepository,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobsEnabled) this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** How long a claimed delivery stays this process's: the request timeout plus time to record it. */
  get leaseMs(): number {
    return 2 * this.config.webhooks.timeoutMs + 1000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops claiming and waits for the deliveries in flight. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loopDone;
    await Promise.allSettled([...this.inFlight]);
  }

  /** One round: fan out, then claim up to `limit` due deliveries and send them all. Returns how many were sent. */
  async deliverDue(limit = this.config.webhooks.concurrency): Promise<number> {
    await this.fanOut();
    const claimed = await this.webhooks.claimDue(limit, this.leaseMs);
    await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    return claimed.length;
  }

  /** Committed outbox events to deliveries; the number of events examined (0 when another process is at it). */
  async fanOut(): Promise<number> {
    return (await this.webhooks.fanOut(FAN_OUT_BATCH)) ?? 0;
  }

  private async loop(): Promise<void> {
    const { concurrency, pollBusyMs, pollIdleMs } = this.config.webhooks;
    while (this.running) {
      let busy = false;
      try {
        busy = (await this.fanOut()) > 0;
        const free = concurrency - this.inFlight.size;
        if (free > 0) {
          const claimed = await this.webhooks.claimDue(free, this.leaseMs);
          for (const delivery of claimed) this.track(this.deliver(delivery));
          busy ||= claimed.length > 0;
        } else {
          busy = true;
        }
      } catch (error) {
        this.logger.error({ err: error }, 'Webhook round failed');
      }
      if (this.running) await this.sleep(busy ? pollBusyMs : pollIdleMs);
    }
  }

  private track(delivery: Promise<void>): void {
    this.inFlight.add(delivery);
    void delivery.finally(() => {
      const wasFull = this.inFlight.size >= this.config.webhooks.concurrency;
      this.inFlight.delete(delivery);
      if (wasFull) this.wake?.();
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** One attempt; never throws (a failure to record leaves the lease to expire and the delivery to be retried). */
  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const outcome = await this.post(delivery);
    try {
      const moved = await this.dataSource.transaction(async (tx) => {
        const moved = await this.webhooks.recordAttempt(tx, delivery, outcome);
        if (moved && outcome.status === 'DEAD') {
          await this.audit.record(
            undefined,
            {
              action: 'webhook.dead',
              targetType: 'webhook',
              targetId: delivery.subscriptionId,
              after: {
                deliveryId: delivery.id,
                eventId: delivery.eventId,
                type: delivery.type,
                dossierCode: delivery.dossierCode,
                attempts: delivery.attempt,
                lastStatus: outcome.statusCode,
                lastError: outcome.error,
              },
            },
            tx,
          );
        }
        return moved;
      });
      if (outcome.status !== 'DELIVERED') {
        this.failing.add(delivery.subscriptionId);
        if (outcome.status === 'DEAD') this.logger.warn(`Webhook delivery ${delivery.id} is dead after ${delivery.attempt} attempts`);
      } else if (moved && (delivery.attempt > 1 || this.failing.has(delivery.subscriptionId))) {
        this.failing.delete(delivery.subscriptionId);
        await this.webhooks.retryWaitingNow(delivery.subscriptionId);
      }
    } catch (error) {
      this.logger.error({ err: error }, `Recording webhook delivery ${delivery.id} failed`);
    }
  }

  private async post(delivery: ClaimedDelivery): Promise<AttemptOutcome> {
    const { timeoutMs, eventSource } = this.config.webhooks;
    const body = JSON.stringify(toCloudEvent(delivery, eventSource));
    const at = new Date();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/cloudevents+json; charset=utf-8',
          'x-signature': signature(body, delivery.secret),
          'user-agent': 'motcua-webhooks/1',
        },
        body,
        // A redirect is a failure, never followed: the receiver is the URL that was registered.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      statusCode = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
    } catch (caught) {
      error = describeError(caught, timeoutMs);
    }
    const durationMs = Date.now() - at.getTime();
    if (!error) return { at, durationMs, statusCode, error, status: 'DELIVERED', nextAttemptAt: new Date() };
    const delay = retryDelayMs(this.config.webhooks, delivery.attempt);
    return delay === null
      ? { at, durationMs, statusCode, error, status: 'DEAD', nextAttemptAt: new Date() }
      : { at, durationMs, statusCode, error, status: 'PENDING', nextAttemptAt: new Date(Date.now() + delay) };
  }
}

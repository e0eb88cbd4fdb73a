import { createHmac } from 'node:crypto';

/**
 * The event types of the outbox (CloudEvents `type`). Add a type here before emitting it: the
 * webhook subscription DTO accepts exactly these, plus the `dossier.*` wildcard.
 */
export const OUTBOX_EVENT_TYPES = [
  'dossier.submitted',
  'dossier.received',
  'dossier.refused',
  'dossier.status-changed',
  'dossier.forwarded',
  'dossier.step-sent',
  'dossier.step-accepted',
  'dossier.step-returned',
  'dossier.step-completed',
  'dossier.step-overdue',
  'dossier.due-soon',
  'dossier.overdue',
  'dossier.supplement-requested',
  'dossier.result-ready',
  'dossier.returned',
] as const;
export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];

export const EVENT_PATTERNS = ['dossier.*', ...OUTBOX_EVENT_TYPES] as const;

/** A subscription pattern matches its exact type, or every type under a `prefix.*`. */
export function eventMatches(pattern: string, type: string): boolean {
  return pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}

/** The same test in SQL, for `events` (text[]) against `type`. */
export const EVENT_MATCH_SQL = (events: string, type: string) =>
  `(${type} = ANY(${events}) OR EXISTS (SELECT 1 FROM unnest(${events}) p WHERE right(p, 2) = '.*' AND starts_with(${type}, left(p, -1))))`;

/** CloudEvents 1.0, structured JSON mode: the body of every webhook and an item of the changes feed. */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  type: string;
  source: string;
  /** The dossier code. */
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: Record<string, unknown>;
}

export interface StoredEvent {
  eventId: string;
  type: string;
  dossierCode: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

export function toCloudEvent(event: StoredEvent, source: string): CloudEvent {
  return {
    specversion: '1.0',
    id: event.eventId,
    type: event.type,
    source,
    subject: event.dossierCode,
    time: event.occurredAt.toISOString(),
    datacontenttype: 'application/json',
    data: event.data,
  };
}

/** `X-Signature` value: `sha256=` + hex HMAC-SHA256 of the exact body bytes with the subscription secret. */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export interface RetrySchedule {
  maxAttempts: number;
  backoffBaseMs: number;
  backoffFactor: number;
  backoffMaxMs: number;
}

/** Wait after failed attempt `attempt` (1-based), or null when it was the last one. */
export function retryDelayMs(schedule: RetrySchedule, attempt: number): number | null {
  if (attempt >= schedule.maxAttempts) return null;
  return Math.min(schedule.backoffBaseMs * schedule.backoffFactor ** (attempt - 1), schedule.backoffMaxMs);
}

/** Shows only enough of a secret to recognise it. */
export function maskSecret(secret: string): string {
  return `••••••••${secret.slice(-4)}`;
}

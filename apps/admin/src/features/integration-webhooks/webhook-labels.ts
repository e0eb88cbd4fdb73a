import type { Schemas } from '@motcua/api-client';
import { i18n } from '../../i18n/i18n';

export type Webhook = Schemas['WebhookResponse'];
export type WebhookDelivery = Schemas['WebhookDeliveryResponse'];
export type WebhookEventPattern = Schemas['WebhookEventPattern'];
export type DeliveryStatus = Schemas['WebhookDeliveryStatus'];

export const ALL_DOSSIER_EVENTS: WebhookEventPattern = 'dossier.*';

// i18next reads '.' as a key separator, so each pattern maps to a plain key. The Record makes the
// compiler flag a pattern the contract adds and this screen does not offer yet.
const EVENT_KEYS: Record<WebhookEventPattern, string> = {
  'dossier.*': 'all',
  'dossier.submitted': 'submitted',
  'dossier.received': 'received',
  'dossier.refused': 'refused',
  'dossier.status-changed': 'statusChanged',
  'dossier.forwarded': 'forwarded',
  'dossier.step-sent': 'stepSent',
  'dossier.step-accepted': 'stepAccepted',
  'dossier.step-returned': 'stepReturned',
  'dossier.step-completed': 'stepCompleted',
  'dossier.step-overdue': 'stepOverdue',
  'dossier.due-soon': 'dueSoon',
  'dossier.overdue': 'overdue',
  'dossier.supplement-requested': 'supplementRequested',
  'dossier.result-ready': 'resultReady',
  'dossier.returned': 'returned',
};

/** The contract's event patterns, in the order the enum lists them (`dossier.*` first). */
export const WEBHOOK_EVENT_PATTERNS = Object.keys(EVENT_KEYS) as WebhookEventPattern[];

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['PENDING', 'DELIVERED', 'DEAD', 'CANCELLED'];

export const DELIVERY_STATUS_COLORS: Readonly<Record<DeliveryStatus, string>> = {
  PENDING: 'processing',
  DELIVERED: 'success',
  DEAD: 'error',
  CANCELLED: 'default',
};

function isPattern(value: string): value is WebhookEventPattern {
  return value in EVENT_KEYS;
}

/** "Hồ sơ được tiếp nhận" for `dossier.received`; an event type this screen does not know shows as is. */
export function eventLabel(type: string): string {
  return isPattern(type) ? i18n.t(`adminTools.webhooks.eventTypes.${EVENT_KEYS[type]}`) : type;
}

export function eventOptions(): Array<{ value: WebhookEventPattern; label: string }> {
  return WEBHOOK_EVENT_PATTERNS.map((pattern) => ({ value: pattern, label: `${eventLabel(pattern)} (${pattern})` }));
}

export const deliveryStatusLabel = (status: DeliveryStatus) => i18n.t(`adminTools.deliveries.statuses.${status}`);

/**
 * `dossier.*` already covers every type: choosing it keeps it alone, and choosing a type while it
 * is selected replaces it (the API would accept both, but the subscription would read wrongly).
 */
export function normalizeEvents(
  next: WebhookEventPattern[] | undefined,
  previous: WebhookEventPattern[] | undefined,
): WebhookEventPattern[] {
  const value = next ?? [];
  if (!value.includes(ALL_DOSSIER_EVENTS)) return value;
  if (!(previous ?? []).includes(ALL_DOSSIER_EVENTS)) return [ALL_DOSSIER_EVENTS];
  return value.length > 1 ? value.filter((pattern) => pattern !== ALL_DOSSIER_EVENTS) : value;
}

/** An http(s) URL with a host, as the API's validator wants it. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A random secret of 32 URL-safe characters, from the browser's cryptographic generator. */
export function generateSecret(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

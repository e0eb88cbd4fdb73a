import type { Schemas } from '@motcua/api-client';
import { isRole } from '@motcua/domain';
import { i18n } from '../../i18n/i18n';

export type AuditEvent = Schemas['AuditEventView'];
export type AuditVerification = Schemas['AuditVerification'];
export type AuditExportFormat = 'csv' | 'ndjson';

/** Families of actions the product records, offered as `family.*` filters (any exact action may be typed too). */
export const ACTION_FAMILIES = [
  'auth',
  'user',
  'integration-client',
  'webhook',
  'dossier',
  'party',
  'procedure',
  'agency',
  'calendar',
  'report',
  'audit',
] as const;

/** Target types the API records; the filter accepts any other value too. */
export const TARGET_TYPES = [
  'dossier',
  'party',
  'user',
  'integration-client',
  'webhook',
  'procedure',
  'agency',
  'calendar-day',
  'calendar-settings',
  'report',
  'report_period',
  'audit',
] as const;

export const actorTypeLabel = (type: string) => i18n.t(`adminTools.audit.actorTypes.${type}`, { defaultValue: type });

/** "Quản trị", "Thanh tra", … for the roles the product knows; any other role code as recorded. */
export const auditRoleLabel = (role: string) => (isRole(role) ? i18n.t(`roles.${role}`) : role);

export function verifyReasonLabel(reason: AuditVerification['reason']): string {
  return i18n.t(`adminTools.audit.verifyReasons.${reason ?? 'unknown'}`);
}

export const shortHash = (hash: string) => `${hash.slice(0, 12)}…`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

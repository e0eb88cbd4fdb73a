import { CLIENT_SCOPES, ROLES, type ClientScope, type Role } from '@motcua/domain';
import { i18n } from '../../i18n/i18n';

/** "Quản trị", "Tiếp nhận", … in the current language. */
export function roleLabel(role: Role): string {
  return i18n.t(`roles.${role}`);
}

export function roleOptions(): Array<{ value: Role; label: string }> {
  return ROLES.map((role) => ({ value: role, label: roleLabel(role) }));
}

// i18next reads ':' as a namespace separator, so scopes map to plain keys.
const SCOPE_KEYS: Record<ClientScope, string> = {
  'dossiers:create': 'scopes.dossiersCreate',
  'dossiers:read': 'scopes.dossiersRead',
  'webhooks:manage': 'scopes.webhooksManage',
};

export function scopeLabel(scope: ClientScope): string {
  return i18n.t(SCOPE_KEYS[scope]);
}

export function scopeOptions(): Array<{ value: ClientScope; label: string }> {
  return CLIENT_SCOPES.map((scope) => ({ value: scope, label: `${scopeLabel(scope)} (${scope})` }));
}

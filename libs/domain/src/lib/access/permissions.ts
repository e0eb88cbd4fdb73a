/**
 * Who may do what: the one table of role permissions, used by the API's guard and by the admin
 * to show only the menus a user may use. Change access here, nowhere else.
 */
export const ROLES = ['ADMIN', 'RECEPTION', 'SPECIALIST', 'LEADER', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'agencies:read',
  'agencies:manage',
  'procedures:read',
  'procedures:manage',
  'calendar:read',
  'calendar:manage',
  'users:read',
  'users:manage',
  'integration:read',
  'integration:manage',
  'webhooks:manage',
  'dossiers:read',
  'dossiers:create',
  'dossiers:intake',
  'dossiers:process',
  'dossiers:assign',
  'dossiers:approve',
  'dossiers:return',
  'dossiers:import',
  'parties:read',
  'parties:manage',
  'parties:reveal',
  'parties:administer',
  'reports:read',
  'reports:export',
  'reports:close',
  'audit:read',
  'audit:verify',
  'inspections:read',
  'inspections:conduct',
  'pilots:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CATALOG_READ: Permission[] = ['agencies:read', 'procedures:read', 'calendar:read'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  ADMIN: [
    ...CATALOG_READ,
    'agencies:manage',
    'procedures:manage',
    'calendar:manage',
    'users:read',
    'users:manage',
    'integration:read',
    'integration:manage',
    'webhooks:manage',
    'dossiers:import',
    // Duplicate review, merge and pseudonymisation of registry records (not reveal: no unmasked data).
    'parties:read',
    'parties:administer',
    // Period closing freezes a month's reports (a snapshot); reading reports stays with leaders and auditors.
    'reports:close',
    'audit:read',
    // Pilot models of the one-stop service are recorded by administrators (issue 8 §4); inspections they may read.
    'pilots:manage',
    'inspections:read',
  ],
  RECEPTION: [
    ...CATALOG_READ,
    'dossiers:read',
    'dossiers:create',
    'dossiers:intake',
    'dossiers:return',
    'parties:read',
    'parties:manage',
    'parties:reveal',
  ],
  SPECIALIST: [...CATALOG_READ, 'dossiers:read', 'dossiers:process', 'parties:read'],
  LEADER: [
    ...CATALOG_READ,
    'dossiers:read',
    'dossiers:process',
    'dossiers:assign',
    'dossiers:approve',
    'parties:read',
    'parties:reveal',
    'reports:read',
    'reports:export',
    'users:read',
    'inspections:read',
  ],
  // Read-only on everything in scope (exporting and verifying change nothing); the one thing an auditor
  // writes is their own work record: inspections with their sample and findings.
  AUDITOR: [
    ...CATALOG_READ,
    'users:read',
    'integration:read',
    'dossiers:read',
    'parties:read',
    'reports:read',
    'reports:export',
    'audit:read',
    'audit:verify',
    'inspections:read',
    'inspections:conduct',
  ],
};

/** Scopes an administrator may grant to a machine client (a district or commune portal). */
export const CLIENT_SCOPES = ['dossiers:create', 'dossiers:read', 'webhooks:manage'] as const satisfies readonly Permission[];
export type ClientScope = (typeof CLIENT_SCOPES)[number];

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const permission of ROLE_PERMISSIONS[role] ?? []) granted.add(permission);
  return PERMISSIONS.filter((p) => granted.has(p));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role]?.includes(permission));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

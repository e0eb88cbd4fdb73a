import { hasPermission, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS, ROLES } from './permissions';

const READ_ONLY = /:(read|verify|export)$/;

describe('role permissions', () => {
  it('gives the auditor only permissions that change nothing, except conducting inspections (their own work records)', () => {
    const writes = ROLE_PERMISSIONS.AUDITOR.filter((permission) => !READ_ONLY.test(permission));
    expect(writes).toEqual(['inspections:conduct']);
  });

  it('reserves conducting inspections to auditors; auditors, leaders and administrators read them', () => {
    expect(ROLES.filter((role) => hasPermission([role], 'inspections:conduct'))).toEqual(['AUDITOR']);
    expect(ROLES.filter((role) => hasPermission([role], 'inspections:read'))).toEqual(['ADMIN', 'LEADER', 'AUDITOR']);
  });

  it('reserves recording pilot models to administrators', () => {
    expect(ROLES.filter((role) => hasPermission([role], 'pilots:manage'))).toEqual(['ADMIN']);
  });

  it('reserves catalog, calendar, user and integration management to administrators', () => {
    for (const permission of ['agencies:manage', 'procedures:manage', 'calendar:manage', 'users:manage', 'integration:manage'] as const) {
      expect(ROLES.filter((role) => hasPermission([role], permission))).toEqual(['ADMIN']);
    }
  });

  it('reserves merging and pseudonymising registry records to administrators, who cannot reveal them', () => {
    expect(ROLES.filter((role) => hasPermission([role], 'parties:administer'))).toEqual(['ADMIN']);
    expect(hasPermission(['ADMIN'], 'parties:reveal')).toBe(false);
  });

  it('reserves closing a report period to administrators', () => {
    expect(ROLES.filter((role) => hasPermission([role], 'reports:close'))).toEqual(['ADMIN']);
  });

  it('lets only reception officers receive dossiers and only leaders approve them', () => {
    expect(ROLES.filter((role) => hasPermission([role], 'dossiers:create'))).toEqual(['RECEPTION']);
    expect(ROLES.filter((role) => hasPermission([role], 'dossiers:approve'))).toEqual(['LEADER']);
  });

  it('unions the permissions of several roles without duplicates, in table order', () => {
    const union = permissionsOf(['SPECIALIST', 'RECEPTION']);
    expect(new Set(union).size).toBe(union.length);
    expect(union).toContain('dossiers:create');
    expect(union).toContain('dossiers:process');
    expect(union).not.toContain('dossiers:approve');
    expect(union).toEqual(PERMISSIONS.filter((p) => union.includes(p)));
  });

  it('grants nothing to no role', () => {
    expect(permissionsOf([])).toEqual([]);
  });
});

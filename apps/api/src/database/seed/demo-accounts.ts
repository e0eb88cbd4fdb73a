import type { Role } from '@motcua/domain';

export interface AccountSeed {
  username: string;
  fullName: string;
  agencyCode: string;
  roles: Role[];
}

const ROLE_LOGINS: Array<[string, Role, string]> = [
  ['quantri', 'ADMIN', 'Quản trị'],
  ['tiepnhan', 'RECEPTION', 'Cán bộ tiếp nhận'],
  ['chuyenvien', 'SPECIALIST', 'Chuyên viên'],
  ['lanhdao', 'LEADER', 'Lãnh đạo'],
  ['thanhtra', 'AUDITOR', 'Thanh tra'],
];

const DEMO_AGENCIES: Array<[string, string, string]> = [
  ['ttpvhcc', '000.00.22.H01', 'TTPVHCC tỉnh'],
  ['stp', '000.00.10.H01', 'Sở Tư pháp'],
  ['longxuyen', '000.00.31.H01', 'UBND TP Long Xuyên'],
];

/** One account per role at the provincial center, a department and a district, plus a province auditor. */
export const DEMO_ACCOUNTS: AccountSeed[] = [
  ...DEMO_AGENCIES.flatMap(([slug, agencyCode, agencyLabel]) =>
    ROLE_LOGINS.map(([prefix, role, label]) => ({
      username: `${prefix}.${slug}`,
      fullName: `${label} ${agencyLabel}`,
      agencyCode,
      roles: [role],
    })),
  ),
  { username: 'thanhtra.tinh', fullName: 'Thanh tra tỉnh An Giang', agencyCode: '000.00.00.H01', roles: ['AUDITOR'] },
];

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

const LIEN_THONG: Array<[string, string, string, Role]> = [
  ['tiepnhan.mybinh', 'Cán bộ một cửa phường Mỹ Bình', '000.31.01.H01', 'RECEPTION'],
  ['chuyenvien.mybinh', 'Công chức tư pháp - hộ tịch phường Mỹ Bình', '000.31.01.H01', 'SPECIALIST'],
  ['lanhdao.mybinh', 'Chủ tịch UBND phường Mỹ Bình', '000.31.01.H01', 'LEADER'],
  ['chuyenvien.congan', 'Cán bộ Công an tỉnh', '000.00.20.H01', 'SPECIALIST'],
  ['lanhdao.congan', 'Lãnh đạo Công an tỉnh', '000.00.20.H01', 'LEADER'],
  ['chuyenvien.bhxh', 'Chuyên viên BHXH tỉnh', '000.00.21.H01', 'SPECIALIST'],
  ['lanhdao.bhxh', 'Lãnh đạo BHXH tỉnh', '000.00.21.H01', 'LEADER'],
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
  // Inter-agency routes (liên thông): a ward's one-stop desk and the agencies consulted on its dossiers.
  ...LIEN_THONG.map(([username, fullName, agencyCode, role]) => ({ username, fullName, agencyCode, roles: [role] })),
];

import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ExperimentOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@motcua/domain';
import type { ReactNode } from 'react';

export interface NavItem {
  key: string;
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** The item shows, and its pages open, for a user holding any of these. */
  anyOf: readonly Permission[];
}

/** The modules of the product, in the order officials use them. */
export const NAV_ITEMS: NavItem[] = [
  // The steps waiting at the official's agency: for those who handle steps (the API's step permissions).
  {
    key: 'work',
    path: '/cong-viec',
    labelKey: 'nav.work',
    icon: <CarryOutOutlined />,
    anyOf: ['dossiers:intake', 'dossiers:process', 'dossiers:approve'],
  },
  { key: 'dossiers', path: '/ho-so', labelKey: 'nav.dossiers', icon: <FolderOpenOutlined />, anyOf: ['dossiers:read'] },
  { key: 'intake', path: '/tiep-nhan', labelKey: 'nav.intake', icon: <InboxOutlined />, anyOf: ['dossiers:create'] },
  { key: 'procedures', path: '/thu-tuc', labelKey: 'nav.procedures', icon: <FileSearchOutlined />, anyOf: ['procedures:read'] },
  { key: 'agencies', path: '/co-quan', labelKey: 'nav.agencies', icon: <ApartmentOutlined />, anyOf: ['agencies:read'] },
  { key: 'calendar', path: '/lich-lam-viec', labelKey: 'nav.calendar', icon: <CalendarOutlined />, anyOf: ['calendar:read'] },
  { key: 'parties', path: '/cong-dan', labelKey: 'nav.parties', icon: <TeamOutlined />, anyOf: ['parties:read'] },
  // Administrators close periods here without reading the reports themselves.
  { key: 'reports', path: '/bao-cao', labelKey: 'nav.reports', icon: <BarChartOutlined />, anyOf: ['reports:read', 'reports:close'] },
  // Issue 8 §4–§5: the auditor's inspections, the agency head's accountability view and the pilot models.
  {
    key: 'inspections',
    path: '/thanh-tra',
    labelKey: 'oversight.nav.inspections',
    icon: <FileProtectOutlined />,
    anyOf: ['inspections:read', 'inspections:conduct'],
  },
  {
    key: 'accountability',
    path: '/trach-nhiem',
    labelKey: 'oversight.nav.accountability',
    icon: <SafetyCertificateOutlined />,
    anyOf: ['reports:read'],
  },
  // Administrators record pilots; those who read reports see their comparison.
  {
    key: 'pilots',
    path: '/thi-diem',
    labelKey: 'oversight.nav.pilots',
    icon: <ExperimentOutlined />,
    anyOf: ['reports:read', 'pilots:manage'],
  },
  { key: 'audit', path: '/nhat-ky', labelKey: 'adminTools.nav.audit', icon: <AuditOutlined />, anyOf: ['audit:read'] },
  {
    key: 'administration',
    path: '/quan-tri',
    labelKey: 'nav.administration',
    icon: <SettingOutlined />,
    anyOf: ['users:read', 'integration:read', 'webhooks:manage'],
  },
];

/** The items a user may use, in menu order. */
export function visibleNavItems(canAny: (permissions: readonly Permission[]) => boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => canAny(item.anyOf));
}

/** The item whose pages contain the path (`/ho-so/123` → Hồ sơ). */
export function navItemOf(pathname: string): NavItem | undefined {
  return NAV_ITEMS.find((item) => pathname === item.path || pathname.startsWith(item.path + '/'));
}

import {
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface NavItem {
  key: string;
  path: string;
  labelKey: string;
  icon: ReactNode;
}

/** The modules of the product, in the order officials use them. */
export const NAV_ITEMS: NavItem[] = [
  { key: 'dossiers', path: '/ho-so', labelKey: 'nav.dossiers', icon: <FolderOpenOutlined /> },
  { key: 'intake', path: '/tiep-nhan', labelKey: 'nav.intake', icon: <InboxOutlined /> },
  { key: 'procedures', path: '/thu-tuc', labelKey: 'nav.procedures', icon: <FileSearchOutlined /> },
  { key: 'agencies', path: '/co-quan', labelKey: 'nav.agencies', icon: <ApartmentOutlined /> },
  { key: 'calendar', path: '/lich-lam-viec', labelKey: 'nav.calendar', icon: <CalendarOutlined /> },
  { key: 'parties', path: '/cong-dan', labelKey: 'nav.parties', icon: <TeamOutlined /> },
  { key: 'reports', path: '/bao-cao', labelKey: 'nav.reports', icon: <BarChartOutlined /> },
  { key: 'administration', path: '/quan-tri', labelKey: 'nav.administration', icon: <SettingOutlined /> },
];

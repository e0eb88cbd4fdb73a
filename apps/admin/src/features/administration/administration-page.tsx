import { ApiOutlined, UserOutlined } from '@ant-design/icons';
import type { Permission } from '@motcua/domain';
import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { RequirePermission } from '../../app/auth/require-permission';
import { NotFoundPage } from '../placeholder/not-found-page';
import { useSession } from '../../app/auth/use-session';
import { IntegrationClientsPage } from './integration/integration-clients-page';
import { UsersPage } from './users/users-page';

interface AdminTab {
  key: string;
  /** Below /quan-tri. */
  path: string;
  labelKey: string;
  icon: ReactNode;
  permission: Permission;
  element: ReactNode;
}

const TABS: AdminTab[] = [
  { key: 'users', path: 'nguoi-dung', labelKey: 'admin.usersTab', icon: <UserOutlined />, permission: 'users:read', element: <UsersPage /> },
  {
    key: 'integration',
    path: 'tich-hop',
    labelKey: 'admin.integrationTab',
    icon: <ApiOutlined />,
    permission: 'integration:read',
    element: <IntegrationClientsPage />,
  },
];

/** Quản trị: accounts and integration clients, each tab for those allowed to read it. */
export function AdministrationPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const tabs = TABS.filter((tab) => can(tab.permission));
  const active = TABS.find((tab) => location.pathname.startsWith(`/quan-tri/${tab.path}`));

  return (
    <Card title={t('nav.administration')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={active?.key}
        onChange={(key) => navigate(`/quan-tri/${TABS.find((tab) => tab.key === key)?.path ?? ''}`)}
        items={tabs.map((tab) => ({ key: tab.key, label: t(tab.labelKey), icon: tab.icon }))}
      />
      <Routes>
        <Route index element={tabs[0] ? <Navigate to={tabs[0].path} replace /> : null} />
        {TABS.map((tab) => (
          <Route key={tab.key} path={`${tab.path}/*`} element={<RequirePermission anyOf={[tab.permission]}>{tab.element}</RequirePermission>} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Card>
  );
}

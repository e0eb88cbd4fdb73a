import { ApiOutlined, SendOutlined, UserOutlined } from '@ant-design/icons';
import type { Permission } from '@motcua/domain';
import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { RequirePermission } from '../../app/auth/require-permission';
import { NotFoundPage } from '../placeholder/not-found-page';
import { useSession } from '../../app/auth/use-session';
import { WebhooksPage } from '../integration-webhooks/webhooks-page';
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
  {
    key: 'users',
    path: 'nguoi-dung',
    labelKey: 'admin.usersTab',
    icon: <UserOutlined />,
    permission: 'users:read',
    element: <UsersPage />,
  },
  {
    key: 'integration',
    path: 'tich-hop',
    labelKey: 'admin.integrationTab',
    icon: <ApiOutlined />,
    permission: 'integration:read',
    element: <IntegrationClientsPage />,
  },
  {
    key: 'webhooks',
    path: 'tich-hop/webhook',
    labelKey: 'adminTools.webhooks.tab',
    icon: <SendOutlined />,
    permission: 'webhooks:manage',
    element: <WebhooksPage />,
  },
];

/** Quản trị: accounts, integration clients and webhooks, each tab for those allowed to use it. */
export function AdministrationPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const tabs = TABS.filter((tab) => can(tab.permission));
  // The most specific tab: /quan-tri/tich-hop/webhook is the webhook tab, not the clients tab.
  const active = TABS.filter((tab) => location.pathname.startsWith(`/quan-tri/${tab.path}`)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];

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
          <Route
            key={tab.key}
            path={`${tab.path}/*`}
            element={<RequirePermission anyOf={[tab.permission]}>{tab.element}</RequirePermission>}
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Card>
  );
}

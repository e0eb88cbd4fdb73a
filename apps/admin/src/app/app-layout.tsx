import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { HealthIndicator } from '../features/health/health-indicator';
import { NotificationBell } from '../features/notifications/notification-bell';
import { changeLanguage, type Language } from '../i18n/i18n';
import { ChangePasswordDialog } from './auth/change-password-dialog';
import { useLogout } from './auth/use-auth-mutations';
import { useSession } from './auth/use-session';
import { navItemOf, visibleNavItems } from './navigation';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { user, canAny } = useSession();
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);
  const items = visibleNavItems(canAny);
  const selected = navItemOf(location.pathname)?.key;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={232} breakpoint="lg" collapsedWidth={0} theme="dark">
        <div style={{ padding: '16px 20px', color: '#fff' }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, cursor: 'pointer' }} onClick={() => navigate('/')}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12 }}>{t('app.subtitle')}</Typography.Text>
        </div>
        <nav aria-label="main">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={items.map((item) => ({ key: item.key, icon: item.icon, label: t(item.labelKey), 'data-testid': `nav-${item.key}` }))}
            onClick={({ key }) => navigate(items.find((item) => item.key === key)?.path ?? '/')}
          />
        </nav>
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}>
          <Space size="large">
            <HealthIndicator />
            <Segmented<Language>
              aria-label={t('app.language')}
              value={i18n.language as Language}
              options={[
                { label: 'Tiếng Việt', value: 'vi' },
                { label: 'English', value: 'en' },
              ]}
              onChange={changeLanguage}
            />
            {user && <NotificationBell />}
            {user && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'password', icon: <KeyOutlined />, label: t('password.changeTitle'), 'data-testid': 'change-password' },
                  ],
                  onClick: () => setChangingPassword(true),
                }}
              >
                <Button type="text" style={{ height: 'auto', padding: '4px 8px' }} data-testid="current-user">
                  <Flex align="center" gap={8}>
                    <Avatar size="small" icon={<UserOutlined />} style={{ background: '#b71c1c' }} />
                    <Flex vertical align="start" style={{ lineHeight: 1.3 }}>
                      <Typography.Text strong>{user.fullName}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {user.agencyName}
                      </Typography.Text>
                    </Flex>
                    <DownOutlined style={{ fontSize: 10 }} />
                  </Flex>
                </Button>
              </Dropdown>
            )}
            <Button icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate({})} data-testid="logout">
              {t('auth.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Outlet />
        </Content>
      </Layout>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}

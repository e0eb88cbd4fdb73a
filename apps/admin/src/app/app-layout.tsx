import { Layout, Menu, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { HealthIndicator } from '../features/health/health-indicator';
import { changeLanguage, type Language } from '../i18n/i18n';
import { NAV_ITEMS } from './navigation';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const selected = NAV_ITEMS.find((item) => location.pathname.startsWith(item.path))?.key;

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Sider width={232} breakpoint="lg" collapsedWidth={0} theme="dark">
        <div style={{ padding: '16px 20px', color: '#fff' }}>
          <Typography.Title level={4} style={{ color: '#fff', margin: 0 }} onClick={() => navigate('/')}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12 }}>{t('app.subtitle')}</Typography.Text>
        </div>
        <nav aria-label="main">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={NAV_ITEMS.map((item) => ({ key: item.key, icon: item.icon, label: t(item.labelKey) }))}
            onClick={({ key }) => navigate(NAV_ITEMS.find((item) => item.key === key)?.path ?? '/')}
          />
        </nav>
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end' }}>
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
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}

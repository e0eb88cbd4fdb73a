import { LoginOutlined } from '@ant-design/icons';
import { Flex, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { changeLanguage, type Language } from '../../i18n/i18n';

/** The citizens' pages: no sign-in, light header, readable on a phone and printable. */
export function PublicLayout() {
  const { t, i18n } = useTranslation();
  return (
    <div className="public-shell">
      <header className="public-header no-print">
        <Flex className="public-container" align="center" justify="space-between" gap={12} wrap>
          <Link to="/thu-tuc-cong-khai" style={{ color: '#fff' }}>
            <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.8)', fontSize: 12 }}>{t('publicGuide.subtitle')}</Typography.Text>
          </Link>
          <Flex align="center" gap={12} wrap>
            <Segmented<Language>
              size="small"
              aria-label={t('app.language')}
              value={i18n.language as Language}
              options={[
                { label: 'VI', value: 'vi' },
                { label: 'EN', value: 'en' },
              ]}
              onChange={changeLanguage}
            />
            <Link to="/dang-nhap" style={{ color: '#fff' }}>
              <LoginOutlined /> {t('publicGuide.staffLogin')}
            </Link>
          </Flex>
        </Flex>
      </header>
      <main className="public-container public-main">
        <Outlet />
      </main>
      <footer className="public-container public-footer no-print">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('publicGuide.footer')}
        </Typography.Text>
      </footer>
    </div>
  );
}

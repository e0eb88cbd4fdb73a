import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../app/auth/use-session';
import { DashboardPage } from './dashboard-page';

/** The welcome card for those who do not read reports, with the way to their own work. */
function WelcomeCard() {
  const { t } = useTranslation();
  const { user, canAny, can } = useSession();
  const links = [
    canAny(['dossiers:intake', 'dossiers:process', 'dossiers:approve']) && { to: '/cong-viec', label: t('reports.welcome.openWork') },
    can('dossiers:read') && { to: '/ho-so', label: t('reports.welcome.openDossiers') },
    canAny(['users:read', 'integration:read', 'webhooks:manage']) && { to: '/quan-tri', label: t('reports.welcome.openAdministration') },
  ].filter((link): link is { to: string; label: string } => Boolean(link));
  return (
    <Card data-testid="welcome">
      <Typography.Title level={3}>{t('home.title')}</Typography.Title>
      {user && <Typography.Paragraph strong>{t('home.greeting', { name: user.fullName, agency: user.agencyName })}</Typography.Paragraph>}
      <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
      {links.length > 0 && (
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('reports.welcome.yourWork')}</Typography.Text>
          {links.map((link) => (
            <Link key={link.to} to={link.to}>
              {link.label} <ArrowRightOutlined />
            </Link>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** The admin's home: the dashboard for those who read reports, a welcome with a link to their work for the others. */
export function HomePage() {
  const { can } = useSession();
  return can('reports:read') ? <DashboardPage /> : <WelcomeCard />;
}

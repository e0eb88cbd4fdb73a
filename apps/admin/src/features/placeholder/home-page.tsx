import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth/use-session';

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <Card>
      <Typography.Title level={3}>{t('home.title')}</Typography.Title>
      {user && <Typography.Paragraph strong>{t('home.greeting', { name: user.fullName, agency: user.agencyName })}</Typography.Paragraph>}
      <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
    </Card>
  );
}

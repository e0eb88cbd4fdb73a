import { Button, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** The public procedure lookup (no sign-in) arrives later; until then the link from the login page lands here. */
export function PublicLookupPlaceholder() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Result
        status="info"
        title={t('auth.publicLookup')}
        subTitle={t('placeholder.description', { name: t('auth.publicLookup') })}
        extra={<Button onClick={() => navigate('/dang-nhap')}>{t('auth.backToLogin')}</Button>}
      />
    </Flex>
  );
}

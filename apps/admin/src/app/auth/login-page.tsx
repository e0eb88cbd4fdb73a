import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { isProblem } from '@motcua/api-client';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { changeLanguage, type Language } from '../../i18n/i18n';
import { errorMessage } from '../api';
import { safeNext } from './login-redirect';
import { useLogin } from './use-auth-mutations';
import { useSession } from './use-session';

interface LoginValues {
  username: string;
  password: string;
}

/** Sign-in for officials; after it, back to the page they came from. */
export function LoginPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const { state } = useSession();
  const login = useLogin();

  if (state.status === 'signedIn') return <Navigate to={safeNext(params.get('next'))} replace />;

  const notice =
    state.status === 'signedOut' && state.reason === 'expired'
      ? t('auth.sessionExpired')
      : state.status === 'signedOut' && state.reason === 'passwordChanged'
        ? t('auth.signInAfterPasswordChange')
        : undefined;
  // 401 and 429 carry a readable sentence in Vietnamese (generic on purpose for 401).
  const failure = login.error ? (isProblem(login.error) ? login.error.detail : errorMessage(login.error)) : undefined;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: 16 }}>
      <Segmented<Language>
        aria-label={t('app.language')}
        style={{ position: 'absolute', top: 16, right: 16 }}
        value={i18n.language as Language}
        options={[
          { label: 'Tiếng Việt', value: 'vi' },
          { label: 'English', value: 'en' },
        ]}
        onChange={changeLanguage}
      />
      <Card style={{ width: '100%', maxWidth: 420 }} styles={{ body: { padding: 32 } }}>
        <Flex vertical gap={4} style={{ marginBottom: 24, textAlign: 'center' }}>
          <Typography.Title level={3} style={{ margin: 0, color: '#b71c1c' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('auth.title')}
        </Typography.Title>
        {notice && <Alert type="info" showIcon message={notice} style={{ marginBottom: 16 }} />}
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<LoginValues>
          layout="vertical"
          requiredMark={false}
          disabled={login.isPending}
          onFinish={(values) => login.mutate({ body: { username: values.username.trim(), password: values.password } })}
        >
          <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            {t('auth.submit')}
          </Button>
        </Form>
        <Flex vertical gap={8} style={{ marginTop: 24, textAlign: 'center' }}>
          <Link to="/thu-tuc-cong-khai">{t('auth.publicLookup')}</Link>
          <Link to="/tra-cuu">{t('auth.dossierLookup')}</Link>
        </Flex>
      </Card>
    </Flex>
  );
}

import { DownloadOutlined, FileSearchOutlined, LoginOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { isProblem, type Schemas } from '@motcua/api-client';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { $api, errorMessage } from '../../app/api';
import { formatVietnamDateTime } from '../../app/format';
import { changeLanguage, type Language } from '../../i18n/i18n';

type PublicDossier = Schemas['PublicDossierResponse'];

interface LookupValues {
  code: string;
  secret: string;
}

/** Colours of the national status codes (1–10) as citizens see them. */
function statusColor(statusCode: number): string {
  if (statusCode === 10) return 'success';
  if (statusCode === 9) return 'cyan';
  if (statusCode === 3 || statusCode === 8) return 'error';
  if (statusCode >= 5 && statusCode <= 7) return 'warning';
  return 'processing';
}

function normalize(values: LookupValues): LookupValues {
  return { code: values.code.trim(), secret: values.secret.trim().toUpperCase() };
}

/** The electronic result is public with the secret: a plain link, no token needed. */
export function publicResultUrl({ code, secret }: LookupValues): string {
  return `/api/public/dossiers/${encodeURIComponent(code)}/result?secret=${encodeURIComponent(secret)}`;
}

/**
 * /tra-cuu — a citizen follows a dossier with the code and secret printed on the receipt, without
 * signing in. The receipt's QR code opens /tra-cuu?ma=<code>&secret=<secret>, which looks up at once.
 */
export function PublicLookupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const fromLink = normalize({ code: params.get('ma') ?? '', secret: params.get('secret') ?? '' });
  const [lookup, setLookup] = useState<LookupValues | undefined>(fromLink.code && fromLink.secret ? fromLink : undefined);
  const query = $api.useQuery(
    'get',
    '/api/public/dossiers/{code}',
    { params: { path: { code: lookup?.code ?? '' }, query: { secret: lookup?.secret ?? '' } } },
    { enabled: Boolean(lookup), retry: false, meta: { silentErrors: true } },
  );

  return (
    <PublicLookupShell>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          <FileSearchOutlined /> {t('dossiers.publicLookup.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('dossiers.publicLookup.intro')}</Typography.Paragraph>
        <Form<LookupValues>
          layout="vertical"
          initialValues={fromLink}
          onFinish={(values) => setLookup(normalize(values))}
          requiredMark={false}
        >
          <Form.Item
            label={t('dossiers.publicLookup.code')}
            name="code"
            rules={[{ required: true, whitespace: true, message: t('dossiers.publicLookup.codeRequired') }]}
          >
            <Input size="large" placeholder="000.00.22.H01-260223-0001" autoComplete="off" inputMode="text" data-testid="lookup-code" />
          </Form.Item>
          <Form.Item
            label={t('dossiers.publicLookup.secret')}
            name="secret"
            rules={[{ required: true, whitespace: true, message: t('dossiers.publicLookup.secretRequired') }]}
            extra={t('dossiers.publicLookup.secretHint')}
          >
            <Input size="large" autoComplete="off" maxLength={32} style={{ textTransform: 'uppercase' }} data-testid="lookup-secret" />
          </Form.Item>
          <Button
            type="primary"
            size="large"
            htmlType="submit"
            icon={<SearchOutlined />}
            block
            loading={query.isFetching}
            data-testid="lookup-submit"
          >
            {t('dossiers.publicLookup.submit')}
          </Button>
        </Form>
      </Card>

      {lookup && query.error !== null && !query.isFetching && <LookupFailure error={query.error} />}
      {lookup && query.data && (
        <DossierStatusCard dossier={query.data} lookup={lookup} refreshing={query.isFetching} onRefresh={() => void query.refetch()} />
      )}
    </PublicLookupShell>
  );
}

function LookupFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const notFound = isProblem(error) && error.status === 404;
  return (
    <Alert
      type={notFound ? 'warning' : 'error'}
      showIcon
      message={notFound ? t('dossiers.publicLookup.notFound') : t('dossiers.publicLookup.failed')}
      description={notFound ? t('dossiers.publicLookup.notFoundHint') : errorMessage(error)}
      data-testid="lookup-error"
    />
  );
}

function DossierStatusCard({
  dossier,
  lookup,
  refreshing,
  onRefresh,
}: {
  dossier: PublicDossier;
  lookup: LookupValues;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      data-testid="lookup-result"
      title={
        <Flex vertical gap={4} style={{ padding: '8px 0', whiteSpace: 'normal' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('dossiers.publicLookup.status')}
          </Typography.Text>
          <Tag
            color={statusColor(dossier.statusCode)}
            style={{ fontSize: 16, padding: '4px 10px', alignSelf: 'flex-start', whiteSpace: 'normal' }}
            data-testid="lookup-status"
          >
            {dossier.statusText}
          </Tag>
        </Flex>
      }
      extra={
        <Button
          type="text"
          icon={<ReloadOutlined />}
          loading={refreshing}
          onClick={onRefresh}
          aria-label={t('dossiers.publicLookup.refresh')}
        />
      }
    >
      {dossier.resultReturned ? (
        <Alert type="success" showIcon message={t('dossiers.publicLookup.returned')} style={{ marginBottom: 16 }} />
      ) : dossier.resultReady ? (
        <Alert
          type="info"
          showIcon
          message={t('dossiers.publicLookup.ready', { agency: dossier.receivingAgencyName })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {dossier.electronicResultAvailable && (
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          href={publicResultUrl(lookup)}
          block
          style={{ marginBottom: 16 }}
          data-testid="lookup-download"
        >
          {t('dossiers.publicLookup.download')}
        </Button>
      )}
      <Descriptions column={1} size="small" layout="vertical" colon={false}>
        <Descriptions.Item label={t('dossiers.publicLookup.code')}>
          <Typography.Text strong>{dossier.code}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('dossiers.publicLookup.procedure')}>{dossier.procedureName}</Descriptions.Item>
        <Descriptions.Item label={t('dossiers.publicLookup.applicant')}>{dossier.applicantName}</Descriptions.Item>
        <Descriptions.Item label={t('dossiers.publicLookup.receivedAt')}>
          {formatVietnamDateTime(dossier.receivedAt) || t('dossiers.publicLookup.notReceived')}
        </Descriptions.Item>
        {dossier.appointmentAt && !dossier.resultReturned && (
          <Descriptions.Item label={t('dossiers.publicLookup.appointment')}>
            <Typography.Text strong data-testid="lookup-appointment">
              {formatVietnamDateTime(dossier.appointmentAt)}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {!dossier.resultReturned && (
          <Descriptions.Item label={t('dossiers.publicLookup.currentAgency')}>{dossier.currentAgencyName}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('dossiers.publicLookup.receivingAgency')}>{dossier.receivingAgencyName}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** A light page for citizens on a phone: the name of the system, the language, and the way back. */
function PublicLookupShell({ children }: { children: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <header style={{ background: '#b71c1c', padding: '12px 16px' }}>
        <Flex align="center" justify="space-between" gap={12} wrap style={{ maxWidth: 600, margin: '0 auto' }}>
          <div>
            <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', fontSize: 12 }}>
              {t('dossiers.publicLookup.subtitle')}
            </Typography.Text>
          </div>
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
        </Flex>
      </header>
      <main style={{ maxWidth: 600, margin: '0 auto', padding: 16 }}>
        <Flex vertical gap={16}>
          {children}
          <Flex justify="space-between" wrap gap={8}>
            <Link to="/thu-tuc-cong-khai">{t('dossiers.publicLookup.procedures')}</Link>
            <Link to="/dang-nhap">
              <LoginOutlined /> {t('dossiers.publicLookup.staffLogin')}
            </Link>
          </Flex>
        </Flex>
      </main>
    </div>
  );
}

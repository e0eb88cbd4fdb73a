import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { formatVietnamDateTime } from '../../app/format';
import { verifyReasonLabel, type AuditVerification } from './audit-labels';

const formatCount = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

/**
 * The chain check, run on demand only: the API recomputes every hash from the first record, which
 * takes a while on a large trail.
 */
export function useChainVerification() {
  return $api.useQuery('get', '/api/audit/verify', {}, { enabled: false, retry: false });
}

export function VerifyChainButton({ verification }: { verification: ReturnType<typeof useChainVerification> }) {
  const { t } = useTranslation();
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={verification.isFetching}
      onClick={() => void verification.refetch()}
      data-testid="audit-verify"
    >
      {t('adminTools.audit.verify')}
    </Button>
  );
}

export function VerificationResult({
  result,
  checkedAt,
  fetching,
}: {
  result: AuditVerification | undefined;
  checkedAt: number;
  fetching: boolean;
}) {
  const { t } = useTranslation();
  if (fetching) return <Alert type="info" showIcon message={t('adminTools.audit.verifying')} style={{ marginBottom: 16 }} />;
  if (!result) return null;
  const when = <Typography.Text type="secondary"> ({formatVietnamDateTime(new Date(checkedAt).toISOString())})</Typography.Text>;
  return result.ok ? (
    <Alert
      type="success"
      showIcon
      message={
        <>
          {t('adminTools.audit.verifyOk')}
          {when}
        </>
      }
      description={t('adminTools.audit.verifyOkDetail', { checked: formatCount(result.checked), lastHash: result.lastHash })}
      style={{ marginBottom: 16 }}
      data-testid="audit-verify-result"
    />
  ) : (
    <Alert
      type="error"
      showIcon
      message={
        <>
          {t('adminTools.audit.verifyBroken', { id: result.firstBrokenId ?? '?' })}
          {when}
        </>
      }
      description={t('adminTools.audit.verifyBrokenDetail', {
        reason: verifyReasonLabel(result.reason),
        checked: formatCount(result.checked),
        lastHash: result.lastHash,
      })}
      style={{ marginBottom: 16 }}
      data-testid="audit-verify-result"
    />
  );
}

import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';

const POLL_MS = 30_000;

/** Green when the API and its database answer; fed by GET /api/health through the generated client. */
export function HealthIndicator() {
  const { t } = useTranslation();
  const { data, error, isPending } = $api.useQuery(
    'get',
    '/api/health',
    {},
    { refetchInterval: POLL_MS, retry: false, meta: { silentErrors: true } },
  );

  let status: 'success' | 'error' | 'warning' | 'processing' = 'processing';
  let label = t('health.checking');
  if (!isPending) {
    if (data?.db === 'up') {
      status = 'success';
      label = t('health.ok');
    } else if (error && typeof error === 'object' && 'db' in error) {
      status = 'error';
      label = t('health.dbDown');
    } else {
      status = 'warning';
      label = t('health.unreachable');
    }
  }
  return (
    <Tooltip title={label}>
      <span data-testid="health-indicator" data-status={status}>
        <Badge status={status} text={label} />
      </span>
    </Tooltip>
  );
}

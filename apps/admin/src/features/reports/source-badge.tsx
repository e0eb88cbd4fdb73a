import { LockOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '../../app/format';

type Sourced = Pick<Schemas['Ii06aReport'], 'source' | 'snapshot' | 'carriedOverFrom'>;

const monthLabel = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;

/** Where the numbers come from: a closed month's snapshot ("Số liệu đã khóa sổ"), or live with a closed month carried over. */
export function SourceBadge({ report }: { report: Sourced | undefined }) {
  const { t } = useTranslation();
  if (!report) return null;
  const { snapshot, carriedOverFrom } = report;
  return (
    <Flex gap={8} align="center" wrap>
      {report.source === 'snapshot' && snapshot ? (
        <Tooltip
          title={t('reports.source.snapshotDetail', {
            month: monthLabel(snapshot.month),
            closedAt: formatVietnamDateTime(snapshot.closedAt),
            hash: snapshot.sha256,
          })}
        >
          <Tag icon={<LockOutlined />} color="gold" data-testid="snapshot-badge">
            {t('reports.source.snapshot')} · {monthLabel(snapshot.month)}
          </Tag>
        </Tooltip>
      ) : (
        <Tag data-testid="live-badge">{t('reports.source.live')}</Tag>
      )}
      {snapshot && snapshot.lateEntries > 0 && (
        <Typography.Text type="warning">{t('reports.source.lateEntries', { count: snapshot.lateEntries })}</Typography.Text>
      )}
      {carriedOverFrom && (
        <Tooltip title={carriedOverFrom.sha256}>
          <Tag color="blue">{t('reports.source.carried', { month: monthLabel(carriedOverFrom.month) })}</Tag>
        </Tooltip>
      )}
      {carriedOverFrom && carriedOverFrom.lateEntries > 0 && (
        <Typography.Text type="warning">{t('reports.source.carriedLate', { count: carriedOverFrom.lateEntries })}</Typography.Text>
      )}
    </Flex>
  );
}

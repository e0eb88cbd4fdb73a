import type { Schemas } from '@motcua/api-client';
import { DOSSIER_STATUSES, type DossierStatus } from '@motcua/domain';
import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '../../../app/format';
import { eventLabel, isFormNumber, statusLabel } from '../labels';

type DossierEvent = Schemas['DossierEventResponse'];

function isStatus(value: string | null): value is DossierStatus {
  return (DOSSIER_STATUSES as readonly string[]).includes(value ?? '');
}

const SLA_COLORS: Record<string, string> = { 'sla-due-soon': 'gold', 'sla-overdue': 'red' };

/** Who did what, when, from which status to which, with the reason and the form it produced. */
export function DossierTimeline({ events }: { events: DossierEvent[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="dossier-timeline"
      items={[...events].reverse().map((event) => ({
        key: event.id,
        color: SLA_COLORS[event.action] ?? 'blue',
        children: (
          <div>
            <Typography.Text strong>{eventLabel(event.action)}</Typography.Text>
            {isFormNumber(event.form) && <Tag style={{ marginInlineStart: 8 }}>{t('dossiers.forms.short', { form: event.form })}</Tag>}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatVietnamDateTime(event.at)}
                {event.actorName ? ` · ${event.actorName}` : ''}
              </Typography.Text>
            </div>
            {isStatus(event.fromStatus) && isStatus(event.toStatus) && event.fromStatus !== event.toStatus && (
              <Typography.Text style={{ fontSize: 12 }}>
                {statusLabel(event.fromStatus)} → {statusLabel(event.toStatus)}
              </Typography.Text>
            )}
            {event.reason && (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {event.action === 'step-complete'
                  ? t('dossiers.detail.stepNote', { note: event.reason })
                  : t('dossiers.detail.reason', { reason: event.reason })}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}

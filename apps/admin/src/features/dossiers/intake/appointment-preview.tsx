import type { Schemas } from '@motcua/api-client';
import { Alert, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { $api, errorMessage } from '../../../app/api';
import { formatVietnamDateTime, isoWeekday, VIETNAM_OFFSET_MINUTES, weekdayName } from '../../../app/format';

type PublicProcedure = Schemas['ProcedureResponse'];

/** "Thứ Năm, 12/03/2026 09:00" on Vietnam's wall clock. */
export function describeAppointment(iso: string): string {
  const localDate = dayjs(iso).utcOffset(VIETNAM_OFFSET_MINUTES).format('YYYY-MM-DD');
  return `${weekdayName(isoWeekday(localDate))}, ${formatVietnamDateTime(iso)}`;
}

/**
 * The appointment the receipt will print if the dossier is received at `start`: the API computes
 * it along the working calendar (holidays, make-up days), exactly as it will for the dossier.
 */
export function AppointmentPreview({ procedure, start }: { procedure: PublicProcedure; start: string }) {
  const { t } = useTranslation();
  const due = $api.useQuery(
    'get',
    '/api/calendar/due',
    { params: { query: { start, amount: procedure.processingAmount, unit: procedure.processingUnit } } },
    { meta: { silentErrors: true } },
  );
  if (due.isPending) return <Skeleton.Input active size="small" />;
  if (!due.data)
    return <Alert type="warning" showIcon message={t('dossiers.intake.appointmentFailed')} description={errorMessage(due.error)} />;
  return (
    <div data-testid="intake-appointment" aria-live="polite">
      <Typography.Text strong style={{ fontSize: 16 }}>
        {describeAppointment(due.data.due)}
      </Typography.Text>
      {due.data.clockStart !== start && dayjs(due.data.clockStart).diff(dayjs(start), 'minute') >= 1 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
          {t('dossiers.intake.clockStartsAt', { start: formatVietnamDateTime(due.data.clockStart) })}
        </Typography.Paragraph>
      )}
    </div>
  );
}

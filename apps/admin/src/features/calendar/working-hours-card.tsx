import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import { Alert, Button, Card, Checkbox, Flex, Form, Skeleton, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { applyProblemToForm } from '../../app/form-errors';
import { formatHours } from '../../app/format';
import { useUpdateCalendarSettings } from './use-calendar-mutations';

type Settings = Schemas['CalendarSettingsResponse'];

interface PeriodValues {
  start?: Dayjs | null;
  end?: Dayjs | null;
}

interface SettingsFormValues {
  workingWeekdays: number[];
  periods: PeriodValues[];
}

const FIELDS = ['workingWeekdays', 'periods'] as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const toTime = (hhmm: string) => dayjs(`2000-01-01T${hhmm === '24:00' ? '23:59' : hhmm}`);

function valuesOf(settings: Settings): SettingsFormValues {
  return {
    workingWeekdays: settings.workingWeekdays,
    periods: settings.periods.map((period) => ({ start: toTime(period.start), end: toTime(period.end) })),
  };
}

function dailyHours(periods: readonly PeriodValues[] | undefined): number {
  return (periods ?? []).reduce(
    (sum, period) => (period?.start && period.end ? sum + Math.max(0, period.end.diff(period.start, 'minute')) / 60 : sum),
    0,
  );
}

/** Giờ làm việc: the weekdays worked and the daily periods every working-time computation uses. */
export function WorkingHoursCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const settings = $api.useQuery('get', '/api/calendar/settings');
  return (
    <Card title={t('workingHours.title')} size="small">
      {settings.data ? (
        <WorkingHoursForm key={settings.data.revision} settings={settings.data} canManage={canManage} />
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}

function WorkingHoursForm({ settings, canManage }: { settings: Settings; canManage: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SettingsFormValues>();
  const [failure, setFailure] = useState<string>();
  const update = useUpdateCalendarSettings();
  const periods = Form.useWatch('periods', form);

  const submit = (values: SettingsFormValues) => {
    setFailure(undefined);
    const body = {
      workingWeekdays: [...values.workingWeekdays].sort((a, b) => a - b),
      periods: values.periods.map((period) => ({ start: period.start?.format('HH:mm') ?? '', end: period.end?.format('HH:mm') ?? '' })),
    };
    update.mutate({ body }, { onError: (error) => setFailure(applyProblemToForm(form, error, FIELDS)) });
  };

  return (
    <Form<SettingsFormValues>
      form={form}
      layout="vertical"
      initialValues={valuesOf(settings)}
      onFinish={submit}
      disabled={!canManage || update.isPending}
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form.Item
        label={t('workingHours.weekdays')}
        name="workingWeekdays"
        rules={[{ required: true, type: 'array', min: 1, message: t('workingHours.weekdaysRequired') }]}
      >
        <Checkbox.Group options={WEEKDAYS.map((day) => ({ value: day, label: t(`weekdays.short.${day}`) }))} />
      </Form.Item>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t('workingHours.periods')}
      </Typography.Text>
      <Form.List
        name="periods"
        rules={[
          {
            validator: async (_, value: PeriodValues[]) =>
              value?.length ? undefined : Promise.reject(new Error(t('workingHours.periodsRequired'))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={[field.name, 'start']}
                  rules={[{ required: true, message: t('workingHours.timeRequired') }]}
                  style={{ marginBottom: 8 }}
                >
                  <TimePicker
                    format="HH:mm"
                    minuteStep={5}
                    needConfirm={false}
                    aria-label={t('workingHours.startOf', { index: index + 1 })}
                  />
                </Form.Item>
                <span style={{ lineHeight: '32px' }}>–</span>
                <Form.Item
                  name={[field.name, 'end']}
                  dependencies={[['periods', field.name, 'start']]}
                  rules={[
                    { required: true, message: t('workingHours.timeRequired') },
                    ({ getFieldValue }) => ({
                      validator: async (_, end: Dayjs | null | undefined) => {
                        const start: Dayjs | null | undefined = getFieldValue(['periods', field.name, 'start']);
                        if (start && end && !end.isAfter(start)) throw new Error(t('workingHours.endAfterStart'));
                      },
                    }),
                  ]}
                  style={{ marginBottom: 8 }}
                >
                  <TimePicker
                    format="HH:mm"
                    minuteStep={5}
                    needConfirm={false}
                    aria-label={t('workingHours.endOf', { index: index + 1 })}
                  />
                </Form.Item>
                {canManage && (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('workingHours.removePeriod', { index: index + 1 })}
                  />
                )}
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            {canManage && (
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ start: toTime('13:00'), end: toTime('17:00') })}
                style={{ marginBottom: 12 }}
              >
                {t('workingHours.addPeriod')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('workingHours.dailyTotal', { hours: formatHours(dailyHours(periods)) })}{' '}
        {t('workingHours.timeZone', { zone: settings.timeZone })}
      </Typography.Paragraph>
      {canManage && (
        <>
          <Alert type="info" showIcon message={t('workingHours.notice')} style={{ marginBottom: 12 }} />
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="working-hours-save">
            {t('common.save')}
          </Button>
        </>
      )}
    </Form>
  );
}

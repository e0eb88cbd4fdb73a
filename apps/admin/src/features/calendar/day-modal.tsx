import { Alert, Button, Descriptions, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../app/form-errors';
import { formatDate, weekdayName } from '../../app/format';
import { DAY_KIND_STYLE, dayKindLabel, daySourceLabel, OVERRIDE_KINDS, type CalendarDay, type DayOverrideKind } from './labels';
import { useResetCalendarDay, useSetCalendarDay } from './use-calendar-mutations';

interface DayFormValues {
  kind: DayOverrideKind;
  name: string;
  document?: string;
}

const FIELDS = ['kind', 'name', 'document'] as const;

export interface DayModalProps {
  day: CalendarDay | undefined;
  canManage: boolean;
  /** The year of the day has no entered schedule: its holidays are computed from the Labour Code. */
  yearUnscheduled: boolean;
  onClose: () => void;
}

/** One date: what it is and why; an administrator sets its kind, name and deciding document, or resets it. */
export function DayModal(props: DayModalProps) {
  return props.day ? <DayModalContent key={props.day.date} {...props} day={props.day} /> : null;
}

function DayModalContent({ day, canManage, yearUnscheduled, onClose }: DayModalProps & { day: CalendarDay }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DayFormValues>();
  const [failure, setFailure] = useState<string>();
  const save = useSetCalendarDay();
  const reset = useResetCalendarDay();
  const busy = save.isPending || reset.isPending;
  const overridden = day.kind !== 'WORKDAY' && day.kind !== 'WEEKEND';
  const initialValues: Partial<DayFormValues> = overridden
    ? { kind: day.kind as DayOverrideKind, name: day.name, document: day.document }
    : { kind: day.weekday >= 6 ? 'MAKEUP_WORKDAY' : 'HOLIDAY' };
  const onError = (error: unknown) => setFailure(applyProblemToForm(form, error, FIELDS));

  const submit = (values: DayFormValues) => {
    setFailure(undefined);
    save.mutate(
      {
        params: { path: { date: day.date } },
        body: { kind: values.kind, name: values.name.trim(), document: values.document?.trim() || undefined },
      },
      { onSuccess: onClose, onError },
    );
  };

  const title = `${weekdayName(day.weekday)}, ${formatDate(day.date)}`;
  const current = (
    <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t('calendar.kind')}>
        <Tag
          color={DAY_KIND_STYLE[day.kind].background}
          style={{ color: DAY_KIND_STYLE[day.kind].color, borderColor: '#d9d9d9' }}
          data-testid="day-current-kind"
        >
          {dayKindLabel(day.kind)}
        </Tag>
        <Typography.Text type={day.working ? 'success' : 'danger'}>
          {day.working ? t('calendar.working') : t('calendar.notWorking')}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('calendar.source')}>{daySourceLabel(day.source)}</Descriptions.Item>
      {day.name && <Descriptions.Item label={t('calendar.dayName')}>{day.name}</Descriptions.Item>}
      {day.document && <Descriptions.Item label={t('calendar.document')}>{day.document}</Descriptions.Item>}
    </Descriptions>
  );

  if (!canManage) {
    return (
      <Modal open title={title} onCancel={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>}>
        {current}
        <Typography.Text type="secondary">{t('calendar.readOnly')}</Typography.Text>
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      maskClosable={!busy}
      footer={
        <Space wrap>
          {day.source === 'SCHEDULE' && (
            <Button
              danger
              loading={reset.isPending}
              disabled={busy}
              onClick={() => reset.mutate({ params: { path: { date: day.date } } }, { onSuccess: onClose, onError })}
              data-testid="day-reset"
            >
              {t('calendar.resetToWeekly')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} disabled={busy} onClick={() => form.submit()} data-testid="day-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {current}
      {yearUnscheduled && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('calendar.unscheduledWarning', { year: day.date.slice(0, 4) })}
        />
      )}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="day-form-error" />}
      <Form<DayFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} disabled={busy}>
        <Form.Item label={t('calendar.kind')} name="kind" rules={[{ required: true }]}>
          <Select
            options={OVERRIDE_KINDS.map((kind) => ({ value: kind, label: `${dayKindLabel(kind)} — ${t(`dayKindHints.${kind}`)}` }))}
            data-testid="day-kind"
          />
        </Form.Item>
        <Form.Item
          label={t('calendar.dayName')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('calendar.dayNameRequired') },
            { min: 2, max: 255, message: t('calendar.dayNameLength') },
          ]}
        >
          <Input placeholder={t('calendar.dayNamePlaceholder')} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('calendar.document')} name="document" rules={[{ max: 255 }]} extra={t('calendar.documentHint')}>
          <Input placeholder={t('calendar.documentPlaceholder')} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

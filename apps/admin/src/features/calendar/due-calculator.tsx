import { CalculatorOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Form, InputNumber, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api, errorMessage } from '../../app/api';
import { formatVietnamDateTime, isoWeekday, toVietnamIso, VIETNAM_OFFSET_MINUTES, vietnamNow, weekdayName } from '../../app/format';
import { options, unitLabel, type DurationUnit } from '../procedures/labels';

const UNITS: readonly DurationUnit[] = ['WORKING_HOURS', 'WORKING_DAYS', 'CALENDAR_DAYS'];

interface DueFormValues {
  start: Dayjs;
  amount: number;
  unit: DurationUnit;
}

interface DueRequest {
  start: string;
  amount: number;
  unit: DurationUnit;
}

/** "Thứ Hai, 30/03/2026 08:00" of an ISO instant, on Vietnam's wall clock. */
function describeInstant(iso: string): string {
  const localDate = dayjs(iso).utcOffset(VIETNAM_OFFSET_MINUTES).format('YYYY-MM-DD');
  return `${weekdayName(isoWeekday(localDate))}, ${formatVietnamDateTime(iso)}`;
}

/** Now on Vietnam's wall clock, as the picker shows it (whatever the browser's time zone). */
function pickerNow(): Dayjs {
  return dayjs(vietnamNow().format('YYYY-MM-DDTHH:mm'));
}

/**
 * Tính hạn giải quyết: the due time of a processing time started at a given moment, computed by
 * the API along the working calendar (the one rule every dossier deadline follows).
 */
export function DueCalculator() {
  const { t } = useTranslation();
  const [form] = Form.useForm<DueFormValues>();
  const [request, setRequest] = useState<DueRequest>();
  const due = $api.useQuery(
    'get',
    '/api/calendar/due',
    { params: { query: request ?? { start: '', amount: 0, unit: 'WORKING_HOURS' } } },
    { enabled: Boolean(request), meta: { silentErrors: true } },
  );

  const submit = (values: DueFormValues) => {
    const next: DueRequest = { start: toVietnamIso(values.start), amount: values.amount, unit: values.unit };
    // The same question again is asked again: the calendar may have changed meanwhile.
    if (request && JSON.stringify(request) === JSON.stringify(next)) void due.refetch();
    else setRequest(next);
  };

  return (
    <Card title={t('due.title')} size="small">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('due.intro')}
      </Typography.Paragraph>
      <Form<DueFormValues>
        form={form}
        layout="vertical"
        initialValues={{ start: pickerNow(), amount: 3, unit: 'WORKING_DAYS' }}
        onFinish={submit}
      >
        <Form.Item label={t('due.start')} name="start" rules={[{ required: true, message: t('due.startRequired') }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="DD/MM/YYYY HH:mm"
            placeholder="dd/mm/yyyy hh:mm"
            needConfirm={false}
            style={{ width: '100%' }}
            data-testid="due-start"
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item
            label={t('due.amount')}
            name="amount"
            rules={[{ required: true, message: t('due.amountRequired') }]}
            style={{ flex: 1 }}
          >
            <InputNumber min={0} max={29200} precision={0} style={{ width: '100%' }} data-testid="due-amount" />
          </Form.Item>
          <Form.Item label={t('due.unit')} name="unit" rules={[{ required: true }]} style={{ flex: 2 }}>
            <Select options={options(UNITS, unitLabel)} data-testid="due-unit" />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={due.isFetching} block data-testid="due-submit">
          {t('due.submit')}
        </Button>
      </Form>
      {request && (
        <div style={{ marginTop: 16 }} data-testid="due-result" aria-live="polite">
          {due.isPending ? (
            <Spin />
          ) : due.data ? (
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('due.clockStart')}>{describeInstant(due.data.clockStart)}</Descriptions.Item>
              <Descriptions.Item label={t('due.due')}>
                <Typography.Text strong data-testid="due-value">
                  {describeInstant(due.data.due)}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Alert type="error" showIcon message={errorMessage(due.error)} />
          )}
        </div>
      )}
    </Card>
  );
}

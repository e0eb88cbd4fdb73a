import { Alert, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { toVietnamIso } from '../../app/format';
import { useReplaySince } from './use-webhook-mutations';
import type { Webhook } from './webhook-labels';

/** "Gửi lại từ thời điểm…": every event of the subscription since a wall-clock time in Vietnam, sent again. */
export function ReplaySinceModal({ webhook, onClose }: { webhook: Webhook | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ since: Dayjs }>();
  const replay = useReplaySince();

  const submit = ({ since }: { since: Dayjs }) => {
    if (!webhook) return;
    replay.mutate({ params: { path: { id: webhook.id } }, body: { since: toVietnamIso(since) } }, { onSuccess: onClose });
  };

  return (
    <Modal
      open={Boolean(webhook)}
      title={t('adminTools.deliveries.replaySinceTitle')}
      okText={t('adminTools.deliveries.replaySinceSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={replay.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'replay-since-submit' } as Record<string, string>}
    >
      <Alert type="info" showIcon message={t('adminTools.deliveries.replaySinceDescription')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={replay.isPending}>
        <Form.Item
          label={t('adminTools.deliveries.since')}
          name="since"
          rules={[{ required: true, message: t('adminTools.deliveries.sinceRequired') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="DD/MM/YYYY HH:mm"
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            style={{ width: 240 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

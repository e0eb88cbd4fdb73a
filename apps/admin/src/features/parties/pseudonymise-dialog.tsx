import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../app/form-errors';
import { usePseudonymiseParty } from './use-party-mutations';

/** Restriction on request or end of the retention period: the record stays for the archive, its personal fields are replaced. */
export function PseudonymiseDialog({ partyId, partyName, onClose }: { partyId: string; partyName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [failure, setFailure] = useState<string>();
  const pseudonymise = usePseudonymiseParty();
  return (
    <Modal
      open
      title={t('parties.pseudonymise.title', { name: partyName })}
      onCancel={onClose}
      okText={t('parties.pseudonymise.submit')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      confirmLoading={pseudonymise.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('parties.pseudonymise.notice')} style={{ marginBottom: 16 }} />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setFailure(undefined);
          pseudonymise.mutate(
            { params: { path: { id: partyId } }, body: { reason: values.reason.trim() } },
            { onSuccess: onClose, onError: (error) => setFailure(applyProblemToForm(form, error, ['reason'])) },
          );
        }}
      >
        <Form.Item
          label={t('parties.pseudonymise.reason')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('parties.reasonRequired') },
            { min: 5, message: t('parties.reasonTooShort', { min: 5 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../app/form-errors';
import type { RevealResult } from './labels';
import { useRevealParty } from './use-party-mutations';

type RevealField = 'IDENTIFIERS' | 'PHONE';

interface RevealValues {
  purpose: string;
  fields: RevealField[];
}

const FIELDS = ['purpose', 'fields'] as const;
const MIN_PURPOSE = 5;

/**
 * "Xem đầy đủ": the official states why (required, written to the access log with their name, role,
 * agency, time and address) before the API sends the unmasked identifiers and phones.
 */
export function RevealDialog({
  partyId,
  partyName,
  onRevealed,
  onClose,
}: {
  partyId: string;
  partyName: string;
  onRevealed: (result: RevealResult) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RevealValues>();
  const [failure, setFailure] = useState<string>();
  const reveal = useRevealParty();

  const submit = (values: RevealValues) => {
    setFailure(undefined);
    reveal.mutate(
      { params: { path: { id: partyId } }, body: { purpose: values.purpose.trim(), fields: values.fields } },
      {
        onSuccess: (result) => {
          onRevealed(result);
          onClose();
        },
        onError: (error) => setFailure(applyProblemToForm(form, error, FIELDS)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('parties.reveal.title', { name: partyName })}
      onCancel={onClose}
      okText={t('parties.reveal.submit')}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'reveal-submit' } as object) }}
      onOk={() => form.submit()}
      confirmLoading={reveal.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('parties.reveal.notice')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="reveal-error" />}
      <Form<RevealValues>
        form={form}
        layout="vertical"
        initialValues={{ purpose: '', fields: ['IDENTIFIERS', 'PHONE'] }}
        onFinish={submit}
        disabled={reveal.isPending}
      >
        <Form.Item
          label={t('parties.reveal.purpose')}
          name="purpose"
          rules={[
            { required: true, whitespace: true, message: t('parties.reveal.purposeRequired') },
            { min: MIN_PURPOSE, message: t('parties.reveal.purposeTooShort', { min: MIN_PURPOSE }) },
          ]}
          extra={t('parties.reveal.purposeHint')}
        >
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus data-testid="reveal-purpose" />
        </Form.Item>
        <Form.Item
          label={t('parties.reveal.fields')}
          name="fields"
          rules={[{ required: true, type: 'array', min: 1, message: t('parties.reveal.fieldsRequired') }]}
        >
          <Checkbox.Group
            options={[
              { value: 'IDENTIFIERS', label: t('parties.reveal.identifiers') },
              { value: 'PHONE', label: t('parties.reveal.phones') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, App, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../app/form-errors';
import { formatDate } from '../../app/format';
import { identifierTypeLabel, sexLabel, type PartySummary } from './labels';
import { useMergeParties } from './use-party-mutations';

interface MergeValues {
  survivorId: string;
  mergedId: string;
  reason: string;
}

function PartyChoice({ party }: { party: PartySummary }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text strong>{party.displayName}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[
          party.dateOfBirth ? t('parties.merge.born', { date: formatDate(party.dateOfBirth) }) : '',
          party.sex ? sexLabel(party.sex) : '',
          ...party.identifiers.map((identifier) => `${identifierTypeLabel(identifier.type)} ${identifier.masked}`),
          party.phone ? t('parties.merge.phone', { phone: party.phone }) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </Space>
  );
}

/**
 * Merge two records of one person: the administrator picks the record that stays and the one merged
 * into it, gives the reason, and confirms (dossiers, identifiers and contacts move; the merge is recorded).
 */
export function MergeDialog({ parties, onClose }: { parties: readonly PartySummary[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<MergeValues>();
  const [failure, setFailure] = useState<string>();
  const merge = useMergeParties();
  const survivorId = Form.useWatch('survivorId', form);
  const byId = new Map(parties.map((party) => [party.id, party]));

  const submit = (values: MergeValues) => {
    const survivor = byId.get(values.survivorId);
    const merged = byId.get(values.mergedId);
    if (!survivor || !merged) return;
    modal.confirm({
      title: t('parties.merge.confirmTitle'),
      content: t('parties.merge.confirmText', { merged: merged.displayName, survivor: survivor.displayName }),
      okText: t('parties.merge.submit'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => {
        setFailure(undefined);
        return new Promise<void>((resolve) =>
          merge.mutate(
            { body: { survivorId: values.survivorId, mergedId: values.mergedId, reason: values.reason.trim() } },
            {
              onSuccess: () => {
                resolve();
                onClose();
              },
              onError: (error) => {
                setFailure(applyProblemToForm(form, error, ['survivorId', 'mergedId', 'reason']));
                resolve();
              },
            },
          ),
        );
      },
    });
  };

  const options = parties.map((party) => ({ value: party.id, label: <PartyChoice party={party} /> }));
  return (
    <Modal
      open
      width={640}
      title={t('parties.merge.title')}
      onCancel={onClose}
      okText={t('parties.merge.submit')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      confirmLoading={merge.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t('parties.merge.notice')} style={{ marginBottom: 16 }} />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="merge-error" />}
      <Form<MergeValues>
        form={form}
        layout="vertical"
        initialValues={{ survivorId: parties[0]?.id, mergedId: parties[1]?.id, reason: '' }}
        onFinish={submit}
        onValuesChange={(changed: Partial<MergeValues>, all) => {
          // Choosing the one that stays as the one merged (or the reverse) swaps them, never leaves the same on both sides.
          if (changed.survivorId && changed.survivorId === all.mergedId) {
            form.setFieldValue('mergedId', parties.find((party) => party.id !== changed.survivorId)?.id);
          }
        }}
      >
        <Form.Item label={t('parties.merge.survivor')} name="survivorId" rules={[{ required: true }]}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} options={options} />
        </Form.Item>
        <Form.Item
          label={t('parties.merge.merged')}
          name="mergedId"
          dependencies={['survivorId']}
          rules={[
            { required: true, message: t('parties.merge.mergedRequired') },
            {
              validator: (_, value: string | undefined) =>
                value && value === form.getFieldValue('survivorId')
                  ? Promise.reject(new Error(t('parties.merge.self')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={options.map((option) => ({ ...option, disabled: option.value === survivorId }))}
          />
        </Form.Item>
        <Form.Item
          label={t('parties.merge.reason')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('parties.reasonRequired') },
            { min: 5, message: t('parties.reasonTooShort', { min: 5 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('parties.merge.reasonPlaceholder')} data-testid="merge-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

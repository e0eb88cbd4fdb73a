import { isProblem } from '@motcua/api-client';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../form-errors';
import { confirmRules, MIN_PASSWORD_LENGTH, passwordRules } from './password-policy';
import { useChangePassword } from './use-auth-mutations';
import { useSession } from './use-session';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** The signed-in user's own password; afterwards every session ends and they sign in again. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [failure, setFailure] = useState<string>();
  const change = useChangePassword();

  const submit = (values: ChangePasswordValues) => {
    setFailure(undefined);
    change.mutate(
      { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } },
      {
        onError: (error) => {
          // A wrong current password is a 401 INVALID_CREDENTIALS: say so under that field.
          if (isProblem(error) && error.code === 'INVALID_CREDENTIALS') {
            form.setFields([{ name: 'currentPassword', errors: [t('password.currentWrong')] }]);
          } else {
            setFailure(applyProblemToForm(form, error, FIELDS));
          }
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('password.changeTitle')}
      okText={t('password.changeSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(undefined)}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t('password.changeNotice')} style={{ marginBottom: 16 }} />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={submit} disabled={change.isPending}>
        <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true, message: t('password.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          rules={passwordRules(() => user?.username)}
          extra={t('password.policy', { min: MIN_PASSWORD_LENGTH })}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('password.confirm')} name="confirmPassword" dependencies={['newPassword']} rules={confirmRules('newPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

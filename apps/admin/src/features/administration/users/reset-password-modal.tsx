import type { Schemas } from '@motcua/api-client';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmRules, MIN_PASSWORD_LENGTH, passwordRules } from '../../../app/auth/password-policy';
import { applyProblemToForm } from '../../../app/form-errors';
import { useResetUserPassword } from './use-user-mutations';

type User = Schemas['UserResponse'];

interface ResetValues {
  password: string;
  confirmPassword: string;
}

/** An administrator gives a user a new password (the user's sessions end at once). */
export function ResetPasswordModal({ user, onClose }: { user: User | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResetValues>();
  const [failure, setFailure] = useState<string>();
  const reset = useResetUserPassword();

  const submit = (values: ResetValues) => {
    if (!user) return;
    setFailure(undefined);
    reset.mutate(
      { params: { path: { id: user.id } }, body: { password: values.password } },
      { onSuccess: onClose, onError: (error) => setFailure(applyProblemToForm(form, error, ['password'])) },
    );
  };

  return (
    <Modal
      open={Boolean(user)}
      title={t('users.resetPasswordTitle', { username: user?.username })}
      okText={t('users.resetPasswordSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(undefined)}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('users.resetPasswordNotice')} style={{ marginBottom: 16 }} />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form<ResetValues> form={form} layout="vertical" onFinish={submit} disabled={reset.isPending}>
        <Form.Item
          label={t('password.new')}
          name="password"
          rules={passwordRules(() => user?.username)}
          extra={t('password.policy', { min: MIN_PASSWORD_LENGTH })}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('password.confirm')} name="confirmPassword" dependencies={['password']} rules={confirmRules('password')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

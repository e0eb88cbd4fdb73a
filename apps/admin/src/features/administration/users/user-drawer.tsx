import type { Schemas } from '@motcua/api-client';
import type { Role } from '@motcua/domain';
import { Alert, Button, Checkbox, Drawer, Form, Input, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmRules, MIN_PASSWORD_LENGTH, passwordRules } from '../../../app/auth/password-policy';
import { applyProblemToForm } from '../../../app/form-errors';
import { AgencyTreeSelect } from '../../agencies/agency-tree-select';
import { roleOptions } from '../labels';
import { useCreateUser, useUpdateUser } from './use-user-mutations';

type User = Schemas['UserResponse'];

interface UserFormValues {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  agencyId: string;
  roles: Role[];
  password: string;
  confirmPassword: string;
  active: boolean;
}

/** Field names the API may report errors on (problem+json `errors[].field`). */
const FIELDS = ['username', 'fullName', 'email', 'phone', 'agencyId', 'roles', 'password', 'active'] as const;
const USERNAME = /^[a-zA-Z0-9._-]{3,64}$/;
const PHONE = /^(\+84|0)\d{9,10}$/;

/** `user` given: edit that account; otherwise create one. */
export type UserDrawerTarget = { mode: 'create' } | { mode: 'edit'; user: User };

export function UserDrawer({ target, onClose }: { target: UserDrawerTarget | undefined; onClose: () => void }) {
  return target ? <UserDrawerContent key={target.mode === 'edit' ? target.user.id : 'new'} target={target} onClose={onClose} /> : null;
}

function UserDrawerContent({ target, onClose }: { target: UserDrawerTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserFormValues>();
  const [failure, setFailure] = useState<string>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = target.mode === 'edit' ? target.user : undefined;
  const saving = create.isPending || update.isPending;

  const initialValues: Partial<UserFormValues> = editing
    ? {
        username: editing.username,
        fullName: editing.fullName,
        email: editing.email ?? undefined,
        phone: editing.phone ?? undefined,
        agencyId: editing.agencyId,
        roles: editing.roles,
      }
    : { roles: [], active: true };

  const onError = (error: unknown) => setFailure(applyProblemToForm(form, error, FIELDS));

  const submit = (values: UserFormValues) => {
    setFailure(undefined);
    const email = values.email?.trim() || undefined;
    const phone = values.phone?.trim() || undefined;
    if (editing) {
      update.mutate(
        {
          params: { path: { id: editing.id } },
          body: { fullName: values.fullName, email: email ?? null, phone: phone ?? null, agencyId: values.agencyId, roles: values.roles },
        },
        { onSuccess: onClose, onError },
      );
    } else {
      create.mutate(
        {
          body: {
            username: values.username.trim(),
            fullName: values.fullName,
            email,
            phone,
            agencyId: values.agencyId,
            roles: values.roles,
            password: values.password,
            active: values.active,
          },
        },
        { onSuccess: onClose, onError },
      );
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      width={520}
      title={editing ? t('users.editTitle', { username: editing.username }) : t('users.createTitle')}
      maskClosable={!saving}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="user-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="user-form-error" />}
      <Form<UserFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} disabled={saving}>
        <Form.Item
          label={t('users.username')}
          name="username"
          rules={[
            { required: true, whitespace: true, message: t('users.usernameRequired') },
            { pattern: USERNAME, message: t('users.usernamePattern') },
          ]}
          extra={editing ? undefined : t('users.usernameHint')}
        >
          <Input disabled={Boolean(editing)} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.fullName')}
          name="fullName"
          rules={[
            { required: true, whitespace: true, message: t('users.fullNameRequired') },
            { min: 2, max: 255, message: t('users.fullNameLength') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('users.email')} name="email" rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('users.phone')} name="phone" rules={[{ pattern: PHONE, message: t('users.phoneInvalid') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('users.agency')} name="agencyId" rules={[{ required: true, message: t('users.agencyRequired') }]}>
          <AgencyTreeSelect />
        </Form.Item>
        <Form.Item
          label={t('users.roles')}
          name="roles"
          rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
        >
          <Checkbox.Group options={roleOptions()} />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item
              label={t('users.password')}
              name="password"
              dependencies={['username']}
              rules={passwordRules(() => form.getFieldValue('username'))}
              extra={t('password.policy', { min: MIN_PASSWORD_LENGTH })}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item label={t('password.confirm')} name="confirmPassword" dependencies={['password']} rules={confirmRules('password')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item label={t('users.active')} name="active" valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}

import type { Schemas } from '@motcua/api-client';
import type { ClientScope } from '@motcua/domain';
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../app/form-errors';
import { AgencyTreeSelect } from '../../agencies/agency-tree-select';
import { scopeOptions } from '../labels';
import { useCreateClient } from './use-client-mutations';

interface ClientFormValues {
  name: string;
  agencyId: string;
  scopes: ClientScope[];
}

const FIELDS = ['name', 'agencyId', 'scopes'] as const;

/** Registers a district or commune portal; on success the parent shows its key once. */
export function CreateClientModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (client: Schemas['IntegrationClientWithKey']) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ClientFormValues>();
  const [failure, setFailure] = useState<string>();
  const create = useCreateClient();

  const submit = (values: ClientFormValues) => {
    setFailure(undefined);
    create.mutate(
      { body: { name: values.name.trim(), agencyId: values.agencyId, scopes: values.scopes } },
      {
        onSuccess: (client) => {
          create.reset(); // the key stays only in the one-time dialog, not in the mutation's state
          onCreated(client);
        },
        onError: (error) => setFailure(applyProblemToForm(form, error, FIELDS)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('clients.createTitle')}
      okText={t('clients.createSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(undefined)}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'client-save' } as Record<string, string>}
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form<ClientFormValues> form={form} layout="vertical" onFinish={submit} disabled={create.isPending}>
        <Form.Item
          label={t('clients.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('clients.nameRequired') },
            { min: 3, max: 255, message: t('clients.nameLength') },
          ]}
        >
          <Input placeholder={t('clients.namePlaceholder')} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('clients.agency')}
          name="agencyId"
          rules={[{ required: true, message: t('users.agencyRequired') }]}
          extra={t('clients.agencyHint')}
        >
          <AgencyTreeSelect />
        </Form.Item>
        <Form.Item
          label={t('clients.scopes')}
          name="scopes"
          rules={[{ required: true, type: 'array', min: 1, message: t('clients.scopesRequired') }]}
        >
          <Checkbox.Group options={scopeOptions()} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

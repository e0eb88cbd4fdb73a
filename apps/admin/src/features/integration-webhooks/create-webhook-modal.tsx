import { isProblem } from '@motcua/api-client';
import { Alert, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../app/form-errors';
import { useCreateWebhook } from './use-webhook-mutations';
import { eventOptions, generateSecret, isHttpUrl, normalizeEvents, type WebhookEventPattern } from './webhook-labels';

interface WebhookFormValues {
  url: string;
  events: WebhookEventPattern[];
  secret: string;
}

const FORM_NAME = 'webhook';
const FIELDS = ['url', 'events', 'secret'] as const;
const URL_MAX = 2048;
const SECRET_MIN = 16;
const SECRET_MAX = 256;

/** The API names a bad event as `events.2`; the form has one field for the whole list. */
function withListFieldsFolded(error: unknown): unknown {
  if (!isProblem(error) || !error.errors?.length) return error;
  return { ...error, errors: error.errors.map((e) => ({ ...e, field: e.field.replace(/^events\.\d+$/, 'events') })) };
}

/** Subscribes a receiver URL to dossier events; the secret is typed (or generated) and shown this once. */
export function CreateWebhookModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WebhookFormValues>();
  const [failure, setFailure] = useState<string>();
  const create = useCreateWebhook();
  const secret = Form.useWatch('secret', form);

  const submit = (values: WebhookFormValues) => {
    setFailure(undefined);
    create.mutate(
      { body: { url: values.url.trim(), events: values.events, secret: values.secret } },
      {
        onSuccess: () => {
          create.reset(); // the secret does not stay in the mutation's state
          onClose();
        },
        onError: (error) => setFailure(applyProblemToForm(form, withListFieldsFolded(error), FIELDS)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('adminTools.webhooks.createTitle')}
      okText={t('adminTools.webhooks.createSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(undefined)}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'webhook-save' } as Record<string, string>}
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form<WebhookFormValues>
        form={form}
        name={FORM_NAME}
        layout="vertical"
        onFinish={submit}
        disabled={create.isPending}
        initialValues={{ events: ['dossier.*'] }}
      >
        <Form.Item
          label={t('adminTools.webhooks.url')}
          name="url"
          rules={[
            { required: true, whitespace: true, message: t('adminTools.webhooks.urlRequired') },
            { max: URL_MAX, message: t('adminTools.webhooks.urlTooLong') },
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || isHttpUrl(value) ? Promise.resolve() : Promise.reject(new Error(t('adminTools.webhooks.urlInvalid'))),
            },
          ]}
        >
          <Input placeholder={t('adminTools.webhooks.urlPlaceholder')} autoComplete="off" inputMode="url" />
        </Form.Item>
        <Form.Item
          label={t('adminTools.webhooks.events')}
          name="events"
          normalize={normalizeEvents}
          extra={t('adminTools.webhooks.eventsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('adminTools.webhooks.eventsRequired') }]}
        >
          <Select<WebhookEventPattern[]>
            mode="multiple"
            allowClear
            options={eventOptions()}
            placeholder={t('adminTools.webhooks.eventsPlaceholder')}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item
          label={t('adminTools.webhooks.secret')}
          htmlFor={`${FORM_NAME}_secret`}
          required
          extra={t('adminTools.webhooks.secretHint')}
        >
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="secret"
              noStyle
              rules={[
                { required: true, message: t('adminTools.webhooks.secretRequired') },
                { min: SECRET_MIN, max: SECRET_MAX, message: t('adminTools.webhooks.secretLength') },
              ]}
            >
              <Input
                placeholder={t('adminTools.webhooks.secretPlaceholder')}
                autoComplete="off"
                spellCheck={false}
                style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
              />
            </Form.Item>
            <Button onClick={() => form.setFieldsValue({ secret: generateSecret() })} data-testid="webhook-secret-generate">
              {t('adminTools.webhooks.secretGenerate')}
            </Button>
          </Space.Compact>
        </Form.Item>
        {secret && secret.length >= SECRET_MIN && (
          <Typography.Text
            type="secondary"
            copyable={{ text: secret, tooltips: [t('adminTools.webhooks.secretCopy'), t('adminTools.webhooks.secretCopied')] }}
          >
            {t('adminTools.webhooks.secretCopy')}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

import { Alert, Button, Drawer, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../app/form-errors';
import { LegalBasisField, ProcedureGeneralFields } from './procedure-general-fields';
import { definitionOf, PROCEDURE_FIELDS, type ProcedureFormValues } from './procedure-form-values';
import { useCreateProcedure } from './use-procedure-mutations';

const INITIAL_VALUES: Partial<ProcedureFormValues> = {
  level: 'PROVINCE',
  processingUnit: 'WORKING_DAYS',
  onlineRegime: 'NONE',
  paperResultRequired: true,
  electronicResultAllowed: false,
  pauseClockOnPayment: false,
  legalBasis: '',
  documents: [],
  fees: [],
  steps: [],
};

/** A new procedure code starts as draft version 1; documents, fees and steps are added on its page. */
export function ProcedureCreateDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  return open ? <ProcedureCreateContent onClose={onClose} onCreated={onCreated} /> : null;
}

function ProcedureCreateContent({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProcedureFormValues>();
  const [failure, setFailure] = useState<string>();
  const create = useCreateProcedure();

  const submit = (values: ProcedureFormValues) => {
    setFailure(undefined);
    create.mutate(
      { body: { code: (values.code ?? '').trim(), ...definitionOf({ ...INITIAL_VALUES, ...values } as ProcedureFormValues) } },
      {
        onSuccess: (procedure) => {
          onClose();
          onCreated(procedure.id);
        },
        onError: (error) => setFailure(applyProblemToForm(form, error, PROCEDURE_FIELDS)),
      },
    );
  };

  return (
    <Drawer
      open
      onClose={onClose}
      width={760}
      title={t('procedures.createTitle')}
      maskClosable={!create.isPending}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="procedure-create-save">
            {t('procedures.createSubmit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('procedures.createIntro')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="procedure-form-error" />}
      <Form<ProcedureFormValues> form={form} layout="vertical" initialValues={INITIAL_VALUES} onFinish={submit} disabled={create.isPending}>
        <ProcedureGeneralFields withCode />
        <LegalBasisField />
      </Form>
    </Drawer>
  );
}

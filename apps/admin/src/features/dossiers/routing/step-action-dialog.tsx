import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../../app/api';
import { applyProblemToForm } from '../../../app/form-errors';
import { stepActionLabel, type DossierStep } from '../labels';
import { isFieldProblem, useStepAction } from './use-step-action';

/** The step actions that ask something first: why it goes back, to whom, what was done. */
export type DialogStepAction = 'return' | 'assign' | 'complete';

interface StepFormValues {
  reason?: string;
  assigneeId?: string;
  note?: string;
}

const FIELDS = ['reason', 'assigneeId', 'note'] as const;
/** Officers of one agency fit in one page; the select filters them by name as one types. */
const OFFICERS_LIMIT = 200;

export interface StepActionDialogProps {
  code: string;
  step: DossierStep | undefined;
  action: DialogStepAction | undefined;
  onClose: () => void;
}

export function StepActionDialog(props: StepActionDialogProps) {
  return props.step && props.action ? (
    <StepActionDialogContent key={`${props.step.id}-${props.action}`} {...props} step={props.step} action={props.action} />
  ) : null;
}

function StepActionDialogContent({ code, step, action, onClose }: StepActionDialogProps & { step: DossierStep; action: DialogStepAction }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StepFormValues>();
  const [failure, setFailure] = useState<string>();
  const mutation = useStepAction();

  const submit = (values: StepFormValues) => {
    setFailure(undefined);
    const body =
      action === 'return'
        ? { reason: values.reason?.trim() }
        : action === 'assign'
          ? { assigneeId: values.assigneeId }
          : { note: values.note?.trim() || undefined };
    mutation.mutate(
      { params: { path: { code, stepId: step.id, action } }, body },
      {
        onSuccess: onClose,
        // Field errors stay in the dialog; any other refusal was said by the hook, which reloaded the dossier.
        onError: (error) => (isFieldProblem(error) ? setFailure(applyProblemToForm(form, error, FIELDS)) : onClose()),
      },
    );
  };

  return (
    <Modal
      open
      title={`${stepActionLabel(action)} – ${step.name}`}
      onCancel={onClose}
      maskClosable={!mutation.isPending}
      okText={stepActionLabel(action)}
      okButtonProps={{ danger: action === 'return', loading: mutation.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {action === 'return' && t('dossiers.stepDialog.returnHint', { step: step.name, agency: step.sentFromAgencyName ?? '' })}
        {action === 'assign' && t('dossiers.stepDialog.assignHint', { step: step.name, agency: step.agencyName })}
        {action === 'complete' && t('dossiers.stepDialog.completeHint', { step: step.name })}
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="step-action-error" />}
      <Form<StepFormValues> form={form} layout="vertical" onFinish={submit} disabled={mutation.isPending}>
        {action === 'return' && (
          <Form.Item
            label={t('dossiers.stepDialog.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('dossiers.stepDialog.reasonRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount autoFocus />
          </Form.Item>
        )}
        {action === 'assign' && <OfficerField agencyId={step.agencyId} />}
        {action === 'complete' && (
          <Form.Item label={t('dossiers.stepDialog.note')} name="note">
            <Input.TextArea rows={3} maxLength={2000} showCount autoFocus />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The active specialists and leaders of the step's agency, the only officers the API accepts. */
function OfficerField({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const officers = $api.useQuery('get', '/api/users', { params: { query: { agencyId, active: true, limit: OFFICERS_LIMIT } } });
  const options = (officers.data?.items ?? [])
    .filter((user) => user.roles.some((role) => role === 'SPECIALIST' || role === 'LEADER'))
    .map((user) => ({ value: user.id, label: `${user.fullName} (${user.username})` }));
  return (
    <Form.Item
      label={t('dossiers.stepDialog.assignee')}
      name="assigneeId"
      rules={[{ required: true, message: t('dossiers.stepDialog.assigneeRequired') }]}
    >
      <Select
        showSearch
        optionFilterProp="label"
        loading={officers.isLoading}
        options={options}
        placeholder={t('dossiers.stepDialog.assigneePlaceholder')}
        data-testid="step-assignee"
      />
    </Form.Item>
  );
}

import { ACTION_RULES, type DossierAction } from '@motcua/domain';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../app/form-errors';
import { formatVietnamDateTime, toVietnamIso, VIETNAM_OFFSET_MINUTES } from '../../../app/format';
import { actionLabel, optionsOf, RETURN_METHODS, returnMethodLabel, type Dossier, type ReturnMethod } from '../labels';
import { isOutdatedProblem, useDossierAction } from './use-dossier-mutations';

interface ActionFormValues {
  reason?: string;
  newAppointment?: Dayjs;
  amount?: number;
  returnMethod?: ReturnMethod;
  electronicResult?: boolean;
  paidOnline?: boolean;
  paymentReference?: string;
}

/** Field names the API reports errors on for an action (problem+json `errors[].field`). */
const FIELDS = ['reason', 'newAppointment', 'amount', 'returnMethod', 'electronicResult', 'paidOnline', 'paymentReference'] as const;

/** Ending actions are shown in red: they cannot be undone. */
const DANGEROUS: ReadonlySet<DossierAction> = new Set(['refuse', 'stop', 'reject-with-reasons', 'confirm-withdrawal']);

export interface ActionDialogProps {
  dossier: Dossier;
  action: DossierAction | undefined;
  /** The procedure may issue its result electronically (the switch shows only then). */
  electronicResultAllowed?: boolean;
  onClose: () => void;
}

export function ActionDialog(props: ActionDialogProps) {
  return props.action ? <ActionDialogContent key={props.action} {...props} action={props.action} /> : null;
}

/**
 * Asks for what the action requires (ACTION_RULES[action].requires) and sends it with the version
 * of the dossier on screen, so a change made meanwhile by someone else is never overwritten.
 */
function ActionDialogContent({ dossier, action, electronicResultAllowed, onClose }: ActionDialogProps & { action: DossierAction }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionFormValues>();
  const [failure, setFailure] = useState<string>();
  const mutation = useDossierAction();
  const rule = ACTION_RULES[action];
  const requires = new Set(rule.requires);
  const currentDue = dossier.apologyDueAt ?? dossier.dueAt;

  // Whether the procedure allows an electronic result may arrive after the dialog opened.
  useEffect(() => {
    if (action === 'issue-result' && electronicResultAllowed !== undefined && !form.isFieldTouched('electronicResult')) {
      form.setFieldValue('electronicResult', electronicResultAllowed);
    }
  }, [action, electronicResultAllowed, form]);

  const submit = (values: ActionFormValues) => {
    setFailure(undefined);
    const reason = values.reason?.trim();
    mutation.mutate(
      {
        params: { path: { code: dossier.code, action } },
        body: {
          version: dossier.version,
          reason: reason || undefined,
          newAppointment: values.newAppointment ? toVietnamIso(values.newAppointment) : undefined,
          amount: requires.has('amount') ? values.amount : undefined,
          returnMethod: requires.has('returnMethod') ? values.returnMethod : undefined,
          electronicResult: action === 'issue-result' ? Boolean(values.electronicResult) : undefined,
          paidOnline: action === 'confirm-payment' ? Boolean(values.paidOnline) : undefined,
          paymentReference: action === 'confirm-payment' ? values.paymentReference?.trim() || undefined : undefined,
        },
      },
      {
        onSuccess: onClose,
        onError: (error) => {
          // The hook reloaded the dossier and said why; the dialog was about an old state.
          if (isOutdatedProblem(error)) onClose();
          else setFailure(applyProblemToForm(form, error, FIELDS));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={actionLabel(action)}
      onCancel={onClose}
      maskClosable={!mutation.isPending}
      okText={actionLabel(action)}
      okButtonProps={{ danger: DANGEROUS.has(action), loading: mutation.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(`dossiers.actionHints.${action}`, { agency: dossier.competentAgencyName, code: dossier.code, defaultValue: '' })}
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="action-error" />}
      <Form<ActionFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={mutation.isPending}
        initialValues={{ returnMethod: 'IN_PERSON', electronicResult: Boolean(electronicResultAllowed), paidOnline: false }}
      >
        {requires.has('newAppointment') && (
          <Form.Item
            label={t('dossiers.action.newAppointment')}
            name="newAppointment"
            rules={[{ required: true, message: t('dossiers.action.newAppointmentRequired') }]}
            extra={currentDue ? t('dossiers.action.currentDue', { due: formatVietnamDateTime(currentDue) }) : undefined}
          >
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 15 }}
              format="DD/MM/YYYY HH:mm"
              needConfirm={false}
              style={{ width: '100%' }}
              disabledDate={(day) =>
                Boolean(currentDue) && day.isBefore(dayjs(currentDue).utcOffset(VIETNAM_OFFSET_MINUTES).format('YYYY-MM-DD'), 'day')
              }
            />
          </Form.Item>
        )}
        {requires.has('amount') && (
          <Form.Item
            label={t('dossiers.action.amount')}
            name="amount"
            rules={[{ required: true, message: t('dossiers.action.amountRequired') }]}
          >
            <InputNumber<number>
              min={1000}
              step={1000}
              precision={0}
              style={{ width: '100%' }}
              addonAfter="đồng"
              formatter={(value) => (value === undefined || value === null ? '' : new Intl.NumberFormat('vi-VN').format(Number(value)))}
              parser={(value) => Number((value ?? '').replace(/\D/g, ''))}
            />
          </Form.Item>
        )}
        {requires.has('returnMethod') && (
          <Form.Item
            label={t('dossiers.action.returnMethod')}
            name="returnMethod"
            rules={[{ required: true, message: t('dossiers.action.returnMethodRequired') }]}
          >
            <Radio.Group options={optionsOf(RETURN_METHODS, returnMethodLabel)} />
          </Form.Item>
        )}
        {action === 'issue-result' && electronicResultAllowed !== false && (
          <Form.Item
            label={t('dossiers.action.electronicResult')}
            name="electronicResult"
            valuePropName="checked"
            extra={t('dossiers.action.electronicResultHint')}
          >
            <Switch />
          </Form.Item>
        )}
        {action === 'confirm-payment' && (
          <>
            <Form.Item label={t('dossiers.action.paidOnline')} name="paidOnline" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item label={t('dossiers.action.paymentReference')} name="paymentReference">
              <Input autoComplete="off" maxLength={100} />
            </Form.Item>
          </>
        )}
        <Form.Item
          label={requires.has('reason') ? t('dossiers.action.reason') : t('dossiers.action.note')}
          name="reason"
          rules={requires.has('reason') ? [{ required: true, whitespace: true, message: t('dossiers.action.reasonRequired') }] : []}
          extra={rule.form ? t('dossiers.action.formHint', { form: rule.form }) : undefined}
        >
          <Input.TextArea rows={requires.has('reason') ? 4 : 2} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../app/auth/use-session';
import { applyProblemToForm } from '../../app/form-errors';
import { AgencyTreeSelect } from '../agencies/agency-tree-select';
import { ProcedureSelect } from '../dossiers/shared/procedure-select';
import { inspectionPath, SAMPLE_SIZE_MAX, SEED_PATTERN } from './inspection-labels';
import { useOpenInspection } from './use-inspection-mutations';

export interface OpenInspectionValues {
  title: string;
  agencyId: string;
  from: Dayjs;
  to: Dayjs;
  procedureCode?: string;
  sampleSize: number;
  seed?: string;
}

const FIELDS = ['title', 'agencyId', 'from', 'to', 'procedureCode', 'sampleSize', 'seed'] as const;
const DATE_FORMAT = 'DD/MM/YYYY';
const DEFAULT_SAMPLE = 30;

/** The request body: local days as `YYYY-MM-DD`, empty optional fields left out. */
export function openInspectionBody(values: OpenInspectionValues) {
  const seed = values.seed?.trim();
  return {
    title: values.title.trim(),
    agencyId: values.agencyId,
    from: values.from.format('YYYY-MM-DD'),
    to: values.to.format('YYYY-MM-DD'),
    sampleSize: values.sampleSize,
    ...(values.procedureCode ? { procedureCode: values.procedureCode } : {}),
    ...(seed ? { seed } : {}),
  };
}

/** "Mở đợt kiểm tra": scope, period, sample size and an optional seed; the sample is drawn at once. */
export function OpenInspectionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const [form] = Form.useForm<OpenInspectionValues>();
  const [failure, setFailure] = useState<string>();
  const create = useOpenInspection();

  const submit = (values: OpenInspectionValues) => {
    setFailure(undefined);
    create.mutate(
      { body: openInspectionBody(values) },
      {
        onSuccess: (inspection) => {
          onClose();
          navigate(inspectionPath(inspection.id));
        },
        onError: (error) => setFailure(applyProblemToForm(form, error, FIELDS)),
      },
    );
  };

  // The last full month is the usual period under review.
  const lastMonth = dayjs().subtract(1, 'month');
  return (
    <Modal
      open={open}
      title={t('oversight.inspections.openTitle')}
      okText={t('oversight.inspections.openSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setFailure(undefined)}
      destroyOnHidden
      width={720}
      okButtonProps={{ 'data-testid': 'inspection-open-submit' } as Record<string, string>}
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="inspection-open-error" />}
      <Form<OpenInspectionValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={create.isPending}
        initialValues={{
          agencyId: user?.agencyId,
          from: lastMonth.startOf('month'),
          to: lastMonth.endOf('month'),
          sampleSize: DEFAULT_SAMPLE,
        }}
        data-testid="inspection-open-form"
      >
        <Form.Item
          label={t('oversight.inspections.fields.title')}
          name="title"
          rules={[{ required: true, whitespace: true, min: 3, message: t('oversight.inspections.rules.titleRequired') }]}
        >
          <Input maxLength={255} autoComplete="off" placeholder={t('oversight.inspections.fields.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('oversight.inspections.fields.agency')}
          name="agencyId"
          extra={t('oversight.inspections.fields.agencyHint')}
          rules={[{ required: true, message: t('oversight.inspections.rules.agencyRequired') }]}
        >
          <AgencyTreeSelect style={{ width: '100%' }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('oversight.inspections.fields.from')}
              name="from"
              rules={[{ required: true, message: t('oversight.inspections.rules.fromRequired') }]}
            >
              <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('oversight.inspections.fields.to')}
              name="to"
              dependencies={['from']}
              rules={[
                { required: true, message: t('oversight.inspections.rules.toRequired') },
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | undefined) => {
                    const from: Dayjs | undefined = getFieldValue('from');
                    return value && from && value.isBefore(from, 'day')
                      ? Promise.reject(new Error(t('oversight.inspections.rules.toBeforeFrom')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label={t('oversight.inspections.fields.procedure')}
          name="procedureCode"
          extra={t('oversight.inspections.fields.procedureHint')}
        >
          <ProcedureSelect />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item
              label={t('oversight.inspections.fields.sampleSize')}
              name="sampleSize"
              rules={[
                { required: true, message: t('oversight.inspections.rules.sampleSizeRequired') },
                { type: 'integer', min: 1, max: SAMPLE_SIZE_MAX, message: t('oversight.inspections.rules.sampleSizeRequired') },
              ]}
            >
              <InputNumber min={1} max={SAMPLE_SIZE_MAX} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              label={t('oversight.inspections.fields.seed')}
              name="seed"
              extra={t('oversight.inspections.fields.seedHint')}
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    !value?.trim() || SEED_PATTERN.test(value.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('oversight.inspections.rules.seedPattern'))),
                },
              ]}
            >
              <Input autoComplete="off" maxLength={64} placeholder={t('oversight.inspections.fields.seedPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

import type { Schemas } from '@motcua/api-client';
import { isProblem } from '@motcua/api-client';
import { Alert, Button, Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../app/form-errors';
import { AgencyTreeSelect } from '../agencies/agency-tree-select';
import type { Pilot } from './pilot-labels';
import { ProcedureMultiSelect } from './procedure-multi-select';
import { useCreatePilot, useUpdatePilot } from './use-pilot-mutations';

export interface PilotFormValues {
  name: string;
  decisionRef: string;
  agencyIds: string[];
  procedureCodes?: string[];
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
}

const FIELDS = ['name', 'decisionRef', 'agencyIds', 'procedureCodes', 'startsOn', 'endsOn'] as const;
const DATE_FORMAT = 'DD/MM/YYYY';
const DAY = 'YYYY-MM-DD';

/** The API names a bad entry of a list as `agencyIds.1`; the form has one field for the whole list. */
function withListFieldsFolded(error: unknown): unknown {
  if (!isProblem(error) || !error.errors?.length) return error;
  return { ...error, errors: error.errors.map((e) => ({ ...e, field: e.field.replace(/^(agencyIds|procedureCodes)\.\d+$/, '$1') })) };
}

export function initialPilotValues(pilot: Pilot | undefined): Partial<PilotFormValues> {
  if (!pilot) return { agencyIds: [], procedureCodes: [] };
  return {
    name: pilot.name,
    decisionRef: pilot.decisionRef,
    agencyIds: pilot.agencies.map((agency) => agency.id),
    procedureCodes: pilot.procedureCodes,
    startsOn: dayjs(pilot.startsOn),
    endsOn: pilot.endsOn ? dayjs(pilot.endsOn) : null,
  };
}

/** A new pilot: no end date means open-ended, no procedure means every procedure. */
export function createPilotBody(values: PilotFormValues): Schemas['CreatePilotRequest'] {
  return {
    name: values.name.trim(),
    decisionRef: values.decisionRef.trim(),
    agencyIds: values.agencyIds,
    procedureCodes: values.procedureCodes ?? [],
    startsOn: values.startsOn.format(DAY),
    ...(values.endsOn ? { endsOn: values.endsOn.format(DAY) } : {}),
  };
}

/** An edit sends every field with the version read; a cleared end date is null (open-ended again). */
export function updatePilotBody(values: PilotFormValues, version: number): Schemas['UpdatePilotRequest'] {
  return { ...createPilotBody(values), endsOn: values.endsOn ? values.endsOn.format(DAY) : null, version };
}

/** Thêm / sửa mô hình thí điểm (administrators). */
export function PilotFormModal({
  open,
  pilot,
  onClose,
  onSaved,
  onReload,
}: {
  open: boolean;
  /** The pilot edited; none to add one. */
  pilot?: Pilot;
  onClose: () => void;
  onSaved?: (pilot: Pilot) => void;
  /** Reads the pilot again after someone else saved it (409 STALE_VERSION). */
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PilotFormValues>();
  const [failure, setFailure] = useState<string>();
  const [stale, setStale] = useState(false);
  const create = useCreatePilot();
  const update = useUpdatePilot();
  const saving = create.isPending || update.isPending;

  const onError = (error: unknown) => {
    if (isProblem(error) && error.code === 'STALE_VERSION') {
      setStale(true);
      return;
    }
    setFailure(applyProblemToForm(form, withListFieldsFolded(error), FIELDS));
  };
  const done = (saved: Pilot) => {
    onClose();
    onSaved?.(saved);
  };
  const submit = (values: PilotFormValues) => {
    setFailure(undefined);
    setStale(false);
    if (pilot) {
      update.mutate({ params: { path: { id: pilot.id } }, body: updatePilotBody(values, pilot.version) }, { onSuccess: done, onError });
    } else {
      create.mutate({ body: createPilotBody(values) }, { onSuccess: done, onError });
    }
  };

  return (
    <Modal
      open={open}
      title={pilot ? t('oversight.pilots.editTitle') : t('oversight.pilots.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        setFailure(undefined);
        setStale(false);
      }}
      destroyOnHidden
      width={720}
      okButtonProps={{ 'data-testid': 'pilot-save' } as Record<string, string>}
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('oversight.pilots.stale')}
          action={
            onReload && (
              <Button
                onClick={() => {
                  onClose();
                  onReload();
                }}
              >
                {t('common.reload')}
              </Button>
            )
          }
          data-testid="pilot-stale"
        />
      )}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="pilot-form-error" />}
      <Form<PilotFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={saving}
        initialValues={initialPilotValues(pilot)}
        data-testid="pilot-form"
      >
        <Form.Item
          label={t('oversight.pilots.fields.name')}
          name="name"
          rules={[{ required: true, whitespace: true, min: 3, message: t('oversight.pilots.rules.nameRequired') }]}
        >
          <Input maxLength={255} autoComplete="off" placeholder={t('oversight.pilots.fields.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('oversight.pilots.fields.decisionRef')}
          name="decisionRef"
          rules={[{ required: true, whitespace: true, min: 3, message: t('oversight.pilots.rules.decisionRefRequired') }]}
        >
          <Input maxLength={255} autoComplete="off" placeholder={t('oversight.pilots.fields.decisionRefPlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('oversight.pilots.fields.agencies')}
          name="agencyIds"
          extra={t('oversight.pilots.fields.agenciesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('oversight.pilots.rules.agenciesRequired') }]}
        >
          <AgencyTreeSelect multiple allowClear style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('oversight.pilots.fields.procedures')}
          name="procedureCodes"
          extra={t('oversight.pilots.fields.proceduresHint')}
        >
          <ProcedureMultiSelect style={{ width: '100%' }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('oversight.pilots.fields.startsOn')}
              name="startsOn"
              rules={[{ required: true, message: t('oversight.pilots.rules.startsOnRequired') }]}
            >
              <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('oversight.pilots.fields.endsOn')}
              name="endsOn"
              dependencies={['startsOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | null | undefined) => {
                    const start: Dayjs | undefined = getFieldValue('startsOn');
                    return value && start && value.isBefore(start, 'day')
                      ? Promise.reject(new Error(t('oversight.pilots.rules.endsOnBeforeStart')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker format={DATE_FORMAT} placeholder={t('oversight.pilots.fields.endsOnPlaceholder')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

import { isProblem, type Schemas } from '@motcua/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { applyProblemToForm } from '../../app/form-errors';
import { formatDate } from '../../app/format';
import { AgencyTreeSelect } from './agency-tree-select';
import { depthIn, subtreeOf } from './agency-subtree';
import { AGENCY_LEVEL_COLORS, agencyLevelLabel, levelsBelow, type AgencyLevel } from './labels';
import { useCreateAgency, useUpdateAgency } from './use-agency-mutations';

type Agency = Schemas['AgencyResponse'];

export type AgencyDrawerTarget = { mode: 'view'; agency: Agency } | { mode: 'edit'; agency: Agency } | { mode: 'create'; parent: Agency };

interface AgencyFormValues {
  code: string;
  name: string;
  shortName?: string;
  level: AgencyLevel;
  parentId?: string;
  isReceptionPoint: boolean;
  address?: string;
  phone?: string;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  successorId?: string | null;
}

/** Field names the API may report errors on (problem+json `errors[].field`). */
const FIELDS = [
  'code',
  'name',
  'shortName',
  'level',
  'parentId',
  'isReceptionPoint',
  'address',
  'phone',
  'validFrom',
  'validTo',
  'successorId',
] as const;
const AGENCY_CODE = /^[0-9A-Z]{2,3}(\.[0-9A-Z]{2,3}){3}$/;
const PHONE = /^[0-9+ ().-]{6,32}$/;
/** How many moving agencies the warning lists before "and N more". */
const MOVE_LIST_LIMIT = 8;

const toDay = (value: string | null) => (value ? dayjs(value) : null);
const fromDay = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
const blankToNull = (value: string | undefined) => value?.trim() || null;

function valuesOf(agency: Agency): AgencyFormValues {
  return {
    code: agency.code,
    name: agency.name,
    shortName: agency.shortName ?? undefined,
    level: agency.level,
    parentId: agency.parentId ?? undefined,
    isReceptionPoint: agency.isReceptionPoint,
    address: agency.address ?? undefined,
    phone: agency.phone ?? undefined,
    validFrom: toDay(agency.validFrom),
    validTo: toDay(agency.validTo),
    successorId: agency.successorId,
  };
}

export function AgencyDrawer({
  target,
  agencies,
  onClose,
}: {
  target: AgencyDrawerTarget | undefined;
  agencies: readonly Agency[];
  onClose: () => void;
}) {
  if (!target) return null;
  const key = target.mode === 'create' ? `new-${target.parent.id}` : `${target.mode}-${target.agency.id}`;
  return target.mode === 'view' ? (
    <AgencyDetails key={key} agency={target.agency} agencies={agencies} onClose={onClose} />
  ) : (
    <AgencyForm key={key} target={target} agencies={agencies} onClose={onClose} />
  );
}

/** Read-only details for users without agencies:manage. */
function AgencyDetails({ agency, agencies, onClose }: { agency: Agency; agencies: readonly Agency[]; onClose: () => void }) {
  const { t } = useTranslation();
  const nameOf = (id: string | null) => (id ? (agencies.find((a) => a.id === id)?.name ?? id) : '—');
  return (
    <Drawer open onClose={onClose} width={560} title={agency.name}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('agencies.code')}>{agency.code}</Descriptions.Item>
        <Descriptions.Item label={t('agencies.name')}>{agency.name}</Descriptions.Item>
        <Descriptions.Item label={t('agencies.shortName')}>{agency.shortName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('agencies.level')}>
          <Tag color={AGENCY_LEVEL_COLORS[agency.level]}>{agencyLevelLabel(agency.level)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('agencies.parent')}>{nameOf(agency.parentId)}</Descriptions.Item>
        <Descriptions.Item label={t('agencies.receptionPoint')}>
          {agency.isReceptionPoint ? t('common.yes') : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('agencies.address')}>{agency.address ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('agencies.phone')}>{agency.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('agencies.validFrom')}>{formatDate(agency.validFrom) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('agencies.validTo')}>{formatDate(agency.validTo) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('agencies.successor')}>{nameOf(agency.successorId)}</Descriptions.Item>
      </Descriptions>
    </Drawer>
  );
}

/** Create a child agency, or edit one (moving it, with its subtree, under another parent). */
function AgencyForm({
  target,
  agencies,
  onClose,
}: {
  target: Exclude<AgencyDrawerTarget, { mode: 'view' }>;
  agencies: readonly Agency[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AgencyFormValues>();
  const [failure, setFailure] = useState<string>();
  const [stale, setStale] = useState(false);
  // The agency as last read: its version goes with the next save.
  const [base, setBase] = useState<Agency | undefined>(target.mode === 'edit' ? target.agency : undefined);
  const create = useCreateAgency();
  const update = useUpdateAgency();
  const saving = create.isPending || update.isPending;

  const byId = useMemo(() => new Map(agencies.map((agency) => [agency.id, agency])), [agencies]);
  const subtree = useMemo(() => (base ? subtreeOf(agencies, base.id) : []), [agencies, base]);
  const subtreeIds = useMemo(() => new Set(subtree.map((agency) => agency.id)), [subtree]);
  const selfIds = useMemo(() => new Set(base ? [base.id] : []), [base]);
  const parentId = Form.useWatch('parentId', form);
  const parent = parentId ? byId.get(parentId) : undefined;
  const moving = Boolean(base && parentId && parentId !== base.parentId);
  const isRoot = Boolean(base && !base.parentId);

  const initialValues: Partial<AgencyFormValues> =
    target.mode === 'edit'
      ? valuesOf(target.agency)
      : { parentId: target.parent.id, level: levelsBelow(target.parent.level)[0], isReceptionPoint: false };

  const onError = (error: unknown) => {
    if (isProblem(error) && error.code === 'STALE_VERSION') {
      setStale(true);
      setFailure(undefined);
      return;
    }
    const rest = applyProblemToForm(form, error, FIELDS);
    // A conflict (a move into its own subtree, a code in use) also says why in a sentence.
    setFailure(rest ?? (isProblem(error) && error.status === 409 ? error.detail : undefined));
  };

  const reload = async () => {
    if (!base) return;
    const fresh = await queryClient.fetchQuery($api.queryOptions('get', '/api/agencies/{id}', { params: { path: { id: base.id } } }));
    setBase(fresh);
    form.resetFields();
    form.setFieldsValue(valuesOf(fresh));
    setStale(false);
    setFailure(undefined);
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/agencies'] });
  };

  const save = (values: AgencyFormValues) => {
    if (!base) return;
    const before = valuesOf(base);
    const body: Schemas['UpdateAgencyRequest'] = { version: base.version };
    if (values.name !== before.name) body.name = values.name.trim();
    if ((values.shortName ?? '') !== (before.shortName ?? '')) body.shortName = blankToNull(values.shortName);
    if (values.level !== before.level) body.level = values.level;
    if (values.parentId && values.parentId !== before.parentId) body.parentId = values.parentId;
    if (values.isReceptionPoint !== before.isReceptionPoint) body.isReceptionPoint = values.isReceptionPoint;
    if ((values.address ?? '') !== (before.address ?? '')) body.address = blankToNull(values.address);
    if ((values.phone ?? '') !== (before.phone ?? '')) body.phone = blankToNull(values.phone);
    if (fromDay(values.validFrom) !== base.validFrom) body.validFrom = fromDay(values.validFrom);
    if (fromDay(values.validTo) !== base.validTo) body.validTo = fromDay(values.validTo);
    if ((values.successorId ?? null) !== base.successorId) body.successorId = values.successorId ?? null;
    update.mutate({ params: { path: { id: base.id } }, body }, { onSuccess: onClose, onError });
  };

  const submit = (values: AgencyFormValues) => {
    setFailure(undefined);
    if (target.mode === 'create') {
      create.mutate(
        {
          body: {
            code: values.code.trim(),
            name: values.name.trim(),
            shortName: values.shortName?.trim() || undefined,
            level: values.level,
            parentId: values.parentId ?? target.parent.id,
            isReceptionPoint: values.isReceptionPoint,
            address: values.address?.trim() || undefined,
            phone: values.phone?.trim() || undefined,
            validFrom: fromDay(values.validFrom) ?? undefined,
            validTo: fromDay(values.validTo) ?? undefined,
          },
        },
        { onSuccess: onClose, onError },
      );
      return;
    }
    if (!moving) {
      save(values);
      return;
    }
    modal.confirm({
      title: t('agencies.moveConfirmTitle', { name: base?.name }),
      content: t('agencies.moveConfirm', { count: subtree.length, parent: parent?.name }),
      okText: t('agencies.moveSubmit'),
      cancelText: t('common.cancel'),
      onOk: () => save(values),
    });
  };

  const levelOptions = (isRoot ? (['PROVINCE'] as AgencyLevel[]) : levelsBelow(parent?.level)).map((level) => ({
    value: level,
    label: agencyLevelLabel(level),
  }));

  return (
    <Drawer
      open
      onClose={onClose}
      width={600}
      title={
        target.mode === 'edit' ? t('agencies.editTitle', { name: base?.name }) : t('agencies.createTitle', { name: target.parent.name })
      }
      maskClosable={!saving}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} disabled={stale} onClick={() => form.submit()} data-testid="agency-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="agency-stale"
          message={t('agencies.staleTitle')}
          description={t('agencies.staleDescription')}
          action={
            <Button size="small" onClick={() => void reload()}>
              {t('agencies.reloadLatest')}
            </Button>
          }
        />
      )}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="agency-form-error" />}
      <Form<AgencyFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} disabled={saving}>
        <Form.Item
          label={t('agencies.code')}
          name="code"
          rules={[
            { required: true, whitespace: true, message: t('agencies.codeRequired') },
            { pattern: AGENCY_CODE, message: t('agencies.codePattern') },
          ]}
          extra={target.mode === 'create' ? t('agencies.codeHint') : undefined}
        >
          <Input disabled={target.mode === 'edit'} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('agencies.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('agencies.nameRequired') },
            { min: 3, max: 255, message: t('agencies.nameLength') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('agencies.shortName')} name="shortName" rules={[{ max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('agencies.parent')}
          name="parentId"
          rules={isRoot ? [] : [{ required: true, message: t('agencies.parentRequired') }]}
        >
          <AgencyTreeSelect disabled={isRoot} disabledIds={subtreeIds} />
        </Form.Item>
        {moving && base && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="agency-move-preview"
            message={t('agencies.movePreviewTitle', { count: subtree.length, parent: parent?.name })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {subtree.slice(0, MOVE_LIST_LIMIT).map((agency) => (
                  <li key={agency.id} style={{ marginInlineStart: depthIn(agencies, base.id, agency.id) * 16 }}>
                    {agency.name}
                  </li>
                ))}
                {subtree.length > MOVE_LIST_LIMIT && <li>{t('agencies.andMore', { count: subtree.length - MOVE_LIST_LIMIT })}</li>}
              </ul>
            }
          />
        )}
        <Form.Item label={t('agencies.level')} name="level" rules={[{ required: true, message: t('agencies.levelRequired') }]}>
          <Select options={levelOptions} disabled={isRoot} />
        </Form.Item>
        <Form.Item
          label={t('agencies.receptionPoint')}
          name="isReceptionPoint"
          valuePropName="checked"
          extra={t('agencies.receptionPointHint')}
        >
          <Switch />
        </Form.Item>
        <Form.Item label={t('agencies.address')} name="address" rules={[{ max: 500 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('agencies.phone')} name="phone" rules={[{ pattern: PHONE, message: t('agencies.phoneInvalid') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item label={t('agencies.validFrom')} name="validFrom">
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" />
          </Form.Item>
          <Form.Item
            label={t('agencies.validTo')}
            name="validTo"
            dependencies={['validFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const from: Dayjs | null | undefined = getFieldValue('validFrom');
                  return value && from && value.isBefore(from, 'day')
                    ? Promise.reject(new Error(t('agencies.validToBeforeFrom')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" />
          </Form.Item>
        </Space>
        {target.mode === 'edit' && (
          <Form.Item label={t('agencies.successor')} name="successorId" extra={t('agencies.successorHint')}>
            <AgencyTreeSelect allowClear disabledIds={selfIds} placeholder={t('agencies.noSuccessor')} />
          </Form.Item>
        )}
        {target.mode === 'edit' && base && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('agencies.versionInfo', { version: base.version })}
          </Typography.Text>
        )}
      </Form>
    </Drawer>
  );
}

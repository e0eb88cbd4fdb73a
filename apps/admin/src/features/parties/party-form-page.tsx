import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { isProblem } from '@motcua/api-client';
import type { IdentifierType } from '@motcua/domain';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { $api, errorMessage } from '../../app/api';
import { applyProblemToForm } from '../../app/form-errors';
import {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  consentChannelLabel,
  consentPurposeLabel,
  IDENTIFIER_TYPES_BY_PARTY,
  identifierTypeLabel,
  optionsOf,
  PARTIES_PATH,
  PARTY_TYPES,
  partyPath,
  partyTypeLabel,
  REPRESENTATIVE_ROLES,
  representativeRoleLabel,
  SEXES,
  sexLabel,
  type Party,
  type PartyType,
} from './labels';
import type { PartyLocationState } from './party-detail-page';
import {
  createBody,
  defaultIdentifierType,
  FORM_FIELDS,
  formCccdWarnings,
  identifierProblem,
  initialCreateValues,
  initialEditValues,
  isFutureDate,
  mapApiError,
  PHONE,
  updateBody,
  type PartyFormValues,
} from './party-form-values';
import { PartySelect } from './party-select';
import { PartyTypeTag } from './party-tags';
import { existingPartyIdOf, useCreateParty, useUpdateParty } from './use-party-mutations';

/** /cong-dan/moi: register a person or an organisation. */
export function PartyCreatePage() {
  return <PartyForm key="new" />;
}

/** /cong-dan/:id/sua: correct a party, with the version read (a stale one is 409). */
export function PartyEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = $api.useQuery('get', '/api/parties/{id}', { params: { path: { id } } }, { meta: { silentErrors: true } });
  if (query.isLoading) return <Skeleton active />;
  if (!query.data) {
    return (
      <Result
        status="error"
        title={t('parties.detail.loadFailed')}
        subTitle={errorMessage(query.error)}
        extra={<Button onClick={() => navigate(PARTIES_PATH)}>{t('parties.detail.backToList')}</Button>}
      />
    );
  }
  // A new version (after "reload" on a conflict) starts the form again from what is stored now.
  return <PartyForm key={`${query.data.id}-${query.data.version}`} party={query.data} onReload={() => void query.refetch()} />;
}

interface Conflict {
  kind: 'taken' | 'stale';
  existingPartyId?: string;
}

function PartyForm({ party, onReload }: { party?: Party; onReload?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<PartyFormValues>();
  const [failure, setFailure] = useState<string>();
  const [conflict, setConflict] = useState<Conflict>();
  const create = useCreateParty();
  const update = useUpdateParty();
  const saving = create.isPending || update.isPending;
  const editing = Boolean(party);

  // Only the kind is watched here: the whole form does not render again on every key typed.
  const watchedType = Form.useWatch('type', form);
  const type: PartyType = party?.type ?? watchedType ?? 'INDIVIDUAL';
  const individual = type === 'INDIVIDUAL';
  const allowedTypes = IDENTIFIER_TYPES_BY_PARTY[type];

  const onError = (error: unknown) => {
    const existingPartyId = existingPartyIdOf(error);
    if (existingPartyId) setConflict({ kind: 'taken', existingPartyId });
    else if (isProblem(error) && error.code === 'STALE_VERSION') setConflict({ kind: 'stale' });
    setFailure(applyProblemToForm(form, mapApiError(error), FORM_FIELDS));
  };
  const done = (saved: { id: string; warnings: string[] }) => {
    const state: PartyLocationState = { warnings: saved.warnings };
    navigate(partyPath(saved.id), { state });
  };

  const submit = (submitted: PartyFormValues) => {
    setFailure(undefined);
    setConflict(undefined);
    if (party) {
      update.mutate({ params: { path: { id: party.id } }, body: updateBody(party, submitted) }, { onSuccess: done, onError });
    } else {
      create.mutate({ body: createBody(submitted) }, { onSuccess: done, onError });
    }
  };

  return (
    <Card
      title={
        <Flex align="center" gap={8}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(party ? partyPath(party.id) : PARTIES_PATH)}
            aria-label={t('common.cancel')}
          />
          <span>{party ? t('parties.form.editTitle', { name: party.displayName }) : t('parties.form.createTitle')}</span>
          {party && <PartyTypeTag type={party.type} />}
        </Flex>
      }
    >
      {conflict?.kind === 'taken' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('parties.form.takenTitle')}
          description={t('parties.form.takenHint')}
          action={
            conflict.existingPartyId && (
              <Button type="primary" onClick={() => navigate(partyPath(conflict.existingPartyId ?? ''))} data-testid="party-open-existing">
                {t('parties.form.openExisting')}
              </Button>
            )
          }
          data-testid="party-taken"
        />
      )}
      {conflict?.kind === 'stale' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('parties.form.stale')}
          action={<Button onClick={onReload}>{t('common.reload')}</Button>}
          data-testid="party-stale"
        />
      )}
      {failure && !conflict && (
        <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="party-form-error" />
      )}

      <Form<PartyFormValues>
        form={form}
        layout="vertical"
        initialValues={party ? initialEditValues(party) : initialCreateValues()}
        onFinish={submit}
        disabled={saving}
        scrollToFirstError
        data-testid="party-form"
      >
        {!editing && (
          <Form.Item label={t('parties.fields.type')} name="type">
            <Radio.Group
              optionType="button"
              options={optionsOf(PARTY_TYPES, partyTypeLabel)}
              onChange={(event) => form.setFieldValue('identifiers', [{ type: defaultIdentifierType(event.target.value), value: '' }])}
            />
          </Form.Item>
        )}

        <Row gutter={16}>
          <Col xs={24} md={individual ? 12 : 24}>
            {individual ? (
              <Form.Item
                label={t('parties.fields.fullName')}
                name="fullName"
                rules={[{ required: true, whitespace: true, message: t('parties.form.fullNameRequired') }]}
              >
                <Input autoComplete="off" maxLength={255} />
              </Form.Item>
            ) : (
              <Form.Item
                label={t('parties.fields.name')}
                name="name"
                rules={[{ required: true, whitespace: true, message: t('parties.form.nameRequired') }]}
              >
                <Input autoComplete="off" maxLength={255} />
              </Form.Item>
            )}
          </Col>
          {individual && (
            <>
              <Col xs={12} md={6}>
                <Form.Item
                  label={t('parties.fields.dateOfBirth')}
                  name="dateOfBirth"
                  rules={[
                    {
                      validator: (_, value: PartyFormValues['dateOfBirth']) =>
                        value && isFutureDate(value) ? Promise.reject(new Error(t('parties.form.futureBirth'))) : Promise.resolve(),
                    },
                  ]}
                >
                  <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item label={t('parties.fields.sex')} name="sex">
                  <Radio.Group options={optionsOf(SEXES, sexLabel)} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>

        <Divider orientation="left" plain>
          {t('parties.form.identifiers')}
        </Divider>
        {party && party.identifiers.length > 0 && (
          <Form.Item label={t('parties.form.currentIdentifiers')} name="removeIdentifierIds" extra={t('parties.form.removeHint')}>
            <Checkbox.Group
              options={party.identifiers.map((identifier) => ({
                value: identifier.id,
                label: `${t('parties.form.remove')} ${identifierTypeLabel(identifier.type)} ${identifier.masked}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.List name="identifiers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, position) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'type']}
                    style={{ width: 200 }}
                    label={position === 0 ? t('parties.form.identifierType') : undefined}
                  >
                    <Select<IdentifierType>
                      options={allowedTypes.map((value) => ({ value, label: identifierTypeLabel(value) }))}
                      aria-label={t('parties.form.identifierType')}
                      onChange={() => void form.validateFields([['identifiers', field.name, 'value']]).catch(() => undefined)}
                    />
                  </Form.Item>
                  <Form.Item
                    style={{ flex: 1, minWidth: 220 }}
                    label={position === 0 ? t('parties.form.identifierValue') : undefined}
                    name={[field.name, 'value']}
                    validateTrigger="onBlur"
                    rules={[
                      { required: true, whitespace: true, message: t('parties.form.identifierRequired') },
                      {
                        validator: (_, value: string | undefined) => {
                          const message = identifierProblem(form.getFieldValue(['identifiers', field.name, 'type']), value);
                          return message ? Promise.reject(new Error(message)) : Promise.resolve();
                        },
                      },
                    ]}
                  >
                    <Input autoComplete="off" maxLength={32} aria-label={t('parties.form.identifierValue')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'validity']}
                    label={position === 0 ? t('parties.form.identifierValidity') : undefined}
                    style={{ width: 260 }}
                  >
                    <DatePicker.RangePicker
                      format="DD/MM/YYYY"
                      allowEmpty={[true, true]}
                      placeholder={[t('parties.form.issuedOn'), t('parties.form.expiresOn')]}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    disabled={!editing && fields.length === 1}
                    onClick={() => remove(field.name)}
                    aria-label={t('parties.form.removeIdentifier')}
                    style={{ marginTop: position === 0 ? 30 : 0 }}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ type: allowedTypes[0], value: '' })}
                style={{ marginBottom: 16 }}
                data-testid="party-add-identifier"
              >
                {t('parties.form.addIdentifier')}
              </Button>
            </>
          )}
        </Form.List>
        {individual && <CccdWarnings />}

        <Divider orientation="left" plain>
          {t('parties.form.contacts')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label={party ? t('parties.form.newPhone') : t('parties.fields.phone')}
              name="phone"
              rules={[{ pattern: PHONE, message: t('parties.form.phoneInvalid') }]}
              extra={party?.phone ? t('parties.form.phoneKeep', { phone: party.phone }) : undefined}
            >
              <Input autoComplete="off" inputMode="tel" maxLength={15} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('parties.fields.email')} name="email" rules={[{ type: 'email', message: t('parties.form.emailInvalid') }]}>
              <Input autoComplete="off" maxLength={255} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('parties.fields.address')} name="address">
          <Input autoComplete="off" maxLength={500} />
        </Form.Item>
        <Form.Item label={individual ? t('parties.fields.permanentAddress') : t('parties.fields.headOffice')} name="permanentAddress">
          <Input autoComplete="off" maxLength={500} />
        </Form.Item>

        {!individual && <RepresentativesFields party={party} />}

        {!editing && (
          <>
            <Divider orientation="left" plain>
              {t('parties.consents.title')}
            </Divider>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item label={t('parties.form.consentPurposes')} name="consentPurposes">
                  <Checkbox.Group options={optionsOf(CONSENT_PURPOSES, consentPurposeLabel)} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('parties.consents.channel')} name="consentChannel">
                  <Select options={optionsOf(CONSENT_CHANNELS, consentChannelLabel)} style={{ width: 200 }} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}

        <Flex justify="end">
          <Space>
            <Button onClick={() => navigate(party ? partyPath(party.id) : PARTIES_PATH)} disabled={false}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="party-save">
              {party ? t('common.save') : t('parties.form.create')}
            </Button>
          </Space>
        </Flex>
      </Form>
    </Card>
  );
}

/** CCCD digits that disagree with the birth year or sex entered: shown as the official types, never blocking. */
function CccdWarnings() {
  const { t } = useTranslation();
  const identifiers = Form.useWatch<PartyFormValues['identifiers']>('identifiers');
  const dateOfBirth = Form.useWatch<PartyFormValues['dateOfBirth']>('dateOfBirth');
  const sex = Form.useWatch<PartyFormValues['sex']>('sex');
  const warnings = formCccdWarnings({ type: 'INDIVIDUAL', identifiers, dateOfBirth, sex });
  if (!warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('parties.form.cccdWarnings')}
      description={warnings.map((warning) => (
        <div key={warning}>{warning}</div>
      ))}
      data-testid="party-cccd-warnings"
    />
  );
}

/** Organisations: the individuals acting for it, each a party of the registry with a role and a validity. */
function RepresentativesFields({ party }: { party?: Party }) {
  const { t } = useTranslation();
  const known = (party?.representatives ?? []).map((r) => ({ id: r.representativeId, label: r.representativeName }));
  return (
    <>
      <Divider orientation="left" plain>
        {t('parties.detail.representatives')}
      </Divider>
      <Typography.Paragraph type="secondary">{t('parties.form.representativesHint')}</Typography.Paragraph>
      <Form.List name="representatives">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, position) => (
              <Flex key={field.key} gap={8} align="start" wrap data-testid="party-representative-row">
                <Form.Item
                  name={[field.name, 'partyId']}
                  style={{ flex: 1, minWidth: 280 }}
                  label={position === 0 ? t('parties.detail.representative') : undefined}
                  rules={[{ required: true, message: t('parties.form.representativeRequired') }]}
                >
                  <PartySelect type="INDIVIDUAL" known={known} aria-label={t('parties.detail.representative')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'role']}
                  style={{ width: 240 }}
                  label={position === 0 ? t('parties.detail.role') : undefined}
                  rules={[{ required: true, message: t('parties.form.roleRequired') }]}
                >
                  <Select options={optionsOf(REPRESENTATIVE_ROLES, representativeRoleLabel)} aria-label={t('parties.detail.role')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'validity']}
                  label={position === 0 ? t('parties.detail.validity') : undefined}
                  style={{ width: 260 }}
                >
                  <DatePicker.RangePicker format="DD/MM/YYYY" allowEmpty={[true, true]} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('parties.form.removeRepresentative')}
                  style={{ marginTop: position === 0 ? 30 : 0 }}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add({ role: fields.length === 0 ? 'LEGAL_REPRESENTATIVE' : 'AUTHORISED_REPRESENTATIVE' })}
              style={{ marginBottom: 16 }}
              data-testid="party-add-representative"
            >
              {t('parties.form.addRepresentative')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

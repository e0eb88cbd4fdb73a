import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { cccdWarnings, checkIdentifier, IDENTIFIER_TYPES, type IdentifierType } from '@motcua/domain';
import { Alert, Button, Col, DatePicker, Flex, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { APPLICANT_TYPES, applicantTypeLabel, optionsOf } from '../labels';
import { defaultIdentifierType, type IntakeValues } from './intake-request';

const PHONE = /^(\+84|0)\d{9,10}$/;

/** CCCD digits that disagree with the birth year or sex: a warning the official weighs, never a refusal. */
function useCccdWarnings(): string[] {
  const applicant = Form.useWatch<IntakeValues['applicant'] | undefined>('applicant');
  if (!applicant || applicant.type !== 'INDIVIDUAL') return [];
  const dateOfBirth = applicant.dateOfBirth ? applicant.dateOfBirth.format('YYYY-MM-DD') : undefined;
  return (applicant.identifiers ?? [])
    .filter((identifier) => identifier?.type === 'CCCD' && identifier.value)
    .flatMap((identifier) => cccdWarnings(identifier.value ?? '', dateOfBirth, applicant.sex));
}

/** Who submits: a citizen, an organisation or an enterprise, with identifiers checked as they are typed. */
export function ApplicantFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<IntakeValues>();
  const type = Form.useWatch<IntakeValues['applicant']['type'] | undefined>(['applicant', 'type']) ?? 'INDIVIDUAL';
  const individual = type === 'INDIVIDUAL';
  const warnings = useCccdWarnings();

  return (
    <>
      <Form.Item label={t('dossiers.applicant.type')} name={['applicant', 'type']}>
        <Radio.Group
          optionType="button"
          options={optionsOf(APPLICANT_TYPES, applicantTypeLabel)}
          onChange={(event) =>
            form.setFieldValue(['applicant', 'identifiers'], [{ type: defaultIdentifierType(event.target.value), value: '' }])
          }
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={individual ? 12 : 24}>
          {individual ? (
            <Form.Item
              label={t('dossiers.applicant.fullName')}
              name={['applicant', 'fullName']}
              rules={[{ required: true, whitespace: true, message: t('dossiers.intake.fullNameRequired') }]}
            >
              <Input autoComplete="off" maxLength={255} />
            </Form.Item>
          ) : (
            <Form.Item
              label={t('dossiers.applicant.name')}
              name={['applicant', 'name']}
              rules={[{ required: true, whitespace: true, message: t('dossiers.intake.nameRequired') }]}
            >
              <Input autoComplete="off" maxLength={255} />
            </Form.Item>
          )}
        </Col>
        {individual && (
          <>
            <Col xs={12} md={6}>
              <Form.Item label={t('dossiers.applicant.dateOfBirth')} name={['applicant', 'dateOfBirth']}>
                <DatePicker
                  format="DD/MM/YYYY"
                  placeholder="dd/mm/yyyy"
                  style={{ width: '100%' }}
                  disabledDate={(day) => day.isAfter(dayjs(), 'day')}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('dossiers.applicant.sex')} name={['applicant', 'sex']}>
                <Radio.Group
                  options={[
                    { value: 'MALE', label: t('dossiers.sexes.MALE') },
                    { value: 'FEMALE', label: t('dossiers.sexes.FEMALE') },
                  ]}
                />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>

      <Form.List name={['applicant', 'identifiers']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, position) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={[field.name, 'type']}
                  style={{ width: 200 }}
                  label={position === 0 ? t('dossiers.intake.identifierType') : undefined}
                >
                  <Select<IdentifierType>
                    options={IDENTIFIER_TYPES.map((value) => ({ value, label: t(`dossiers.identifierTypes.${value}`) }))}
                    aria-label={t('dossiers.intake.identifierType')}
                    onChange={() => void form.validateFields([['applicant', 'identifiers', field.name, 'value']]).catch(() => undefined)}
                  />
                </Form.Item>
                <Form.Item
                  style={{ flex: 1 }}
                  label={position === 0 ? t('dossiers.intake.identifierValue') : undefined}
                  name={[field.name, 'value']}
                  validateTrigger="onBlur"
                  rules={[
                    { required: true, whitespace: true, message: t('dossiers.intake.identifierRequired') },
                    {
                      validator: (_, value: string | undefined) => {
                        if (!value?.trim()) return Promise.resolve();
                        const identifierType: IdentifierType = form.getFieldValue(['applicant', 'identifiers', field.name, 'type']);
                        const check = checkIdentifier(identifierType, value);
                        return check.valid ? Promise.resolve() : Promise.reject(new Error(check.message));
                      },
                    },
                  ]}
                >
                  <Input
                    autoComplete="off"
                    maxLength={32}
                    inputMode={form.getFieldValue(['applicant', 'identifiers', field.name, 'type']) === 'PASSPORT' ? 'text' : 'numeric'}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  disabled={fields.length === 1}
                  onClick={() => remove(field.name)}
                  aria-label={t('dossiers.intake.removeIdentifier')}
                  style={{ marginTop: position === 0 ? 30 : 0 }}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add({ type: defaultIdentifierType(type), value: '' })}
              style={{ marginBottom: 16 }}
            >
              {t('dossiers.intake.addIdentifier')}
            </Button>
          </>
        )}
      </Form.List>
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('dossiers.intake.cccdWarnings')}
          description={warnings.map((warning) => (
            <div key={warning}>{warning}</div>
          ))}
          data-testid="intake-cccd-warnings"
        />
      )}

      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('dossiers.applicant.phone')}
            name={['applicant', 'phone']}
            rules={[{ pattern: PHONE, message: t('dossiers.intake.phoneInvalid') }]}
          >
            <Input autoComplete="off" inputMode="tel" maxLength={15} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('dossiers.applicant.email')}
            name={['applicant', 'email']}
            rules={[{ type: 'email', message: t('dossiers.intake.emailInvalid') }]}
          >
            <Input autoComplete="off" maxLength={255} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('dossiers.applicant.address')} name={['applicant', 'address']}>
        <Input autoComplete="off" maxLength={500} />
      </Form.Item>
    </>
  );
}

import { AutoComplete, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { $api } from '../../app/api';
import { AgencyTreeSelect } from '../agencies/agency-tree-select';
import { ONLINE_REGIMES, options, PROCEDURE_LEVELS, procedureLevelLabel, regimeLabel, unitLabel } from './labels';

const PROCEDURE_CODE = /^[0-9A-Za-z][0-9A-Za-z.\-_]{0,31}$/;
const UNITS = ['WORKING_DAYS', 'WORKING_HOURS', 'CALENDAR_DAYS'] as const;

/** The procedure's own fields (not its lists), for the create drawer and the draft editor. */
export function ProcedureGeneralFields({ withCode }: { withCode: boolean }) {
  const { t } = useTranslation();
  const fields = $api.useQuery('get', '/api/procedures/fields', {}, { staleTime: 5 * 60_000 });

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('procedures.code')}
            name="code"
            rules={[
              { required: true, whitespace: true, message: t('procedures.codeRequired') },
              { pattern: PROCEDURE_CODE, message: t('procedures.codePattern') },
            ]}
            extra={withCode ? t('procedures.codeHint') : undefined}
          >
            <Input disabled={!withCode} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            label={t('procedures.name')}
            name="name"
            rules={[
              { required: true, whitespace: true, message: t('procedures.nameRequired') },
              { min: 3, max: 500, message: t('procedures.nameLength') },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('procedures.field')}
            name="field"
            rules={[{ required: true, whitespace: true, min: 2, message: t('procedures.fieldRequired') }]}
          >
            <AutoComplete options={(fields.data ?? []).map((field) => ({ value: field }))} filterOption />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('procedures.level')} name="level" rules={[{ required: true, message: t('procedures.levelRequired') }]}>
            <Select options={options(PROCEDURE_LEVELS, procedureLevelLabel)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('procedures.regime')} name="onlineRegime" rules={[{ required: true }]}>
            <Select options={options(ONLINE_REGIMES, regimeLabel)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('procedures.competentAgency')} name="competentAgencyId" extra={t('procedures.competentAgencyHint')}>
        <AgencyTreeSelect allowClear placeholder={t('procedures.receivingLocalAgency')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('procedures.processingAmount')}
            name="processingAmount"
            rules={[{ required: true, message: t('procedures.processingAmountRequired') }]}
          >
            <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('procedures.processingUnit')} name="processingUnit" rules={[{ required: true }]}>
            <Select options={options(UNITS, unitLabel)} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('procedures.validFrom')} name="validFrom">
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('procedures.validTo')}
            name="validTo"
            dependencies={['validFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const from: Dayjs | null | undefined = getFieldValue('validFrom');
                  return value && from && value.isBefore(from, 'day')
                    ? Promise.reject(new Error(t('procedures.validToBeforeFrom')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('procedures.paperResultRequired')} name="paperResultRequired" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('procedures.electronicResultAllowed')} name="electronicResultAllowed" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('procedures.pauseClockOnPayment')}
            name="pauseClockOnPayment"
            valuePropName="checked"
            extra={t('procedures.pauseClockOnPaymentHint')}
          >
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** Căn cứ pháp lý: free text, one document per line. */
export function LegalBasisField() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('procedures.legalBasis')} name="legalBasis" rules={[{ max: 4000 }]} extra={t('procedures.legalBasisHint')}>
      <Input.TextArea rows={6} />
    </Form.Item>
  );
}

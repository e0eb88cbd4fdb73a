import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgencyTreeSelect } from '../agencies/agency-tree-select';
import { ProcedureSelect } from '../dossiers/shared/procedure-select';
import { CONSENT_PURPOSES, consentPurposeLabel, optionsOf, type ConsentPurpose } from './labels';
import { useExportContacts } from './use-party-mutations';

interface ExportValues {
  purpose: ConsentPurpose;
  agencyId?: string;
  procedureCode?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
  format: 'csv' | 'xlsx';
}

/** "Danh sách liên hệ": the contacts of the parties who agreed to be contacted for a purpose, served by an agency / procedure / period. */
export function ContactExportButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)} data-testid="party-contacts-export">
        {t('parties.contactsExport.button')}
      </Button>
      {open && <ContactExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ContactExportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ExportValues>();
  const [procedureId, setProcedureId] = useState<string>();
  const exporter = useExportContacts();

  const submit = (values: ExportValues) => {
    const [from, to] = values.period ?? [];
    exporter.mutate(
      {
        purpose: values.purpose,
        agencyId: values.agencyId,
        procedureId: values.procedureCode ? procedureId : undefined,
        from: from?.format('YYYY-MM-DD'),
        to: to?.format('YYYY-MM-DD'),
        format: values.format,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      open
      title={t('parties.contactsExport.title')}
      onCancel={onClose}
      okText={t('parties.contactsExport.download')}
      onOk={() => form.submit()}
      confirmLoading={exporter.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t('parties.contactsExport.notice')} style={{ marginBottom: 16 }} />
      <Form<ExportValues> form={form} layout="vertical" initialValues={{ purpose: 'SURVEY', format: 'xlsx' }} onFinish={submit}>
        <Form.Item label={t('parties.contactsExport.purpose')} name="purpose" rules={[{ required: true }]}>
          <Radio.Group options={optionsOf(CONSENT_PURPOSES, consentPurposeLabel)} />
        </Form.Item>
        <Form.Item label={t('parties.contactsExport.agency')} name="agencyId">
          <AgencyTreeSelect allowClear style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('parties.contactsExport.procedure')} name="procedureCode">
          <ProcedureSelect
            onChange={(code, procedure) => {
              form.setFieldValue('procedureCode', code);
              setProcedureId(procedure?.id);
            }}
          />
        </Form.Item>
        <Form.Item label={t('parties.contactsExport.period')} name="period">
          <DatePicker.RangePicker format="DD/MM/YYYY" allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('parties.contactsExport.format')} name="format">
          <Radio.Group
            options={[
              { value: 'xlsx', label: 'Excel (XLSX)' },
              { value: 'csv', label: 'CSV' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

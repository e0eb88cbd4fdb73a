import { ReloadOutlined } from '@ant-design/icons';
import type { Schemas } from '@motcua/api-client';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../../app/api';
import { useSession } from '../../../app/auth/use-session';
import { formatVnd } from '../../../app/format';
import { applicantTypeLabel, channelLabel, type Dossier } from '../labels';
import { ProcedureSelect } from '../shared/procedure-select';
import { ApplicantFields } from './applicant-fields';
import { AppointmentPreview } from './appointment-preview';
import { DocumentChecklist } from './document-checklist';
import {
  applyIntakeProblem,
  defaultDocumentRow,
  intakeRequest,
  newIdempotencyKey,
  type IntakeChannel,
  type IntakeValues,
} from './intake-request';
import { IntakeResult } from './intake-result';
import { useReceiveDossier } from './use-receive-dossier';

type PublicProcedure = Schemas['ProcedureResponse'];

const INTAKE_CHANNELS: readonly IntakeChannel[] = ['DIRECT', 'POSTAL'];

const INITIAL_VALUES: IntakeValues = {
  channel: 'DIRECT',
  applicant: { type: 'INDIVIDUAL', identifiers: [{ type: 'CCCD', value: '' }] },
  documents: [],
};

/** Tiếp nhận: receive a dossier at the counter, then hand the citizen the receipt (Mẫu 01). */
export function IntakePage() {
  const [received, setReceived] = useState<Dossier>();
  // A new form (and a new Idempotency-Key) for each dossier.
  const [round, setRound] = useState(0);
  if (received) {
    return (
      <IntakeResult
        dossier={received}
        onNext={() => {
          setReceived(undefined);
          setRound((n) => n + 1);
        }}
      />
    );
  }
  return <IntakeForm key={round} onReceived={setReceived} />;
}

function IntakeForm({ onReceived }: { onReceived: (dossier: Dossier) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [form] = Form.useForm<IntakeValues>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [failure, setFailure] = useState<string>();
  const [confirming, setConfirming] = useState<{ values: IntakeValues; start: string }>();
  const [previewStart, setPreviewStart] = useState(() => new Date().toISOString());
  const receive = useReceiveDossier();

  const procedureCode = Form.useWatch('procedureCode', form);
  const procedureQuery = $api.useQuery(
    'get',
    '/api/public/procedures/{code}',
    { params: { path: { code: procedureCode ?? '' } } },
    { enabled: Boolean(procedureCode) },
  );
  const procedure = procedureCode ? procedureQuery.data : undefined;

  const receptionPoints = $api.useQuery('get', '/api/agencies', { params: { query: { receptionPoint: true } } });
  const points = receptionPoints.data ?? [];

  // The official's own reception point by default (or the only one in their scope).
  useEffect(() => {
    if (!points.length || form.getFieldValue('receivingAgencyId')) return;
    const own = points.find((agency) => agency.id === user?.agencyId) ?? (points.length === 1 ? points[0] : undefined);
    if (own) form.setFieldValue('receivingAgencyId', own.id);
  }, [points, user?.agencyId, form]);

  // A new procedure brings its own checklist, unticked, and a fresh appointment preview.
  const loadedCode = useRef<string>(undefined);
  useEffect(() => {
    if (!procedure || loadedCode.current === procedure.code) return;
    loadedCode.current = procedure.code;
    form.setFieldValue('documents', procedure.documents.map(defaultDocumentRow));
    setPreviewStart(new Date().toISOString());
  }, [procedure, form]);

  const review = (values: IntakeValues) => {
    setFailure(undefined);
    if (!procedure) return;
    // The appointment is computed again at confirmation: the clock starts when the dossier is received.
    setConfirming({ values, start: new Date().toISOString() });
  };

  // A second click lands before React re-renders the button as loading: the ref stops it here,
  // and the Idempotency-Key stops it at the API should it get through.
  const sending = useRef(false);
  const send = () => {
    if (!confirming || !procedure || sending.current) return;
    sending.current = true;
    receive.mutate(
      { body: intakeRequest(confirming.values, procedure), params: { header: { 'Idempotency-Key': idempotencyKey } } },
      {
        onSuccess: (dossier) => {
          setConfirming(undefined);
          onReceived(dossier);
        },
        onError: (error) => {
          setConfirming(undefined);
          setFailure(applyIntakeProblem(form, error, procedure));
        },
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  };

  return (
    <Form<IntakeValues>
      form={form}
      layout="vertical"
      initialValues={INITIAL_VALUES}
      onFinish={review}
      scrollToFirstError
      data-testid="intake-form"
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            {failure && (
              <Alert type="error" showIcon message={failure} closable onClose={() => setFailure(undefined)} data-testid="intake-error" />
            )}
            <Card title={t('dossiers.intake.procedureCard')} size="small">
              <Form.Item
                label={t('dossiers.intake.procedure')}
                name="procedureCode"
                rules={[{ required: true, message: t('dossiers.intake.procedureRequired') }]}
              >
                <ProcedureSelect publishedOnly data-testid="intake-procedure" />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={14}>
                  <Form.Item
                    label={t('dossiers.intake.receivingAgency')}
                    name="receivingAgencyId"
                    rules={[{ required: true, message: t('dossiers.intake.receivingAgencyRequired') }]}
                  >
                    <Select
                      loading={receptionPoints.isLoading}
                      options={points.map((agency) => ({ value: agency.id, label: agency.name }))}
                      showSearch
                      optionFilterProp="label"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item label={t('dossiers.intake.channel')} name="channel">
                    <Radio.Group optionType="button" options={INTAKE_CHANNELS.map((value) => ({ value, label: channelLabel(value) }))} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card title={t('dossiers.intake.applicantCard')} size="small">
              <ApplicantFields />
            </Card>

            <Card title={t('dossiers.intake.documentsCard')} size="small">
              {procedureCode && procedureQuery.isLoading && <Skeleton active />}
              {procedure ? (
                <DocumentChecklist documents={procedure.documents} />
              ) : (
                !procedureQuery.isLoading && (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dossiers.intake.chooseProcedureFirst')} />
                )
              )}
              <Form.Item label={t('dossiers.intake.note')} name="note" style={{ marginTop: 16, marginBottom: 0 }}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </Card>
          </Flex>
        </Col>

        <Col xs={24} xl={8}>
          <div style={{ position: 'sticky', top: 16 }}>
            <ProcedureSummaryCard
              procedure={procedure}
              previewStart={previewStart}
              onRecompute={() => setPreviewStart(new Date().toISOString())}
            />
            {/* Not a submit button: Enter in a field must not open the confirmation by accident. */}
            <Button
              type="primary"
              size="large"
              block
              onClick={() => form.submit()}
              disabled={!procedure}
              style={{ marginTop: 16 }}
              data-testid="intake-submit"
            >
              {t('dossiers.intake.submit')}
            </Button>
          </div>
        </Col>
      </Row>

      {confirming && procedure && (
        <Modal
          open
          title={t('dossiers.intake.confirmTitle')}
          okText={t('dossiers.intake.confirm')}
          cancelText={t('dossiers.intake.back')}
          onOk={send}
          onCancel={() => !receive.isPending && setConfirming(undefined)}
          okButtonProps={{ loading: receive.isPending, disabled: receive.isPending }}
          maskClosable={false}
          width={560}
        >
          <ConfirmSummary
            values={confirming.values}
            procedure={procedure}
            start={confirming.start}
            receivingAgency={points.find((a) => a.id === confirming.values.receivingAgencyId)?.name}
          />
        </Modal>
      )}
    </Form>
  );
}

function ProcedureSummaryCard({
  procedure,
  previewStart,
  onRecompute,
}: {
  procedure: PublicProcedure | undefined;
  previewStart: string;
  onRecompute: () => void;
}) {
  const { t } = useTranslation();
  if (!procedure) {
    return (
      <Card size="small" title={t('dossiers.intake.summaryCard')}>
        <Typography.Text type="secondary">{t('dossiers.intake.chooseProcedureFirst')}</Typography.Text>
      </Card>
    );
  }
  return (
    <Card size="small" title={t('dossiers.intake.summaryCard')} data-testid="intake-summary">
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {procedure.name}
      </Typography.Paragraph>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('dossiers.intake.competentAgency')}>
          {procedure.competentAgencyName ?? t('dossiers.intake.localCompetent')}
        </Descriptions.Item>
        <Descriptions.Item label={t('dossiers.intake.processingTime')}>
          {t(`dossiers.durations.${procedure.processingUnit}`, { count: procedure.processingAmount })}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{t('dossiers.intake.fees')}</Typography.Text>
      <List
        size="small"
        dataSource={procedure.fees}
        locale={{ emptyText: t('dossiers.intake.noFees') }}
        renderItem={(fee) => (
          <List.Item style={{ paddingInline: 0 }}>
            <div>
              <Flex justify="space-between" gap={8}>
                <span>{fee.name}</span>
                <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                  {formatVnd(fee.amount)}
                </Typography.Text>
              </Flex>
              {fee.note && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fee.note}
                </Typography.Text>
              )}
            </div>
          </List.Item>
        )}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('dossiers.intake.appointment')}</Typography.Text>
        <Button size="small" type="text" icon={<ReloadOutlined />} onClick={onRecompute} aria-label={t('dossiers.intake.recompute')} />
      </Flex>
      <AppointmentPreview procedure={procedure} start={previewStart} />
    </Card>
  );
}

function ConfirmSummary({
  values,
  procedure,
  start,
  receivingAgency,
}: {
  values: IntakeValues;
  procedure: PublicProcedure;
  start: string;
  receivingAgency?: string;
}) {
  const { t } = useTranslation();
  const request = intakeRequest(values, procedure);
  const applicant = request.applicant;
  return (
    <div data-testid="intake-confirm">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('dossiers.intake.procedure')}>
          {procedure.code} – {procedure.name}
        </Descriptions.Item>
        {receivingAgency && <Descriptions.Item label={t('dossiers.intake.receivingAgency')}>{receivingAgency}</Descriptions.Item>}
        <Descriptions.Item label={t('dossiers.intake.applicant')}>
          {/* The counter form always sends the applicant's data (never a bare party id). */}
          {applicant.fullName ?? applicant.name} ({applicantTypeLabel(applicant.type ?? 'INDIVIDUAL')})
          {(applicant.identifiers ?? []).map((identifier) => (
            <div key={`${identifier.type}-${identifier.value}`}>
              <Typography.Text type="secondary">{t(`dossiers.identifierTypes.${identifier.type}`)}: </Typography.Text>
              {identifier.value}
            </div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('dossiers.intake.documentsReceived')}>
          {t('dossiers.intake.documentsCount', { count: request.documents.length, total: procedure.documents.length })}
        </Descriptions.Item>
        <Descriptions.Item label={t('dossiers.intake.appointment')}>
          <AppointmentPreview procedure={procedure} start={start} />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('dossiers.intake.confirmHint')}
      </Typography.Paragraph>
    </div>
  );
}

import { CheckCircleOutlined, CopyOutlined, EditOutlined, LeftOutlined, SaveOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { isProblem, type Schemas } from '@motcua/api-client';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Result,
  Segmented,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { $api, errorMessage } from '../../app/api';
import { useSession } from '../../app/auth/use-session';
import { applyProblemToForm } from '../../app/form-errors';
import { formatDate, formatVietnamDateTime } from '../../app/format';
import { durationLabel, procedureLevelLabel, REGIME_COLORS, regimeLabel, STATUS_COLORS, statusLabel } from './labels';
import { DocumentsEditor, DocumentsTable, FeesEditor, FeesTable } from './list-editors';
import { LegalBasisField, ProcedureGeneralFields } from './procedure-general-fields';
import { definitionOf, formValuesOf, PROCEDURE_FIELDS, type ProcedureFormValues } from './procedure-form-values';
import { StepsEditor, StepsTable } from './steps-editor';
import { useCreateProcedureVersion, usePublishProcedure, useRetireProcedure, useUpdateProcedure } from './use-procedure-mutations';

type Procedure = Schemas['ProcedureResponse'];
type TabKey = 'general' | 'documents' | 'fees' | 'legal' | 'steps';

/** The tab holding each form field, to show the first error where it is. */
const TAB_OF_FIELD: Record<string, TabKey> = { documents: 'documents', fees: 'fees', legalBasis: 'legal', steps: 'steps' };
const tabOf = (name: string | number | undefined): TabKey => TAB_OF_FIELD[String(name)] ?? 'general';

/** /thu-tuc/:id — one version of a procedure: switch versions, edit a draft, publish, retire, copy. */
export function ProcedureDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const canManage = can('procedures:manage');
  const [tab, setTab] = useState<TabKey>('general');
  const [dirtyKey, setDirtyKey] = useState<string>();
  const query = $api.useQuery('get', '/api/procedures/{id}', { params: { path: { id } } }, { meta: { silentErrors: true } });

  if (query.isLoading)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (!query.data) {
    const notFound = isProblem(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <Card>
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t('procedures.notFound') : t('errors.generic')}
          subTitle={notFound ? undefined : errorMessage(query.error)}
          extra={<Link to="/thu-tuc">{t('procedures.backToList')}</Link>}
        />
      </Card>
    );
  }

  const procedure = query.data;
  const versionKey = `${procedure.id}:${procedure.version}`;
  const editable = canManage && procedure.status === 'DRAFT';
  const dirty = dirtyKey === versionKey;

  return (
    <Flex vertical gap={16}>
      <ProcedureHeader procedure={procedure} canManage={canManage} dirty={dirty} />
      <Card>
        {editable ? (
          <DraftEditor
            key={versionKey}
            procedure={procedure}
            tab={tab}
            onTab={setTab}
            dirty={dirty}
            onDirty={(isDirty) => setDirtyKey(isDirty ? versionKey : undefined)}
            onReload={() => void query.refetch()}
          />
        ) : (
          <>
            {canManage && procedure.status !== 'DRAFT' && (
              <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('procedures.readOnlyNotice')} />
            )}
            <ProcedureView procedure={procedure} tab={tab} onTab={setTab} />
          </>
        )}
      </Card>
    </Flex>
  );
}

function ProcedureHeader({ procedure, canManage, dirty }: { procedure: Procedure; canManage: boolean; dirty: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const newVersion = useCreateProcedureVersion();
  const publish = usePublishProcedure();
  const retire = useRetireProcedure();
  const versions = [...procedure.versions].sort((a, b) => a.versionNo - b.versionNo);
  const draft = versions.find((version) => version.status === 'DRAFT');
  const published = versions.find((version) => version.status === 'PUBLISHED');

  const confirmPublish = () =>
    modal.confirm({
      title: t('procedures.publishConfirmTitle', { code: procedure.code, version: procedure.versionNo }),
      content: (
        <>
          <p>{t('procedures.publishConfirm')}</p>
          {published && <p>{t('procedures.publishReplaces', { version: published.versionNo })}</p>}
        </>
      ),
      okText: t('procedures.publish'),
      cancelText: t('common.cancel'),
      onOk: () =>
        publish.mutateAsync({ params: { path: { id: procedure.id } }, body: { version: procedure.version } }).catch(() => undefined),
    });

  const confirmRetire = () =>
    modal.confirm({
      title: t('procedures.retireConfirmTitle', { code: procedure.code }),
      content: t('procedures.retireConfirm'),
      okText: t('procedures.retire'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        retire.mutateAsync({ params: { path: { id: procedure.id } }, body: { version: procedure.version } }).catch(() => undefined),
    });

  const confirmNewVersion = () =>
    modal.confirm({
      title: t('procedures.newVersionConfirmTitle'),
      content: t('procedures.newVersionConfirm', { version: procedure.versionNo }),
      okText: t('procedures.newVersion'),
      cancelText: t('common.cancel'),
      onOk: () =>
        newVersion
          .mutateAsync({ params: { path: { id: procedure.id } } })
          .then((created) => navigate(`/thu-tuc/${created.id}`))
          .catch(() => undefined),
    });

  return (
    <Card>
      <Link to="/thu-tuc">
        <LeftOutlined /> {t('nav.procedures')}
      </Link>
      <Flex justify="space-between" align="start" gap={16} wrap style={{ marginTop: 8 }}>
        <Flex vertical gap={8} style={{ flex: '1 1 480px' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {procedure.name}
          </Typography.Title>
          <Space wrap size={[8, 4]}>
            <Typography.Text code>{procedure.code}</Typography.Text>
            <Tag color={STATUS_COLORS[procedure.status]} data-testid="procedure-status">
              {statusLabel(procedure.status)}
            </Tag>
            <Tag color={REGIME_COLORS[procedure.onlineRegime]}>{regimeLabel(procedure.onlineRegime)}</Tag>
            <Typography.Text type="secondary">
              {[
                procedure.field,
                procedureLevelLabel(procedure.level),
                durationLabel(procedure.processingAmount, procedure.processingUnit),
              ].join(' · ')}
            </Typography.Text>
          </Space>
        </Flex>
        {canManage && (
          <Space wrap>
            {procedure.status === 'DRAFT' && (
              <Tooltip title={dirty ? t('procedures.saveBeforePublish') : undefined}>
                <Button
                  type="primary"
                  icon={<CheckCircleOutlined />}
                  disabled={dirty}
                  loading={publish.isPending}
                  onClick={confirmPublish}
                  data-testid="procedure-publish"
                >
                  {t('procedures.publish')}
                </Button>
              </Tooltip>
            )}
            {procedure.status === 'PUBLISHED' && (
              <Button danger icon={<StopOutlined />} loading={retire.isPending} onClick={confirmRetire} data-testid="procedure-retire">
                {t('procedures.retire')}
              </Button>
            )}
            {!draft && (
              <Button
                icon={<CopyOutlined />}
                loading={newVersion.isPending}
                onClick={confirmNewVersion}
                data-testid="procedure-new-version"
              >
                {t('procedures.newVersion')}
              </Button>
            )}
            {draft && draft.id !== procedure.id && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/thu-tuc/${draft.id}`)}>
                {t('procedures.openDraft', { version: draft.versionNo })}
              </Button>
            )}
          </Space>
        )}
      </Flex>
      {versions.length > 1 && (
        <Flex align="center" gap={12} wrap style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('procedures.versions')}</Typography.Text>
          <Segmented<string>
            data-testid="procedure-versions"
            value={procedure.id}
            onChange={(value) => navigate(`/thu-tuc/${value}`)}
            options={versions.map((version) => ({
              value: version.id,
              label: t('procedures.versionLabel', { version: version.versionNo, status: statusLabel(version.status) }),
            }))}
          />
        </Flex>
      )}
    </Card>
  );
}

/** Any version, read-only. */
function ProcedureView({ procedure, tab, onTab }: { procedure: Procedure; tab: TabKey; onTab: (tab: TabKey) => void }) {
  const { t } = useTranslation();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const general = (
    <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
      <Descriptions.Item label={t('procedures.code')}>{procedure.code}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.versionNo')}>{procedure.versionNo}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.name')} span={2}>
        {procedure.name}
      </Descriptions.Item>
      <Descriptions.Item label={t('procedures.field')}>{procedure.field}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.level')}>{procedureLevelLabel(procedure.level)}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.competentAgency')} span={2}>
        {procedure.competentAgencyName ?? t('procedures.receivingLocalAgency')}
      </Descriptions.Item>
      <Descriptions.Item label={t('procedures.processingTime')}>
        {durationLabel(procedure.processingAmount, procedure.processingUnit)}
      </Descriptions.Item>
      <Descriptions.Item label={t('procedures.regime')}>{regimeLabel(procedure.onlineRegime)}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.paperResultRequired')}>{yesNo(procedure.paperResultRequired)}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.electronicResultAllowed')}>{yesNo(procedure.electronicResultAllowed)}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.pauseClockOnPayment')}>{yesNo(procedure.pauseClockOnPayment)}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.publishedAt')}>{formatVietnamDateTime(procedure.publishedAt) || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.validFrom')}>{formatDate(procedure.validFrom) || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('procedures.validTo')}>{formatDate(procedure.validTo) || '—'}</Descriptions.Item>
    </Descriptions>
  );
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => onTab(key as TabKey)}
      items={[
        { key: 'general', label: t('procedures.tabGeneral'), children: general },
        {
          key: 'documents',
          label: t('procedures.tabDocuments', { count: procedure.documents.length }),
          children: <DocumentsTable documents={procedure.documents} />,
        },
        { key: 'fees', label: t('procedures.tabFees'), children: <FeesTable fees={procedure.fees} /> },
        {
          key: 'legal',
          label: t('procedures.tabLegal'),
          children: procedure.legalBasis ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{procedure.legalBasis}</Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('procedures.noLegalBasis')}</Typography.Text>
          ),
        },
        {
          key: 'steps',
          label: t('procedures.tabSteps', { count: procedure.steps.length }),
          children: <StepsTable procedure={procedure} />,
        },
      ]}
    />
  );
}

interface DraftEditorProps {
  procedure: Procedure;
  tab: TabKey;
  onTab: (tab: TabKey) => void;
  dirty: boolean;
  onDirty: (dirty: boolean) => void;
  onReload: () => void;
}

/** A draft version: every field, its lists and its process template, saved together with the version read. */
function DraftEditor({ procedure, tab, onTab, dirty, onDirty, onReload }: DraftEditorProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProcedureFormValues>();
  const [failure, setFailure] = useState<string>();
  const [stale, setStale] = useState(false);
  const update = useUpdateProcedure();

  const showFirstError = (names: Array<string | number> | undefined) => {
    if (names?.length) onTab(tabOf(names[0]));
  };

  const submit = (values: ProcedureFormValues) => {
    setFailure(undefined);
    update.mutate(
      { params: { path: { id: procedure.id } }, body: { version: procedure.version, ...definitionOf(values) } },
      {
        onSuccess: () => onDirty(false),
        onError: (error) => {
          if (isProblem(error) && error.code === 'STALE_VERSION') {
            setStale(true);
            return;
          }
          setFailure(applyProblemToForm(form, error, PROCEDURE_FIELDS));
          const first = isProblem(error) ? error.errors?.[0]?.field : undefined;
          if (first) showFirstError([first.split('.')[0]]);
        },
      },
    );
  };

  return (
    <Form<ProcedureFormValues>
      form={form}
      layout="vertical"
      initialValues={formValuesOf(procedure)}
      // The whole store: tabs never opened keep their values there without registering fields.
      onFinish={() => submit(form.getFieldsValue(true) as ProcedureFormValues)}
      onFinishFailed={({ errorFields }) => showFirstError(errorFields[0]?.name)}
      onValuesChange={() => onDirty(true)}
      disabled={update.isPending}
      scrollToFirstError
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('procedures.staleTitle')}
          description={t('procedures.staleDescription')}
          action={
            <Button size="small" onClick={onReload}>
              {t('procedures.reloadLatest')}
            </Button>
          }
        />
      )}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="procedure-form-error" />}
      <Tabs
        activeKey={tab}
        onChange={(key) => onTab(key as TabKey)}
        items={[
          { key: 'general', label: t('procedures.tabGeneral'), children: <ProcedureGeneralFields withCode={false} /> },
          { key: 'documents', label: t('procedures.tabDocumentsPlain'), children: <DocumentsEditor /> },
          { key: 'fees', label: t('procedures.tabFees'), children: <FeesEditor /> },
          { key: 'legal', label: t('procedures.tabLegal'), children: <LegalBasisField /> },
          { key: 'steps', label: t('procedures.tabStepsPlain'), children: <StepsEditor /> },
        ]}
      />
      <Flex
        justify="end"
        gap={8}
        style={{
          position: 'sticky',
          bottom: 0,
          background: '#fff',
          padding: '12px 0',
          borderTop: '1px solid #f0f0f0',
          marginTop: 16,
          zIndex: 2,
        }}
      >
        {dirty && (
          <Typography.Text type="warning" style={{ alignSelf: 'center', marginInlineEnd: 'auto' }}>
            {t('procedures.unsaved')}
          </Typography.Text>
        )}
        <Button
          icon={<UndoOutlined />}
          disabled={!dirty || update.isPending}
          onClick={() => {
            form.resetFields();
            setFailure(undefined);
            onDirty(false);
          }}
        >
          {t('procedures.discard')}
        </Button>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={update.isPending}
          disabled={stale}
          data-testid="procedure-save"
        >
          {t('procedures.saveDraft')}
        </Button>
      </Flex>
    </Form>
  );
}

import { CopyOutlined, LeftOutlined, PauseCircleOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { isProblem } from '@motcua/api-client';
import type { DossierAction } from '@motcua/domain';
import { Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { $api, errorMessage } from '../../../app/api';
import { formatVietnamDateTime } from '../../../app/format';
import {
  actionLabel,
  channelLabel,
  formLabel,
  isFormNumber,
  returnMethodLabel,
  workingTimeLabel,
  type Dossier,
  type FormNumber,
  type ReturnMethod,
} from '../labels';
import { ControlSheetCard } from '../routing/control-sheet-card';
import { RouteCard } from '../routing/route-card';
import { StatusTag, TimelinessTag } from '../shared/dossier-tags';
import { usePrintForm } from '../shared/use-print-form';
import { ActionDialog } from './action-dialog';
import { ApplicantCard, DocumentsCard } from './applicant-card';
import { AttachmentsCard } from './attachments-card';
import { DossierTimeline } from './dossier-timeline';

/** The usual next step along the lifecycle: first, and in the primary colour. */
const FORWARD: ReadonlySet<DossierAction> = new Set([
  'accept',
  'forward',
  'receive-supplement',
  'confirm-payment',
  'submit-for-approval',
  'approve',
  'issue-result',
  'return-result',
  'confirm-withdrawal',
]);
/** Actions that end or divert the dossier: last, in red. */
const ENDING: ReadonlySet<DossierAction> = new Set(['refuse', 'stop', 'reject-with-reasons', 'request-withdrawal']);

function actionRank(action: DossierAction): number {
  return FORWARD.has(action) ? 0 : ENDING.has(action) ? 2 : 1;
}

/** Forms the dossier can print now: those its actions generated (from the timeline), the control sheet and its tracking-book line. */
export function printableForms(dossier: Dossier): FormNumber[] {
  const forms = new Set<FormNumber>(['06', '07']);
  for (const event of dossier.timeline) if (isFormNumber(event.form)) forms.add(event.form);
  return [...forms].sort();
}

/** /ho-so/:code — everything about one dossier and what the official may do with it now. */
export function DossierDetailPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const query = $api.useQuery('get', '/api/dossiers/{code}', { params: { path: { code } } }, { meta: { silentErrors: true } });

  if (query.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!query.data) {
    const notFound = isProblem(query.error) && query.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('dossiers.detail.notFound', { code }) : t('errors.generic')}
        subTitle={notFound ? undefined : errorMessage(query.error)}
        extra={<Link to="/ho-so">{t('dossiers.detail.backToList')}</Link>}
      />
    );
  }
  return <DossierDetail dossier={query.data} reloading={query.isFetching} onReload={() => void query.refetch()} />;
}

function DossierDetail({ dossier, reloading, onReload }: { dossier: Dossier; reloading: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [acting, setActing] = useState<DossierAction>();
  const { print, pendingForm } = usePrintForm();
  const actions = [...dossier.allowedActions].sort((a, b) => actionRank(a) - actionRank(b));
  // Only the result's issuer needs to know whether the procedure allows an electronic result.
  const procedure = $api.useQuery(
    'get',
    '/api/procedures/{id}',
    { params: { path: { id: dossier.procedureId } } },
    { enabled: actions.includes('issue-result'), meta: { silentErrors: true } },
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Button type="link" icon={<LeftOutlined />} onClick={() => navigate('/ho-so')} style={{ paddingInline: 0 }}>
          {t('dossiers.detail.backToList')}
        </Button>
        <Button icon={<ReloadOutlined />} loading={reloading} onClick={onReload}>
          {t('common.reload')}
        </Button>
      </Flex>

      <Card data-testid="dossier-header">
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div>
            <Typography.Title
              level={3}
              style={{ margin: 0 }}
              copyable={{ text: dossier.code, icon: <CopyOutlined /> }}
              data-testid="dossier-code"
            >
              {dossier.code}
            </Typography.Title>
            <Typography.Text type="secondary">
              {dossier.procedureCode} – {dossier.procedureName}
            </Typography.Text>
            <div style={{ marginTop: 8 }}>
              <Space size={[4, 4]} wrap>
                <StatusTag status={dossier.status} />
                <TimelinessTag timeliness={dossier.timeliness} />
                {dossier.clockState === 'PAUSED' && (
                  <Tag icon={<PauseCircleOutlined />} color="default">
                    {t('dossiers.detail.clockPaused')}
                  </Tag>
                )}
                <Tag>{channelLabel(dossier.channel)}</Tag>
              </Space>
            </div>
          </div>
          <ClockSummary dossier={dossier} />
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('dossiers.detail.receivingAgency')}>{dossier.receivingAgencyName}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.detail.competentAgency')}>{dossier.competentAgencyName}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.detail.submittedAt')}>{formatVietnamDateTime(dossier.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('dossiers.detail.receivedAt')}>{formatVietnamDateTime(dossier.receivedAt) || '—'}</Descriptions.Item>
          {dossier.originalDueAt && dossier.originalDueAt !== dossier.dueAt && (
            <Descriptions.Item label={t('dossiers.detail.originalDueAt')}>{formatVietnamDateTime(dossier.originalDueAt)}</Descriptions.Item>
          )}
          {dossier.apologyDueAt && (
            <Descriptions.Item label={t('dossiers.detail.apologyDueAt')}>{formatVietnamDateTime(dossier.apologyDueAt)}</Descriptions.Item>
          )}
          {dossier.finishedAt && (
            <Descriptions.Item label={t('dossiers.detail.finishedAt')}>{formatVietnamDateTime(dossier.finishedAt)}</Descriptions.Item>
          )}
          {dossier.returnMethod && (
            <Descriptions.Item label={t('dossiers.detail.returnMethod')}>
              {returnMethodLabel(dossier.returnMethod as ReturnMethod)}
            </Descriptions.Item>
          )}
          {dossier.electronicResult && (
            <Descriptions.Item label={t('dossiers.detail.electronicResult')}>{t('common.yes')}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('dossiers.detail.lookupSecret')}>
            <Typography.Text code copyable data-testid="dossier-secret">
              {dossier.lookupSecret}
            </Typography.Text>
          </Descriptions.Item>
          {dossier.note && <Descriptions.Item label={t('dossiers.detail.note')}>{dossier.note}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card size="small" title={t('dossiers.detail.actions')} data-testid="dossier-actions">
        <Flex wrap gap={8}>
          {actions.map((action) => (
            <Button
              key={action}
              type={FORWARD.has(action) ? 'primary' : 'default'}
              danger={ENDING.has(action)}
              onClick={() => setActing(action)}
              data-testid={`action-${action}`}
            >
              {actionLabel(action)}
            </Button>
          ))}
          {!actions.length && <Typography.Text type="secondary">{t('dossiers.detail.noActions')}</Typography.Text>}
        </Flex>
        <Flex wrap gap={8} style={{ marginTop: 12 }} align="center">
          <Typography.Text type="secondary">{t('dossiers.detail.print')}</Typography.Text>
          {printableForms(dossier).map((form) => (
            <Button
              key={form}
              size="small"
              icon={<PrinterOutlined />}
              loading={pendingForm === form}
              onClick={() => print({ code: dossier.code, form })}
              title={formLabel(form)}
              data-testid={`print-form-${form}`}
            >
              {t('dossiers.forms.short', { form })}
            </Button>
          ))}
        </Flex>
      </Card>

      <RouteCard dossier={dossier} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <ApplicantCard applicant={dossier.applicant} />
            <DocumentsCard documents={dossier.documents} />
            <AttachmentsCard code={dossier.code} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('dossiers.detail.timeline')}>
            {dossier.timeline.length ? <DossierTimeline events={dossier.timeline} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
        </Col>
      </Row>

      {dossier.steps.length > 0 && <ControlSheetCard code={dossier.code} />}

      <ActionDialog
        dossier={dossier}
        action={acting}
        electronicResultAllowed={procedure.data?.electronicResultAllowed}
        onClose={() => setActing(undefined)}
      />
    </Flex>
  );
}

/** Due time and working time left, the two figures an official looks at first. */
function ClockSummary({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const due = dossier.apologyDueAt ?? dossier.dueAt;
  const left = dossier.workingMinutesLeft;
  const open = dossier.clockState === 'RUNNING' || dossier.clockState === 'PAUSED';
  return (
    <Flex vertical align="end" gap={4} data-testid="dossier-clock">
      <Typography.Text type="secondary">{t('dossiers.detail.dueAt')}</Typography.Text>
      <Typography.Text strong style={{ fontSize: 18 }} data-testid="dossier-due">
        {formatVietnamDateTime(due) || '—'}
      </Typography.Text>
      {open && left !== null && (
        <Typography.Text type={left < 0 ? 'danger' : undefined} data-testid="dossier-time-left">
          {left < 0
            ? t('dossiers.detail.overdueBy', { time: workingTimeLabel(left) })
            : t('dossiers.detail.timeLeft', { time: workingTimeLabel(left) })}
        </Typography.Text>
      )}
      {dossier.workingMinutesUsed !== null && dossier.budgetMinutes > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dossiers.detail.used', {
            used: workingTimeLabel(dossier.workingMinutesUsed),
            budget: workingTimeLabel(dossier.budgetMinutes),
          })}
        </Typography.Text>
      )}
    </Flex>
  );
}

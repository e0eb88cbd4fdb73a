import { Alert, Button, Card, Col, Descriptions, Flex, Row, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth/use-session';
import { formatVietnamDateTime } from '../../../app/format';
import {
  STEP_STATUS_COLORS,
  stepActionLabel,
  stepStatusLabel,
  workingTimeLabel,
  type Dossier,
  type DossierStep,
  type StepAction,
} from '../labels';
import { TimelinessTag } from '../shared/dossier-tags';
import { StepActionDialog, type DialogStepAction } from './step-action-dialog';
import { completedByDossierAction, stepActionsFor, type StepViewer } from './step-actions';
import { useStepAction } from './use-step-action';

const DIALOG_ACTIONS: ReadonlySet<StepAction> = new Set(['return', 'assign', 'complete']);
const PRIMARY_ACTIONS: ReadonlySet<StepAction> = new Set(['accept', 'complete', 'resend']);

/** The route's stages in order; the steps of one stage run side by side. */
export function stagesOf(steps: readonly DossierStep[]): DossierStep[][] {
  const byStage = new Map<number, DossierStep[]>();
  for (const step of [...steps].sort((a, b) => a.stage - b.stage || a.seq - b.seq)) {
    byStage.set(step.stage, [...(byStage.get(step.stage) ?? []), step]);
  }
  return [...byStage.values()];
}

/**
 * The dot of a stage: green when all is done, red when a step is late, orange when one was sent
 * back, blue while at work, grey before its turn and when the dossier's stop cancelled it
 * (a cancelled step has no timeliness). Plain colours: the theme's primary is red.
 */
function stageColor(stage: DossierStep[]): string {
  if (stage.some((step) => step.timeliness === 'OVERDUE' || step.timeliness === 'LATE')) return '#cf1322';
  if (stage.some((step) => step.status === 'RETURNED')) return '#fa8c16';
  if (stage.every((step) => step.status === 'DONE')) return '#52c41a';
  const closed = stage.every((step) => step.status === 'DONE' || step.status === 'CANCELLED');
  if (closed || stage.every((step) => step.status === 'PENDING')) return '#bfbfbf';
  return '#1677ff';
}

/** "Quy trình xử lý": the route across agencies, stage by stage, with what each official may do on each step. */
export function RouteCard({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const { user, can } = useSession();
  const [dialog, setDialog] = useState<{ step: DossierStep; action: DialogStepAction }>();
  const direct = useStepAction();
  const viewer: StepViewer | undefined = user && {
    id: user.id,
    agencyId: user.agencyId,
    agencyName: user.agencyName,
    username: user.username,
    fullName: user.fullName,
    can,
  };
  const stages = stagesOf(dossier.steps);

  const act = (step: DossierStep, action: StepAction) => {
    if (DIALOG_ACTIONS.has(action)) setDialog({ step, action: action as DialogStepAction });
    else direct.mutate({ params: { path: { code: dossier.code, stepId: step.id, action } }, body: {} });
  };
  const pendingOf = (step: DossierStep): StepAction | undefined =>
    direct.isPending && direct.variables?.params.path.stepId === step.id ? direct.variables.params.path.action : undefined;

  return (
    <Card size="small" title={t('dossiers.route.title')} data-testid="dossier-route">
      {stages.length === 0 ? (
        <Typography.Text type="secondary">{t('dossiers.route.empty')}</Typography.Text>
      ) : (
        <Timeline
          items={stages.map((stage, index) => ({
            key: stage[0].stage,
            color: stageColor(stage),
            children: (
              <div data-testid={`route-stage-${index + 1}`}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('dossiers.route.stage', { n: index + 1 })}
                  {stage.length > 1 ? ` · ${t('dossiers.route.parallel')}` : ''}
                </Typography.Text>
                <Row gutter={[12, 12]} style={{ marginTop: 4 }}>
                  {stage.map((step) => (
                    <Col key={step.id} xs={24} lg={stage.length > 1 ? 12 : 24}>
                      <StepCard
                        step={step}
                        actions={viewer ? stepActionsFor(step, dossier, viewer) : []}
                        byDossierAction={completedByDossierAction(step, dossier)}
                        pending={pendingOf(step)}
                        busy={direct.isPending}
                        onAct={(action) => act(step, action)}
                      />
                    </Col>
                  ))}
                </Row>
              </div>
            ),
          }))}
        />
      )}
      <StepActionDialog code={dossier.code} step={dialog?.step} action={dialog?.action} onClose={() => setDialog(undefined)} />
    </Card>
  );
}

interface StepCardProps {
  step: DossierStep;
  actions: StepAction[];
  byDossierAction: boolean;
  pending: StepAction | undefined;
  busy: boolean;
  onAct: (action: StepAction) => void;
}

/**
 * Who sent, accepted and completed the step and when; its time used against its budget and its due time.
 * A cancelled step (the dossier was stopped or withdrawn) is closed but not done: when and by whom it
 * stopped and why (its note), with no due time, timeliness or buttons.
 */
function StepCard({ step, actions, byDossierAction, pending, busy, onAct }: StepCardProps) {
  const { t } = useTranslation();
  const open = step.status === 'SENT' || step.status === 'ACCEPTED';
  const cancelled = step.status === 'CANCELLED';
  const byAt = (at: string | null, by: string | null) =>
    by ? t('dossiers.route.byAt', { at: formatVietnamDateTime(at), by }) : formatVietnamDateTime(at);
  const overBudget = !cancelled && step.workingMinutesUsed !== null && step.workingMinutesUsed > step.budgetMinutes;
  // Who had it matters while it is open or sent back; on a cancelled step only if someone had taken it.
  const showAssignee = open || step.status === 'RETURNED' || (cancelled && step.assigneeName !== null);

  return (
    <Card
      size="small"
      type="inner"
      data-testid={`route-step-${step.seq}`}
      data-status={step.status}
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
          {step.name}
        </Typography.Text>
      }
      extra={
        <Tag color={STEP_STATUS_COLORS[step.status]} data-testid="step-status" style={{ marginInlineEnd: 0 }}>
          {stepStatusLabel(step.status)}
        </Tag>
      }
      styles={{ header: { paddingBlock: 8 } }}
    >
      <Typography.Text strong data-testid="step-agency">
        {step.agencyName}
      </Typography.Text>
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        {showAssignee && (
          <Descriptions.Item label={t('dossiers.route.assignee')}>
            {step.assigneeName ?? <Typography.Text type="secondary">{t('dossiers.route.unassigned')}</Typography.Text>}
          </Descriptions.Item>
        )}
        {step.sentAt && (
          <Descriptions.Item label={t('dossiers.route.sent')}>
            {byAt(step.sentAt, step.sentByName)}
            {step.sentFromAgencyName && step.sentFromAgencyName !== step.agencyName
              ? ` (${t('dossiers.route.from', { agency: step.sentFromAgencyName })})`
              : ''}
          </Descriptions.Item>
        )}
        {step.acceptedAt && (
          <Descriptions.Item label={t('dossiers.route.accepted')}>{byAt(step.acceptedAt, step.acceptedByName)}</Descriptions.Item>
        )}
        {step.returnedAt && (
          <Descriptions.Item label={t('dossiers.route.returned')}>{formatVietnamDateTime(step.returnedAt)}</Descriptions.Item>
        )}
        {step.completedAt && (
          <Descriptions.Item label={t(cancelled ? 'dossiers.route.cancelled' : 'dossiers.route.completed')}>
            <span data-testid="step-completed">{byAt(step.completedAt, step.completedByName)}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('dossiers.route.time')}>
          <Typography.Text type={overBudget ? 'danger' : undefined} data-testid="step-time">
            {step.workingMinutesUsed === null
              ? t('dossiers.route.budget', { budget: workingTimeLabel(step.budgetMinutes) })
              : t('dossiers.route.used', { used: workingTimeLabel(step.workingMinutesUsed), budget: workingTimeLabel(step.budgetMinutes) })}
          </Typography.Text>
        </Descriptions.Item>
        {step.dueAt && !cancelled && (
          <Descriptions.Item label={t('dossiers.route.dueAt')}>
            <Flex gap={6} wrap align="center">
              <span>{formatVietnamDateTime(step.dueAt)}</span>
              <TimelinessTag timeliness={step.timeliness} />
            </Flex>
          </Descriptions.Item>
        )}
        {step.note && (
          <Descriptions.Item label={t(cancelled ? 'dossiers.route.cancelReason' : 'dossiers.route.note')}>
            <span data-testid="step-note">{step.note}</span>
          </Descriptions.Item>
        )}
        {step.returnReason && step.status !== 'RETURNED' && (
          <Descriptions.Item label={t('dossiers.route.returnReason')}>{step.returnReason}</Descriptions.Item>
        )}
      </Descriptions>
      {step.returnReason && step.status === 'RETURNED' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={t('dossiers.route.returnReason')}
          description={step.returnReason}
          data-testid="step-return-reason"
        />
      )}
      {actions.length > 0 && !cancelled && (
        <Flex wrap gap={8} style={{ marginTop: 12 }}>
          {actions.map((action) => (
            <Button
              key={action}
              size="small"
              type={PRIMARY_ACTIONS.has(action) ? 'primary' : 'default'}
              danger={action === 'return'}
              loading={pending === action}
              disabled={busy && pending !== action}
              onClick={() => onAct(action)}
              data-testid={`step-${step.seq}-${action}`}
            >
              {stepActionLabel(action)}
            </Button>
          ))}
        </Flex>
      )}
      {open && byDossierAction && actions.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('dossiers.route.byDossierAction')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

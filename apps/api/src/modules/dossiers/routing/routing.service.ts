import { classifyFinished, dueSoonAfterMinutes, templateStages, type DossierAction, type Role, type WorkingCalendar } from '@motcua/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ActorContext } from '../../../common/auth/actor';
import { isAgencyPathInScope } from '../../../common/auth/agency-scope';
import type { Principal } from '../../../common/auth/principal';
import { ProblemException } from '../../../common/problem/problem';
import { validationProblem } from '../../../common/problem/validation';
import { AuditService } from '../../audit/audit.service';
import { ProcedureStep } from '../../catalog/entities/procedure-step.entity';
import { NotificationsService } from '../../notifications/notifications.service';
import type { OutboxEventType } from '../../integration/integration-events';
import { OutboxService } from '../../integration/outbox.service';
import { DossierEvent } from '../entities/dossier-event.entity';
import type { Dossier } from '../entities/dossier.entity';
import { DossierStep } from './dossier-step.entity';

/** Handovers the consulted agencies' portals hear of (the step's agency is added to the event's scope). */
const STEP_EVENT_TYPES: Record<string, OutboxEventType | undefined> = {
  'step-send': 'dossier.step-sent',
  'step-accept': 'dossier.step-accepted',
  'step-return': 'dossier.step-returned',
  'step-complete': 'dossier.step-completed',
};
/** Who is told that a step arrived at an agency: its leaders always, and the step's own role. */
const LEADERS: Role[] = ['LEADER'];

interface AgencyRef {
  id: string;
  name: string;
  path: string;
}

/** The dossier, its route and the agencies on it, loaded under the dossier's row lock. */
export interface Route {
  dossier: Dossier;
  steps: DossierStep[];
  agencies: Map<string, AgencyRef>;
}

function conflict(code: string, detail: string): ProblemException {
  return new ProblemException({ status: 409, code, title: 'Conflict', detail });
}

function stepNotFound(): ProblemException {
  return new ProblemException({
    status: 404,
    code: 'NOT_FOUND',
    title: 'Not found',
    detail: 'Không có bước xử lý này trong phạm vi của bạn.',
  });
}

/** Who did it, as Form 06 and the route show it: the officer's full name. */
const officerName = (actor: ActorContext): string | null => actor.principal?.displayName ?? actor.principal?.name ?? null;

export const isOpen = (s: DossierStep) => s.status === 'SENT' || s.status === 'ACCEPTED' || s.status === 'RETURNED';

/**
 * One-stop and inter-agency routing (DOMAIN §2–§4): the process template becomes step tasks when a
 * dossier is forwarded; stages open one after another (a parallel group together) and every
 * handover is timed against the step's budget. The dossier's own transitions stay the authority
 * on its status; they are allowed only where the route is (see `checkAction`) and advance it.
 * Every method runs inside the caller's transaction, under the dossier's row lock.
 */
@Injectable()
export class RoutingService {
  constructor(
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
  ) {}

  async load(tx: EntityManager, dossier: Dossier): Promise<Route> {
    const steps = await tx.find(DossierStep, { where: { dossierId: dossier.id }, order: { seq: 'ASC' } });
    const ids = [...new Set([dossier.receivingAgencyId, dossier.competentAgencyId, ...steps.map((s) => s.agencyId)])];
    const rows: AgencyRef[] = await tx.query('SELECT id, name, path FROM agencies WHERE id = ANY($1)', [ids]);
    return { dossier, steps, agencies: new Map(rows.map((a) => [a.id, a])) };
  }

  /**
   * Forwarding makes the route: leading reception steps are done by the forwarding officer, the
   * next stage is sent. Returns a warning when the steps' budgets do not fit before the due time.
   */
  async materialize(tx: EntityManager, actor: ActorContext, dossier: Dossier, calendar: WorkingCalendar, now: Date): Promise<string[]> {
    const template = await tx.find(ProcedureStep, { where: { procedureId: dossier.procedureId }, order: { seq: 'ASC' } });
    if (!template.length) return [];
    const stages = templateStages(template.map((t) => ({ ...t, budgetHours: t.budgetMinutes / 60 })));
    const steps: DossierStep[] = [];
    stages.forEach((stage, stageIndex) =>
      stage.forEach((t) =>
        steps.push(
          tx.create(DossierStep, {
            dossierId: dossier.id,
            leadAgencyId: dossier.competentAgencyId,
            seq: t.seq,
            stage: stageIndex,
            name: t.name,
            actor: t.actor,
            agencyId:
              t.actor === 'RECEIVING'
                ? dossier.receivingAgencyId
                : t.actor === 'COMPETENT'
                  ? dossier.competentAgencyId
                  : (t.agencyId as string),
            role: t.role,
            budgetMinutes: t.budgetMinutes,
            parallelGroup: t.parallelGroup,
            status: 'PENDING',
          }),
        ),
      ),
    );
    const name = officerName(actor);
    // The reception steps at the head of the route are what the desk did before forwarding.
    let firstOpen = 0;
    while (firstOpen < stages.length && steps.filter((s) => s.stage === firstOpen).every((s) => s.actor === 'RECEIVING')) {
      for (const step of steps.filter((s) => s.stage === firstOpen)) {
        Object.assign(step, {
          status: 'DONE',
          sentAt: dossier.receivedAt,
          acceptedAt: dossier.receivedAt,
          acceptedByName: name,
          completedAt: now,
          completedByName: name,
        });
        step.dueAt = dossier.receivedAt ? calendar.addWorkingMinutes(dossier.receivedAt, step.budgetMinutes) : null;
        step.timeliness = step.dueAt ? classifyFinished(now, step.dueAt) : null;
      }
      firstOpen++;
    }
    const saved = await tx.save(steps);
    const route = await this.load(tx, dossier);
    route.steps = saved.sort((a, b) => a.seq - b.seq);
    if (firstOpen < stages.length) await this.openStage(tx, actor, route, firstOpen, dossier.receivingAgencyId, calendar, now);

    // Sequential stages add up, parallel steps overlap (DOMAIN §3); compare with the dossier's due time.
    const remaining = stages.slice(firstOpen).reduce((sum, stage) => sum + Math.max(...stage.map((s) => s.budgetMinutes)), 0);
    if (dossier.dueAt && remaining > 0 && calendar.addWorkingMinutes(now, remaining) > dossier.dueAt) {
      return ['Tổng thời gian các bước còn lại vượt quá thời hạn trả kết quả của hồ sơ.'];
    }
    return [];
  }

  /**
   * Whether the route allows a dossier transition now. Without a route (legacy or template-less
   * procedures) the state machine alone decides.
   */
  checkAction(route: Route, action: DossierAction): void {
    const { steps, dossier } = route;
    if (!steps.length) return;
    const open = steps.filter(isOpen);
    const nameOf = (id: string) => route.agencies.get(id)?.name ?? '';
    const competentSide = ['submit-for-approval', 'approve', 'issue-result', 'reject-with-reasons', 'request-payment'];
    if (competentSide.includes(action)) {
      const elsewhere = open.find((s) => s.agencyId !== dossier.competentAgencyId);
      if (elsewhere) {
        throw conflict(
          'ROUTE_ELSEWHERE',
          `Hồ sơ đang ở ${nameOf(elsewhere.agencyId)} (bước “${elsewhere.name}”); chờ bước này hoàn thành.`,
        );
      }
    }
    if (action === 'submit-for-approval') {
      const current = open.filter((s) => s.role !== 'LEADER');
      const next = this.stageAfter(steps, current);
      if (current.length && !next.some((s) => s.role === 'LEADER' && s.agencyId === dossier.competentAgencyId)) {
        const pending = next[0];
        throw conflict(
          'ROUTE_NOT_AT_APPROVAL',
          pending
            ? `Còn bước “${pending.name}” (${nameOf(pending.agencyId)}) phải thực hiện trước khi trình phê duyệt; hoàn thành bước hiện tại để chuyển tiếp.`
            : 'Quy trình của thủ tục không có bước phê duyệt sau bước hiện tại.',
        );
      }
    }
    if (action === 'return-result') {
      const waiting = steps.find((s) => s.actor !== 'RECEIVING' && s.status !== 'DONE');
      if (waiting)
        throw conflict(
          'ROUTE_NOT_FINISHED',
          `Chưa thể trả kết quả: bước “${waiting.name}” của ${nameOf(waiting.agencyId)} chưa hoàn thành.`,
        );
    }
  }

  /** Advances the route after a dossier transition that completes the work in hand. */
  async afterAction(
    tx: EntityManager,
    actor: ActorContext,
    route: Route,
    action: DossierAction,
    calendar: WorkingCalendar,
    now: Date,
    pausedMinutes?: number,
    reason?: string,
  ): Promise<void> {
    const { steps, dossier } = route;
    if (!steps.length) return;
    const open = steps.filter(isOpen);
    let done: DossierStep[] = [];
    if (action === 'submit-for-approval') done = open.filter((s) => s.agencyId === dossier.competentAgencyId && s.role !== 'LEADER');
    if (action === 'issue-result' || action === 'reject-with-reasons') done = open.filter((s) => s.agencyId === dossier.competentAgencyId);
    if (action === 'return-result') done = open.filter((s) => s.actor === 'RECEIVING');
    if (pausedMinutes) {
      // A supplement pause moves the open steps' due times like the dossier's (DOMAIN §5).
      for (const step of open.filter((s) => s.dueAt)) {
        step.dueAt = calendar.addWorkingMinutes(step.dueAt as Date, pausedMinutes);
        step.dueSoonAt = step.dueSoonAt ? calendar.addWorkingMinutes(step.dueSoonAt, pausedMinutes) : null;
        await tx.save(step);
      }
    }
    for (const step of done) await this.finish(tx, actor, route, step, now, null, calendar);
    if (action === 'stop' || action === 'confirm-withdrawal') await this.cancelRemaining(tx, actor, route, action, now, reason);
  }

  /**
   * A stopped or withdrawn dossier leaves no work: every step not done is cancelled, so it leaves
   * the queues and the SLA sweep, and the agencies that held one are told.
   */
  private async cancelRemaining(
    tx: EntityManager,
    actor: ActorContext,
    route: Route,
    action: 'stop' | 'confirm-withdrawal',
    now: Date,
    reason: string | undefined,
  ): Promise<void> {
    const why = action === 'stop' ? 'Hồ sơ dừng xử lý' : 'Công dân rút hồ sơ';
    for (const step of route.steps.filter((s) => s.status !== 'DONE' && s.status !== 'CANCELLED')) {
      const held = isOpen(step);
      Object.assign(step, {
        status: 'CANCELLED',
        completedAt: now,
        completedByName: officerName(actor),
        note: reason?.trim() ? `${why}: ${reason.trim()}` : why,
      });
      await tx.save(step);
      if (!held || step.agencyId === actor.principal?.agencyId) continue;
      await this.notifications.notifyAgency(tx, step.agencyId, [...LEADERS, step.role], {
        type: 'STEP_CANCELLED',
        dossierCode: route.dossier.code,
        stepId: step.id,
        message: `Hồ sơ ${route.dossier.code}: ${why.toLowerCase()}, bước “${step.name}” không còn phải thực hiện.`,
      });
    }
  }

  // ---- step actions (from the steps controller) -------------------------------------------------

  async accept(tx: EntityManager, actor: ActorContext, route: Route, step: DossierStep, now: Date): Promise<void> {
    this.mustAct(route, step, actor);
    if (step.status !== 'SENT') throw conflict('STEP_NOT_SENT', 'Chỉ tiếp nhận được bước đã được chuyển đến và chưa tiếp nhận.');
    Object.assign(step, { status: 'ACCEPTED', acceptedAt: now, acceptedByName: officerName(actor) });
    await tx.save(step);
    await this.event(tx, actor, route, step, 'step-accept', now);
  }

  async returnStep(
    tx: EntityManager,
    actor: ActorContext,
    route: Route,
    step: DossierStep,
    reason: string | undefined,
    now: Date,
  ): Promise<void> {
    this.mustAct(route, step, actor);
    if (!reason?.trim()) throw validationProblem([{ field: 'reason', rule: 'required', message: 'Cần nêu lý do trả lại' }]);
    if (step.status !== 'SENT' && step.status !== 'ACCEPTED')
      throw conflict('STEP_NOT_OPEN', 'Chỉ trả lại được bước đang chờ hoặc đang xử lý.');
    Object.assign(step, {
      status: 'RETURNED',
      returnedAt: now,
      returnedByName: officerName(actor),
      returnReason: reason.trim(),
      assigneeId: null,
      assigneeName: null,
    });
    await tx.save(step);
    await this.event(tx, actor, route, step, 'step-return', now, reason.trim());
    if (step.sentFromAgencyId) {
      await this.notifications.notifyAgency(tx, step.sentFromAgencyId, ['LEADER', 'RECEPTION', 'SPECIALIST'], {
        type: 'STEP_RETURNED',
        dossierCode: route.dossier.code,
        stepId: step.id,
        message: `Hồ sơ ${route.dossier.code}: bước “${step.name}” bị trả lại — ${reason.trim()}`,
      });
    }
  }

  /** The sender fixes what was asked and sends the returned step again; its budget keeps running. */
  async resend(tx: EntityManager, actor: ActorContext, route: Route, step: DossierStep, now: Date): Promise<void> {
    const principal = actor.principal as Principal;
    const sender = step.sentFromAgencyId ? route.agencies.get(step.sentFromAgencyId) : undefined;
    if (!sender || !isAgencyPathInScope(principal, sender.path)) throw stepNotFound();
    if (step.status !== 'RETURNED') throw conflict('STEP_NOT_RETURNED', 'Chỉ gửi lại được bước đã bị trả lại.');
    Object.assign(step, { status: 'SENT', sentAt: now, sentByName: principal.displayName, acceptedAt: null, acceptedByName: null });
    await tx.save(step);
    await this.event(tx, actor, route, step, 'step-send', now);
    await this.announce(tx, route, step);
  }

  async assign(
    tx: EntityManager,
    actor: ActorContext,
    route: Route,
    step: DossierStep,
    assignee: { id: string; name: string; agencyPath: string },
    now: Date,
  ): Promise<void> {
    this.mustAct(route, step, actor);
    const principal = actor.principal as Principal;
    const self = assignee.id === principal.id;
    if (!self && !principal.permissions.has('dossiers:assign')) {
      throw new ProblemException({
        status: 403,
        code: 'FORBIDDEN',
        title: 'Forbidden',
        detail: 'Chỉ lãnh đạo mới phân công xử lý cho người khác.',
      });
    }
    const agency = route.agencies.get(step.agencyId) as AgencyRef;
    if (!assignee.agencyPath.startsWith(agency.path)) {
      throw validationProblem([
        { field: 'assigneeId', rule: 'sameAgency', message: 'Người được phân công phải thuộc cơ quan thực hiện bước này' },
      ]);
    }
    if (step.status === 'SENT') Object.assign(step, { status: 'ACCEPTED', acceptedAt: now, acceptedByName: principal.displayName });
    if (step.status !== 'ACCEPTED') throw conflict('STEP_NOT_OPEN', 'Chỉ phân công được bước đang chờ hoặc đang xử lý.');
    Object.assign(step, { assigneeId: assignee.id, assigneeName: assignee.name });
    await tx.save(step);
    await this.event(tx, actor, route, step, 'step-assign', now, undefined, { assignee: assignee.name });
    if (!self) {
      await this.notifications.notifyUsers(tx, [assignee.id], {
        type: 'STEP_RECEIVED',
        dossierCode: route.dossier.code,
        stepId: step.id,
        message: `Bạn được phân công bước “${step.name}” của hồ sơ ${route.dossier.code}.`,
      });
    }
  }

  async complete(
    tx: EntityManager,
    actor: ActorContext,
    route: Route,
    step: DossierStep,
    note: string | undefined,
    calendar: WorkingCalendar,
    now: Date,
  ): Promise<void> {
    this.mustAct(route, step, actor);
    const principal = actor.principal as Principal;
    if (step.status !== 'SENT' && step.status !== 'ACCEPTED') throw conflict('STEP_NOT_OPEN', 'Bước này không ở trạng thái đang xử lý.');
    if (step.assigneeId && step.assigneeId !== principal.id && !principal.permissions.has('dossiers:assign')) {
      throw new ProblemException({
        status: 403,
        code: 'FORBIDDEN',
        title: 'Forbidden',
        detail: `Bước này được phân công cho ${step.assigneeName}.`,
      });
    }
    if (step.status === 'SENT') Object.assign(step, { acceptedAt: now, acceptedByName: principal.displayName });
    await this.finish(tx, actor, route, step, now, note?.trim() || null, calendar);
  }

  // ---- internals ---------------------------------------------------------------------------------

  /** The step is addressed to the caller's agency (else it does not exist for them). */
  private mustAct(route: Route, step: DossierStep, actor: ActorContext): void {
    const agency = route.agencies.get(step.agencyId);
    if (!agency || !isAgencyPathInScope(actor.principal as Principal, agency.path) || step.status === 'PENDING') throw stepNotFound();
  }

  private stageAfter(steps: DossierStep[], current: DossierStep[]): DossierStep[] {
    const stage = current.length ? Math.max(...current.map((s) => s.stage)) : -1;
    const next = steps.filter((s) => s.stage > stage && s.status === 'PENDING');
    const first = Math.min(...next.map((s) => s.stage));
    return next.filter((s) => s.stage === first);
  }

  private async finish(
    tx: EntityManager,
    actor: ActorContext,
    route: Route,
    step: DossierStep,
    now: Date,
    note: string | null,
    calendar: WorkingCalendar,
  ): Promise<void> {
    Object.assign(step, {
      status: 'DONE',
      completedAt: now,
      completedByName: officerName(actor),
      note,
      timeliness: step.dueAt ? classifyFinished(now, step.dueAt) : null,
    });
    step.acceptedAt ??= now;
    step.acceptedByName ??= officerName(actor);
    await tx.save(step);
    await this.event(tx, actor, route, step, 'step-complete', now, note ?? undefined);
    const stageDone = route.steps.filter((s) => s.stage === step.stage).every((s) => s.status === 'DONE');
    if (!stageDone) return;
    const next = route.steps.filter((s) => s.stage > step.stage && s.status === 'PENDING');
    if (next.length) await this.openStage(tx, actor, route, Math.min(...next.map((s) => s.stage)), step.agencyId, calendar, now);
  }

  private async openStage(
    tx: EntityManager,
    actor: ActorContext,
    route: Route,
    stage: number,
    fromAgencyId: string,
    calendar: WorkingCalendar,
    now: Date,
  ): Promise<void> {
    for (const step of route.steps.filter((s) => s.stage === stage)) {
      const start = calendar.nextWorkingInstant(now);
      Object.assign(step, {
        status: 'SENT',
        sentAt: now,
        sentByName: officerName(actor),
        sentFromAgencyId: fromAgencyId,
        dueAt: calendar.addWorkingMinutes(start, step.budgetMinutes),
        dueSoonAt: calendar.addWorkingMinutes(start, dueSoonAfterMinutes(step.budgetMinutes)),
      });
      await tx.save(step);
      await this.event(tx, actor, route, step, 'step-send', now);
      await this.announce(tx, route, step);
    }
  }

  /** A step arrived: the agency's leaders and the step's role hear of it; a result back at the desk is "to return". */
  private async announce(tx: EntityManager, route: Route, step: DossierStep): Promise<void> {
    const toReturn = step.actor === 'RECEIVING';
    await this.notifications.notifyAgency(tx, step.agencyId, toReturn ? ['RECEPTION'] : [...LEADERS, step.role], {
      type: toReturn ? 'DOSSIER_TO_RETURN' : 'STEP_RECEIVED',
      dossierCode: route.dossier.code,
      stepId: step.id,
      message: toReturn
        ? `Hồ sơ ${route.dossier.code} đã có kết quả, chờ trả cho công dân.`
        : `Hồ sơ ${route.dossier.code} chuyển đến: bước “${step.name}”.`,
    });
  }

  /** Handovers go on the dossier's timeline (and the audit trail) like any other change. */
  private async event(
    tx: EntityManager,
    actor: ActorContext,
    route: Route,
    step: DossierStep,
    action: string,
    at: Date,
    reason?: string,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const data = { stepId: step.id, seq: step.seq, step: step.name, agency: route.agencies.get(step.agencyId)?.name, ...extra };
    await tx.insert(DossierEvent, {
      dossierId: route.dossier.id,
      at,
      action,
      actorType: actor.principal?.kind ?? 'system',
      actorId: actor.principal?.id ?? null,
      actorName: officerName(actor),
      agencyId: actor.principal?.agencyId ?? null,
      fromStatus: route.dossier.status,
      toStatus: route.dossier.status,
      reason: reason ?? null,
      form: null,
      data,
    });
    const type = STEP_EVENT_TYPES[action];
    if (type) await this.outbox.emit(tx, { type, dossier: route.dossier, agencyIds: [step.agencyId], data });
    await this.audit.record(
      actor,
      { action: `dossier.${action}`, targetType: 'dossier', targetId: route.dossier.code, after: { ...data, status: step.status, reason } },
      tx,
    );
  }
}

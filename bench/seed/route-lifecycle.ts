import { classifyFinished, dueSoonAfterMinutes, templateStages, type DossierAction, type Role, type WorkingCalendar } from '@motcua/domain';
import type { ProcedureInfo } from './catalog';
import type { DossierState, Principal, TimelineEvent } from './dossier-lifecycle';

/**
 * The route of a dossier (step tasks, `dossier_steps`) as RoutingService makes and moves it, and
 * the step part of the SLA sweep, replayed in memory. Keep in step with
 * apps/api/src/modules/dossiers/routing/routing.service.ts and sla/sla-sweep.service.ts.
 */

/** `CANCELLED`: the dossier stopped or was withdrawn before the step was done; nobody acts on it any more. */
export type StepStatus = 'PENDING' | 'SENT' | 'ACCEPTED' | 'DONE' | 'RETURNED' | 'CANCELLED';

/** The columns of a `dossier_steps` row. */
export interface StepState {
  id: string;
  seq: number;
  stage: number;
  name: string;
  actor: 'RECEIVING' | 'COMPETENT' | 'FIXED';
  agencyId: string;
  role: Role;
  budgetMinutes: number;
  parallelGroup: string | null;
  status: StepStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  sentAt: Date | null;
  sentByName: string | null;
  sentFromAgencyId: string | null;
  acceptedAt: Date | null;
  acceptedByName: string | null;
  returnedAt: Date | null;
  returnedByName: string | null;
  returnReason: string | null;
  completedAt: Date | null;
  completedByName: string | null;
  note: string | null;
  dueAt: Date | null;
  dueSoonAt: Date | null;
  timeliness: 'EARLY' | 'ON_TIME' | 'LATE' | null;
  dueSoonFlaggedAt: Date | null;
  overdueFlaggedAt: Date | null;
  /** @VersionColumn: 1 at insert, +1 at every save (the sweep's UPDATE leaves it). */
  version: number;
}

export interface RouteContext {
  calendar: WorkingCalendar;
  agencyName(id: string): string | undefined;
  newId(): string;
  /** Called for every step that is sent (opened or sent again), e.g. to plan who picks it up. */
  onSent?(step: StepState, at: Date): void;
}

/** As the API writes timeline rows: a few milliseconds after the `now` of the change. */
const WRITE_LAG_MS = 2;

export const isOpen = (s: StepState) => s.status === 'SENT' || s.status === 'ACCEPTED' || s.status === 'RETURNED';

/** RoutingService's officerName: the official's full name. */
const officerName = (p: Principal) => p.displayName;

/** RoutingService.event: a handover on the timeline (the API also audits it and tells the portals). */
function stepEvent(
  d: DossierState,
  ctx: RouteContext,
  principal: Principal,
  step: StepState,
  action: string,
  at: Date,
  reason: string | null = null,
  extra: Record<string, unknown> = {},
): void {
  const event: TimelineEvent = {
    at: new Date(at.getTime() + WRITE_LAG_MS),
    action,
    actorType: principal.kind,
    actorId: principal.id,
    actorName: officerName(principal),
    agencyId: principal.agencyId,
    fromStatus: d.status,
    toStatus: d.status,
    reason,
    form: null,
    data: { stepId: step.id, seq: step.seq, step: step.name, agency: ctx.agencyName(step.agencyId), ...extra },
  };
  d.events.push(event);
}

/** Forwarding makes the route: leading reception steps are done by the forwarder, the next stage is sent. */
export function materialize(d: DossierState, procedure: ProcedureInfo, ctx: RouteContext, principal: Principal, now: Date): void {
  if (!procedure.steps.length) return;
  const stages = templateStages(procedure.steps.map((t) => ({ ...t, budgetHours: t.budgetMinutes / 60 })));
  const steps: StepState[] = [];
  stages.forEach((stage, stageIndex) =>
    stage.forEach((t) =>
      steps.push({
        id: ctx.newId(),
        seq: t.seq,
        stage: stageIndex,
        name: t.name,
        actor: t.actor as StepState['actor'],
        agencyId: t.actor === 'RECEIVING' ? d.receivingAgencyId : t.actor === 'COMPETENT' ? d.competentAgencyId : (t.agencyId as string),
        role: t.role,
        budgetMinutes: t.budgetMinutes,
        parallelGroup: t.parallelGroup,
        status: 'PENDING',
        assigneeId: null,
        assigneeName: null,
        sentAt: null,
        sentByName: null,
        sentFromAgencyId: null,
        acceptedAt: null,
        acceptedByName: null,
        returnedAt: null,
        returnedByName: null,
        returnReason: null,
        completedAt: null,
        completedByName: null,
        note: null,
        dueAt: null,
        dueSoonAt: null,
        timeliness: null,
        dueSoonFlaggedAt: null,
        overdueFlaggedAt: null,
        version: 1,
      }),
    ),
  );
  const name = officerName(principal);
  let firstOpen = 0;
  while (firstOpen < stages.length && steps.filter((s) => s.stage === firstOpen).every((s) => s.actor === 'RECEIVING')) {
    for (const step of steps.filter((s) => s.stage === firstOpen)) {
      Object.assign(step, {
        status: 'DONE',
        sentAt: d.receivedAt,
        acceptedAt: d.receivedAt,
        acceptedByName: name,
        completedAt: now,
        completedByName: name,
      });
      step.dueAt = d.receivedAt ? ctx.calendar.addWorkingMinutes(d.receivedAt, step.budgetMinutes) : null;
      step.timeliness = step.dueAt ? classifyFinished(now, step.dueAt) : null;
    }
    firstOpen++;
  }
  d.steps = steps;
  if (firstOpen < stages.length) openStage(d, ctx, principal, firstOpen, d.receivingAgencyId, now);
}

function openStage(d: DossierState, ctx: RouteContext, principal: Principal, stage: number, fromAgencyId: string, now: Date): void {
  for (const step of d.steps.filter((s) => s.stage === stage)) {
    const start = ctx.calendar.nextWorkingInstant(now);
    Object.assign(step, {
      status: 'SENT',
      sentAt: now,
      sentByName: officerName(principal),
      sentFromAgencyId: fromAgencyId,
      dueAt: ctx.calendar.addWorkingMinutes(start, step.budgetMinutes),
      dueSoonAt: ctx.calendar.addWorkingMinutes(start, dueSoonAfterMinutes(step.budgetMinutes)),
    });
    step.version++;
    stepEvent(d, ctx, principal, step, 'step-send', now);
    ctx.onSent?.(step, now);
  }
}

function stageAfter(steps: StepState[], current: StepState[]): StepState[] {
  const stage = current.length ? Math.max(...current.map((s) => s.stage)) : -1;
  const next = steps.filter((s) => s.stage > stage && s.status === 'PENDING');
  const first = Math.min(...next.map((s) => s.stage));
  return next.filter((s) => s.stage === first);
}

const COMPETENT_SIDE = new Set<DossierAction>(['submit-for-approval', 'approve', 'issue-result', 'reject-with-reasons', 'request-payment']);

/** RoutingService.checkAction, as a question: would the API refuse this transition because of the route now? */
export function routeBlocks(d: DossierState, action: DossierAction): boolean {
  const steps = d.steps;
  if (!steps.length) return false;
  const open = steps.filter(isOpen);
  if (COMPETENT_SIDE.has(action) && open.some((s) => s.agencyId !== d.competentAgencyId)) return true;
  if (action === 'submit-for-approval') {
    const current = open.filter((s) => s.role !== 'LEADER');
    const next = stageAfter(steps, current);
    if (current.length && !next.some((s) => s.role === 'LEADER' && s.agencyId === d.competentAgencyId)) return true;
  }
  if (action === 'return-result' && steps.some((s) => s.actor !== 'RECEIVING' && s.status !== 'DONE')) return true;
  return false;
}

/**
 * The stages that must be completed, in order, before the route allows `action` (a dry run of
 * completing whole open stages), and the open steps the action itself then completes.
 */
export function stagesBefore(d: DossierState, action: DossierAction): { stages: StepState[][]; then: StepState[] } {
  const byId = new Map(d.steps.map((s) => [s.id, s]));
  const sim: DossierState = { ...d, steps: d.steps.map((s) => ({ ...s })) };
  const stages: StepState[][] = [];
  while (routeBlocks(sim, action)) {
    const open = sim.steps.filter(isOpen);
    if (!open.length || stages.length > 20) throw new Error(`scenario bug: the route of ${d.code} never allows ${action}`);
    stages.push(open.map((s) => byId.get(s.id) as StepState));
    for (const s of open) s.status = 'DONE';
    const pending = sim.steps.filter((s) => s.status === 'PENDING');
    const next = Math.min(...pending.map((s) => s.stage));
    for (const s of pending) if (s.stage === next) s.status = 'SENT';
  }
  const completes: Partial<Record<DossierAction, (s: StepState) => boolean>> = {
    'submit-for-approval': (s) => s.agencyId === d.competentAgencyId && s.role !== 'LEADER',
    'issue-result': (s) => s.agencyId === d.competentAgencyId,
    'reject-with-reasons': (s) => s.agencyId === d.competentAgencyId,
    'return-result': (s) => s.actor === 'RECEIVING',
  };
  const rule = completes[action];
  const then = rule ? sim.steps.filter((s) => isOpen(s) && rule(s)).map((s) => byId.get(s.id) as StepState) : [];
  return { stages, then };
}

/**
 * RoutingService.afterAction: the transition completes the work in hand; a supplement pause moves
 * open due times; a stop or a withdrawal cancels the steps not done.
 */
export function afterAction(
  d: DossierState,
  ctx: RouteContext,
  principal: Principal,
  action: DossierAction,
  now: Date,
  pausedMinutes?: number,
  reason?: string,
): void {
  if (!d.steps.length) return;
  const open = d.steps.filter(isOpen);
  let done: StepState[] = [];
  if (action === 'submit-for-approval') done = open.filter((s) => s.agencyId === d.competentAgencyId && s.role !== 'LEADER');
  if (action === 'issue-result' || action === 'reject-with-reasons') done = open.filter((s) => s.agencyId === d.competentAgencyId);
  if (action === 'return-result') done = open.filter((s) => s.actor === 'RECEIVING');
  if (pausedMinutes) {
    for (const step of open.filter((s) => s.dueAt)) {
      step.dueAt = ctx.calendar.addWorkingMinutes(step.dueAt as Date, pausedMinutes);
      step.dueSoonAt = step.dueSoonAt ? ctx.calendar.addWorkingMinutes(step.dueSoonAt, pausedMinutes) : null;
      step.version++;
    }
  }
  for (const step of done) finish(d, ctx, principal, step, now, null);
  if (action === 'stop' || action === 'confirm-withdrawal') cancelRemaining(d, principal, action, now, reason);
}

/**
 * RoutingService.cancelRemaining: a stopped or withdrawn dossier leaves no work, every step not done
 * is cancelled (no timeline row, no timeliness; the API also tells the agencies that held an open
 * step, notifications are not generated).
 */
function cancelRemaining(
  d: DossierState,
  principal: Principal,
  action: 'stop' | 'confirm-withdrawal',
  now: Date,
  reason: string | undefined,
): void {
  const why = action === 'stop' ? 'Hồ sơ dừng xử lý' : 'Công dân rút hồ sơ';
  for (const step of d.steps.filter((s) => s.status !== 'DONE' && s.status !== 'CANCELLED')) {
    Object.assign(step, {
      status: 'CANCELLED',
      completedAt: now,
      completedByName: officerName(principal),
      note: reason?.trim() ? `${why}: ${reason.trim()}` : why,
    });
    step.version++;
  }
}

function finish(d: DossierState, ctx: RouteContext, principal: Principal, step: StepState, now: Date, note: string | null): void {
  Object.assign(step, {
    status: 'DONE',
    completedAt: now,
    completedByName: officerName(principal),
    note,
    timeliness: step.dueAt ? classifyFinished(now, step.dueAt) : null,
  });
  step.acceptedAt ??= now;
  step.acceptedByName ??= officerName(principal);
  step.version++;
  stepEvent(d, ctx, principal, step, 'step-complete', now, note);
  const stageDone = d.steps.filter((s) => s.stage === step.stage).every((s) => s.status === 'DONE');
  if (!stageDone) return;
  const next = d.steps.filter((s) => s.stage > step.stage && s.status === 'PENDING');
  if (next.length) openStage(d, ctx, principal, Math.min(...next.map((s) => s.stage)), step.agencyId, now);
}

// ---- step actions (the steps controller) ----------------------------------------------------------

function mustBe(step: StepState, allowed: StepStatus[], action: string): void {
  if (!allowed.includes(step.status)) throw new Error(`scenario bug: ${action} on a step that is ${step.status}`);
}

export function stepAccept(d: DossierState, ctx: RouteContext, principal: Principal, step: StepState, now: Date): void {
  mustBe(step, ['SENT'], 'step-accept');
  Object.assign(step, { status: 'ACCEPTED', acceptedAt: now, acceptedByName: officerName(principal) });
  step.version++;
  stepEvent(d, ctx, principal, step, 'step-accept', now);
}

/** A leader gives the step to an official of the step's agency (accepting it if it was only sent). */
export function stepAssign(
  d: DossierState,
  ctx: RouteContext,
  principal: Principal,
  step: StepState,
  assignee: Principal,
  now: Date,
): void {
  if (step.status === 'SENT') Object.assign(step, { status: 'ACCEPTED', acceptedAt: now, acceptedByName: principal.displayName });
  mustBe(step, ['ACCEPTED'], 'step-assign');
  // The API looks the assignee up by id: users.full_name.
  Object.assign(step, { assigneeId: assignee.id, assigneeName: assignee.displayName });
  step.version++;
  stepEvent(d, ctx, principal, step, 'step-assign', now, null, { assignee: assignee.displayName });
}

export function stepReturn(d: DossierState, ctx: RouteContext, principal: Principal, step: StepState, reason: string, now: Date): void {
  mustBe(step, ['SENT', 'ACCEPTED'], 'step-return');
  Object.assign(step, {
    status: 'RETURNED',
    returnedAt: now,
    returnedByName: officerName(principal),
    returnReason: reason,
    assigneeId: null,
    assigneeName: null,
  });
  step.version++;
  stepEvent(d, ctx, principal, step, 'step-return', now, reason);
}

/** The sender fixes what was asked and sends the returned step again; its budget keeps running. */
export function stepResend(d: DossierState, ctx: RouteContext, principal: Principal, step: StepState, now: Date): void {
  mustBe(step, ['RETURNED'], 'step-resend');
  Object.assign(step, { status: 'SENT', sentAt: now, sentByName: principal.displayName, acceptedAt: null, acceptedByName: null });
  step.version++;
  stepEvent(d, ctx, principal, step, 'step-send', now);
  ctx.onSent?.(step, now);
}

export function stepComplete(
  d: DossierState,
  ctx: RouteContext,
  principal: Principal,
  step: StepState,
  note: string | null,
  now: Date,
): void {
  mustBe(step, ['SENT', 'ACCEPTED'], 'step-complete');
  if (step.status === 'SENT') Object.assign(step, { acceptedAt: now, acceptedByName: principal.displayName });
  finish(d, ctx, principal, step, now, note);
}

/**
 * SlaSweepService.sweepSteps over [fromMs, toMs): the first tick at or after each threshold flags an
 * open step once (due soon only while not yet due), unless the dossier's clock is paused, its
 * result was returned or it was stopped or withdrawn (its steps are cancelled then anyway).
 * Returns the timeline rows, for the caller to merge in time order.
 */
export function sweepSteps(d: DossierState, fromMs: number, toMs: number, tick: (ms: number) => number): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (toMs <= fromMs || d.pausedSince || d.status === 'RETURNED') return events;
  // A stopped or withdrawn dossier leaves no work: its steps are never late.
  if (d.outcome === 'STOPPED' || d.outcome === 'WITHDRAWN') return events;
  const mark = (step: StepState, at: number, action: 'step-due-soon' | 'step-overdue') =>
    events.push({
      at: new Date(at),
      action,
      actorType: 'system',
      actorId: null,
      actorName: null,
      agencyId: null,
      fromStatus: d.status,
      toStatus: d.status,
      reason: null,
      form: null,
      data: { stepId: step.id },
    });
  for (const step of d.steps) {
    if ((step.status !== 'SENT' && step.status !== 'ACCEPTED') || !step.dueAt) continue;
    const due = step.dueAt.getTime();
    if (!step.dueSoonFlaggedAt && step.dueSoonAt) {
      const at = tick(Math.max(fromMs, step.dueSoonAt.getTime()));
      if (at < toMs && due >= at) {
        step.dueSoonFlaggedAt = new Date(at);
        mark(step, at, 'step-due-soon');
      }
    }
    if (!step.overdueFlaggedAt) {
      const at = tick(Math.max(fromMs, due + 1));
      if (at < toMs) {
        step.overdueFlaggedAt = new Date(at);
        mark(step, at, 'step-overdue');
      }
    }
  }
  return events;
}

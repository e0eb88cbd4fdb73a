import {
  ACTION_RULES,
  actionAppliesTo,
  classifyFinished,
  foldVietnamese,
  formatDossierCode,
  processingHours,
  STATUS_CODES,
  stageAfter,
  type DossierAction,
  type DossierStatus,
  type FinishedTimeliness,
  type IdentifierType,
  type ProcessStage,
  type WorkingCalendar,
  dueSoonAfterMinutes,
} from '@motcua/domain';
import type { ProcedureInfo } from './catalog';
import { afterAction, materialize, routeBlocks, sweepSteps, type RouteContext, type StepState } from './route-lifecycle';

/**
 * The state changes of DossiersService (create → accept, applyAction, and the SLA sweep of
 * SlaSweepService), replayed in memory with the same domain functions so that every generated
 * dossier is one the API could have produced. Keep in step with
 * apps/api/src/modules/dossiers/dossiers.service.ts and sla/sla-sweep.service.ts.
 */

/** As in DossiersService. */
const WORKING_DAY_MINUTES = 480;
/** DossiersService's ROUTED_ACTIONS: the transitions that read or move the route. */
const ROUTED_ACTIONS = new Set<DossierAction>([
  'forward',
  'submit-for-approval',
  'approve',
  'issue-result',
  'reject-with-reasons',
  'request-payment',
  'receive-supplement',
  'confirm-payment',
  'return-result',
  // A dossier that stops or is withdrawn cancels the steps still ahead of it.
  'stop',
  'confirm-withdrawal',
]);

export interface Principal {
  kind: 'user' | 'client';
  id: string;
  /** Username, or the client's name (what the audit trail writes as actor_name). */
  name: string;
  /** Full name of a user, the client's name for a client (what the timeline and Form 06 show). */
  displayName: string;
  roles: string[];
  agencyId: string;
}

export interface ApplicantSnapshot {
  /** The registry party the dossier links to (dossier_parties, role OWNER). */
  partyId?: string;
  type: 'INDIVIDUAL' | 'ORGANIZATION' | 'ENTERPRISE';
  fullName: string;
  dateOfBirth?: string;
  sex?: 'MALE' | 'FEMALE';
  identifiers: Array<{ type: IdentifierType; value: string }>;
  phone?: string;
  email?: string;
  address?: string;
}

export interface SubmittedDocument {
  name: string;
  kind: 'ORIGINAL' | 'COPY' | 'ELECTRONIC';
  count: number;
}

export interface TimelineEvent {
  at: Date;
  action: string;
  actorType: 'user' | 'client' | 'system';
  actorId: string | null;
  actorName: string | null;
  agencyId: string | null;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  reason: string | null;
  form: string | null;
  data: Record<string, unknown> | null;
}

/** The columns of a `dossiers` row, plus its timeline. */
export interface DossierState {
  id: string;
  code: string;
  procedureId: string;
  receivingAgencyId: string;
  competentAgencyId: string;
  channel: 'DIRECT' | 'ONLINE' | 'POSTAL';
  status: DossierStatus;
  statusCode: number;
  stage: ProcessStage | null;
  outcome: 'POSITIVE' | 'NEGATIVE' | 'REFUSED' | 'WITHDRAWN' | 'STOPPED' | null;
  applicant: ApplicantSnapshot;
  applicantName: string;
  searchText: string;
  documents: SubmittedDocument[];
  note: string | null;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  dueSoonAt: Date | null;
  originalDueAt: Date | null;
  apologyDueAt: Date | null;
  budgetMinutes: number;
  pausedSince: Date | null;
  pausedMinutes: number;
  resumeStatus: DossierStatus | null;
  finishedAt: Date | null;
  timeliness: FinishedTimeliness | null;
  slaFlag: 'DUE_SOON' | 'OVERDUE' | null;
  slaFlaggedAt: Date | null;
  returnedAt: Date | null;
  returnMethod: 'IN_PERSON' | 'POST' | 'ELECTRONIC' | null;
  lookupSecret: string;
  paidOnline: boolean;
  paymentReference: string | null;
  electronicResult: boolean;
  createdByUser: string | null;
  createdByClient: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  events: TimelineEvent[];
  /** The route (dossier_steps), made by the forward. */
  steps: StepState[];
}

export interface ActionBody {
  reason?: string;
  newAppointment?: string;
  amount?: number;
  paidOnline?: boolean;
  paymentReference?: string;
  electronicResult?: boolean;
  returnMethod?: DossierState['returnMethod'];
}

export interface IntakeInput {
  id: string;
  procedure: ProcedureInfo;
  receivingAgencyId: string;
  receivingAgencyCode: string;
  competentAgencyId: string;
  channel: DossierState['channel'];
  applicant: ApplicantSnapshot;
  documents: SubmittedDocument[];
  note: string | null;
  lookupSecret: string;
  /** Sequence of the agency-day counter (the API takes it under the counter row's lock). */
  sequence: number;
  localDate: string;
  principal: Principal;
  at: Date;
}

/** The API writes timeline rows and audit rows a few milliseconds after the `now` of the change. */
const WRITE_LAG_MS = 2;

function event(
  principal: Principal | undefined,
  at: Date,
  e: Omit<TimelineEvent, 'at' | 'actorType' | 'actorId' | 'actorName' | 'agencyId'>,
): TimelineEvent {
  return {
    at: new Date(at.getTime() + WRITE_LAG_MS),
    actorType: principal?.kind ?? 'system',
    actorId: principal?.id ?? null,
    // The timeline shows people (full names), the audit trail accounts.
    actorName: principal?.displayName ?? null,
    agencyId: principal?.agencyId ?? null,
    ...e,
  };
}

/** DossiersService.accept: valid receipt starts the clock. */
function accept(d: DossierState, procedure: ProcedureInfo, calendar: WorkingCalendar, now: Date): void {
  const { clockStart, due } = calendar.computeDue(now, procedure.processingAmount, procedure.processingUnit);
  d.receivedAt = now;
  d.dueAt = due;
  d.originalDueAt = due;
  d.dueSoonAt = calendar.addWorkingMinutes(clockStart, dueSoonAfterMinutes(d.budgetMinutes));
}

/** DossiersService.create: a counter or postal intake is accepted at once; an online one waits as SUBMITTED. */
export function intake(input: IntakeInput, calendar: WorkingCalendar): DossierState {
  const { procedure, principal, at: now } = input;
  const online = input.channel === 'ONLINE';
  const d: DossierState = {
    id: input.id,
    code: '',
    procedureId: procedure.id,
    receivingAgencyId: input.receivingAgencyId,
    competentAgencyId: input.competentAgencyId,
    channel: input.channel,
    status: 'SUBMITTED',
    statusCode: STATUS_CODES.SUBMITTED,
    stage: null,
    outcome: null,
    applicant: input.applicant,
    applicantName: input.applicant.fullName,
    searchText: '',
    documents: input.documents,
    note: input.note,
    submittedAt: now,
    receivedAt: null,
    dueAt: null,
    dueSoonAt: null,
    originalDueAt: null,
    apologyDueAt: null,
    budgetMinutes: Math.round(processingHours(procedure.processingAmount, procedure.processingUnit) * 60),
    pausedSince: null,
    pausedMinutes: 0,
    resumeStatus: null,
    finishedAt: null,
    timeliness: null,
    slaFlag: null,
    slaFlaggedAt: null,
    returnedAt: null,
    returnMethod: null,
    lookupSecret: input.lookupSecret,
    paidOnline: false,
    paymentReference: null,
    electronicResult: false,
    createdByUser: principal.kind === 'user' ? principal.id : null,
    createdByClient: principal.kind === 'client' ? principal.id : null,
    // created_at is the database's now() at the start of the intake transaction, just before `now`.
    createdAt: new Date(now.getTime() - 1),
    updatedAt: now,
    version: 1,
    events: [],
    steps: [],
  };
  if (!online) {
    accept(d, procedure, calendar, now);
    d.status = 'RECEIVED';
    d.statusCode = STATUS_CODES.RECEIVED;
  }
  d.code = formatDossierCode(input.receivingAgencyCode, input.localDate, input.sequence);
  // As the API does: code and name only (identifiers are found through the registry's keyed hashes).
  d.searchText = foldVietnamese(`${d.code} ${d.applicant.fullName}`);
  d.events.push(event(principal, now, { action: 'submit', fromStatus: null, toStatus: 'SUBMITTED', reason: null, form: null, data: null }));
  if (!online) {
    d.events.push(
      event(principal, now, {
        action: 'accept',
        fromStatus: 'SUBMITTED',
        toStatus: d.status,
        reason: null,
        form: ACTION_RULES.accept.form ?? null,
        data: null,
      }),
    );
  }
  return d;
}

/**
 * DossiersService.applyAction, without the authorization (the scenario picks actors who may act):
 * the route must allow the transition (RoutingService.checkAction), the dossier changes, its
 * timeline row is written, then the route follows (materialize on forward, afterAction otherwise).
 */
export function applyAction(
  d: DossierState,
  procedure: ProcedureInfo,
  action: DossierAction,
  body: ActionBody,
  calendar: WorkingCalendar,
  now: Date,
  principal: Principal,
  route?: RouteContext,
): void {
  const rule = ACTION_RULES[action];
  if (!actionAppliesTo(rule, { status: d.status, stage: d.stage, apologized: Boolean(d.apologyDueAt) })) {
    throw new Error(`scenario bug: ${action} does not apply to ${d.status}/${d.stage} (${d.code})`);
  }
  const missing = rule.requires.filter((field) => body[field] === undefined || body[field] === null || body[field] === '');
  if (missing.length) throw new Error(`scenario bug: ${action} needs ${missing.join(', ')}`);
  const routed = route && ROUTED_ACTIONS.has(action);
  if (routed && routeBlocks(d, action)) throw new Error(`scenario bug: the route of ${d.code} does not allow ${action} now`);

  const from = d.status;
  const data: Record<string, unknown> = {};
  const resume = () => {
    if (d.pausedSince) {
      // Whole minutes, as the API keeps the clock (the column is an integer).
      const paused = Math.round(calendar.workingMinutesBetween(d.pausedSince, now));
      d.pausedMinutes += paused;
      if (d.dueAt) d.dueAt = calendar.addWorkingMinutes(d.dueAt, paused);
      if (d.dueSoonAt) d.dueSoonAt = calendar.addWorkingMinutes(d.dueSoonAt, paused);
      data['pausedWorkingMinutes'] = paused;
      d.pausedSince = null;
      d.slaFlag = null;
    }
    d.status = d.resumeStatus ?? 'IN_PROCESS';
    d.resumeStatus = null;
  };
  const finish = (outcome: DossierState['outcome']) => {
    d.finishedAt = now;
    d.outcome = outcome;
    if (d.pausedSince) resume();
    if (d.dueAt && (outcome === 'POSITIVE' || outcome === 'NEGATIVE')) d.timeliness = classifyFinished(now, d.dueAt);
  };

  switch (action) {
    case 'accept':
      accept(d, procedure, calendar, now);
      break;
    case 'request-supplement':
      d.resumeStatus = d.status;
      if (d.status === 'IN_PROCESS') d.pausedSince = now;
      break;
    case 'receive-supplement':
    case 'confirm-payment':
      if (action === 'confirm-payment') {
        d.paidOnline = body.paidOnline ?? false;
        d.paymentReference = body.paymentReference ?? null;
        data['paidOnline'] = d.paidOnline;
      }
      resume();
      break;
    case 'request-payment':
      d.resumeStatus = 'IN_PROCESS';
      if (procedure.pauseClockOnPayment) d.pausedSince = now;
      data['amount'] = body.amount;
      break;
    case 'refuse':
      finish('REFUSED');
      break;
    case 'issue-result':
      d.electronicResult = Boolean(body.electronicResult && procedure.electronicResultAllowed);
      finish('POSITIVE');
      break;
    case 'reject-with-reasons':
      finish('NEGATIVE');
      break;
    case 'apologize': {
      const appointment = new Date(body.newAppointment as string);
      if (!d.dueAt || appointment <= d.dueAt) throw new Error('scenario bug: the new appointment must be after the due time');
      if (now > d.dueAt || calendar.workingMinutesBetween(now, d.dueAt) < WORKING_DAY_MINUTES) {
        throw new Error('scenario bug: an apology must come at least one working day before the due time');
      }
      d.apologyDueAt = appointment;
      data['newAppointment'] = appointment.toISOString();
      break;
    }
    case 'request-withdrawal':
      d.resumeStatus = d.status;
      break;
    case 'confirm-withdrawal':
      finish('WITHDRAWN');
      break;
    case 'stop':
      finish('STOPPED');
      break;
    case 'return-result':
      d.returnedAt = now;
      d.returnMethod = body.returnMethod ?? null;
      data['returnMethod'] = d.returnMethod;
      break;
    default:
      break;
  }
  if (rule.to) d.status = rule.to;
  d.statusCode = STATUS_CODES[d.status];
  d.stage = d.finishedAt || d.status === 'RECEIVED' || d.status === 'SUBMITTED' ? null : stageAfter(action, d.stage);
  d.version += 1; // @VersionColumn: every save
  d.updatedAt = now; // @UpdateDateColumn
  d.events.push(
    event(principal, now, {
      action,
      fromStatus: from,
      toStatus: d.status,
      reason: body.reason ?? null,
      form: rule.form ?? null,
      data: Object.keys(data).length ? data : null,
    }),
  );
  if (!routed) return;
  if (action === 'forward') materialize(d, procedure, route, principal, now);
  else afterAction(d, route, principal, action, now, data['pausedWorkingMinutes'] as number | undefined, body.reason);
}

/**
 * SlaSweepService.sweep, run by pg-boss once a minute: the marks it would have made on this
 * dossier and its route's steps during [from, to) with the dossier as it stood then (the caller
 * advances `from` past every change). A paused clock is never marked; a dossier's mark is written
 * once until a pause clears it. In one tick the dossier's marks come before its steps'.
 */
export function sweep(d: DossierState, fromMs: number, toMs: number, lagMs: number): void {
  if (toMs <= fromMs) return;
  // Cron fires at each whole minute; the sweep's `now` is a little later.
  const tickAtOrAfter = (ms: number) => Math.ceil((ms - lagMs) / 60_000) * 60_000 + lagMs;
  const marks: TimelineEvent[] = [];
  const mark = (at: number, action: 'sla-due-soon' | 'sla-overdue') =>
    marks.push({
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
      data: null,
    });
  if (!d.finishedAt && !d.pausedSince && d.dueAt && d.dueSoonAt) {
    const due = d.dueAt.getTime();
    if (d.slaFlag === null) {
      const at = tickAtOrAfter(Math.max(fromMs, d.dueSoonAt.getTime()));
      if (at < toMs && due >= at) {
        d.slaFlag = 'DUE_SOON';
        d.slaFlaggedAt = new Date(at);
        mark(at, 'sla-due-soon');
      }
    }
    if (d.slaFlag === null || d.slaFlag === 'DUE_SOON') {
      const at = tickAtOrAfter(Math.max(fromMs, due + 1));
      if (at < toMs) {
        d.slaFlag = 'OVERDUE';
        d.slaFlaggedAt = new Date(at);
        mark(at, 'sla-overdue');
      }
    }
  }
  const steps = d.steps.length ? sweepSteps(d, fromMs, toMs, tickAtOrAfter) : [];
  if (!steps.length) {
    d.events.push(...marks);
    return;
  }
  // Stable: within one tick the dossier's marks first, then the steps' (the order of the sweep).
  const all = [...marks, ...steps].map((e, i) => ({ e, i }));
  all.sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i);
  d.events.push(...all.map((x) => x.e));
}

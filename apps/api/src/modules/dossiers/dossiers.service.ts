import {
  ACTION_RULES,
  actionAppliesTo,
  allowedActions,
  classifyFinished,
  dueSoonAfterMinutes,
  foldVietnamese,
  formatDossierCode,
  localDateOf,
  lookupSecretFromBytes,
  maskIdentifier,
  maskPhone,
  processingHours,
  STATUS_CODES,
  stageAfter,
  type DossierAction,
  type DossierState,
  type DossierStatus,
  type WorkingCalendar,
} from '@motcua/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ActorContext, principalOf } from '../../common/auth/actor';
import { isAgencyPathInScope } from '../../common/auth/agency-scope';
import type { Principal } from '../../common/auth/principal';
import { FieldError, ProblemException } from '../../common/problem/problem';
import { validationProblem } from '../../common/problem/validation';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { Agency } from '../catalog/entities/agency.entity';
import { Procedure } from '../catalog/entities/procedure.entity';
import { clockFigures, toEvent, toSummary } from './dossier-views';
import {
  CreateDossierRequest,
  DossierActionRequest,
  DossierCounts,
  DossierCountsQuery,
  DossierPage,
  DossierResponse,
  ListDossiersQuery,
} from './dto/dossier.dto';
import { DossierEvent } from './entities/dossier-event.entity';
import { ApplicantSnapshot, Dossier } from './entities/dossier.entity';
import { IdempotencyKey } from './entities/idempotency-key.entity';
import { actionForbidden, actionNotAllowed, dossierNotFound, staleDossier } from './dossiers.errors';
import { ControlSheet, StepAction, StepActionRequest } from './routing/routing.dto';
import { RoutingService } from './routing/routing.service';
import { OutboxService } from '../integration/outbox.service';
import type { OutboxEventType } from '../integration/integration-events';
import { PartiesService } from '../parties/parties.service';
import type { ApplicantInput } from '../parties/party-input';
import { toControlSheetRow, toStepView } from './routing/step-views';
import { DossierRow, DossiersRepository, IntakeAgency, IntakeContext, IntakeProcedure } from './dossiers.repository';

const DEFAULT_PAGE = 50;
/** Transitions that read or move the dossier's route (step tasks). */
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
/** The outbox event of a transition, when it has a more telling type than `dossier.status-changed`. */
const OUTBOX_TYPE_OF: Partial<Record<DossierAction, OutboxEventType>> = {
  accept: 'dossier.received',
  refuse: 'dossier.refused',
  forward: 'dossier.forwarded',
  'request-supplement': 'dossier.supplement-requested',
  'issue-result': 'dossier.result-ready',
  'reject-with-reasons': 'dossier.result-ready',
  'return-result': 'dossier.returned',
};
/** Staff who work on steps: reception, specialists, leaders. */
const STEP_PERMISSIONS = ['dossiers:intake', 'dossiers:process', 'dossiers:approve'] as const;
const COUNT_CAP = 1000;
const WORKING_DAY_MINUTES = 480;

interface TimelineEntry {
  action: string;
  from: DossierStatus | null;
  reason?: string;
  form?: string;
  data?: Record<string, unknown>;
  toStatus?: DossierStatus;
}

/** A dossier just written, with what its response needs, so intake answers without reading it back. */
interface CreatedDossier {
  row: DossierRow;
  timeline: DossierEvent[];
  agencies: Array<Pick<Agency, 'id' | 'name' | 'path'>>;
  /** About the applicant's data (e.g. CCCD digits disagreeing with the birth year). */
  warnings?: string[];
}

export interface IntakeResult {
  dossier: DossierResponse;
  /** false when an Idempotency-Key replay returned the dossier created earlier. */
  created: boolean;
}

@Injectable()
export class DossiersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossiers: DossiersRepository,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly routing: RoutingService,
    private readonly parties: PartiesService,
    private readonly outbox: OutboxService,
  ) {}

  async list(actor: ActorContext, query: ListDossiersQuery): Promise<DossierPage> {
    const now = new Date();
    const { rows, nextCursor } = await this.dossiers.findPage(principalOf(actor), query, query.limit ?? DEFAULT_PAGE, now);
    return { items: rows.map((row) => toSummary(row, now)), nextCursor };
  }

  /** Work-list tab counts, capped: a number a person reads at a glance, cheap at a million dossiers. */
  async counts(actor: ActorContext, query: DossierCountsQuery): Promise<DossierCounts> {
    const items = await this.dossiers.countBuckets(principalOf(actor), query, COUNT_CAP, new Date());
    return { limit: COUNT_CAP, items };
  }

  async get(actor: ActorContext, code: string): Promise<DossierResponse> {
    const row = await this.dossiers.findByCodeInScope(principalOf(actor), code);
    if (!row) throw dossierNotFound();
    return this.detail(principalOf(actor), row);
  }

  /** Intake at the counter, by post, online or from a portal (DOMAIN §4, §6). */
  async receive(actor: ActorContext, body: CreateDossierRequest, idempotencyKey?: string): Promise<IntakeResult> {
    const principal = principalOf(actor);
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    // Read outside the transaction: a transaction must never wait for a second pool connection.
    const calendar = await this.calendar.calendar();

    const outcome = await this.dataSource.transaction(async (tx) => {
      if (idempotencyKey) {
        // The insert waits for a concurrent request with the same key, so only one dossier is ever made.
        const inserted = await tx.query(
          `INSERT INTO idempotency_keys (principal_id, key, request_hash, dossier_id) VALUES ($1, $2, $3, gen_random_uuid())
           ON CONFLICT DO NOTHING RETURNING dossier_id`,
          [principal.id, idempotencyKey, requestHash],
        );
        if (!inserted.length) {
          const existing = await tx.findOneByOrFail(IdempotencyKey, { principalId: principal.id, key: idempotencyKey });
          if (existing.requestHash !== requestHash) {
            throw new ProblemException({
              status: 422,
              code: 'IDEMPOTENCY_KEY_REUSED',
              title: 'Unprocessable request',
              detail: 'Idempotency-Key này đã được dùng cho một yêu cầu khác.',
            });
          }
          return { id: existing.dossierId, created: false, written: undefined };
        }
        const written = await this.create(tx, actor, principal, body, calendar, { id: inserted[0].dossier_id });
        return { id: written.row.dossier.id, created: true, written };
      }
      const written = await this.create(tx, actor, principal, body, calendar);
      return { id: written.row.dossier.id, created: true, written };
    });

    // A fresh intake answers from what it just wrote; an idempotent replay reads the stored dossier.
    if (outcome.written) {
      const dossier = await this.detail(principal, outcome.written.row, calendar, outcome.written);
      return { dossier: { ...dossier, warnings: outcome.written.warnings ?? [] }, created: true };
    }
    const row = await this.dossiers.findById(outcome.id);
    if (!row) throw dossierNotFound();
    return { dossier: await this.detail(principal, row, calendar), created: outcome.created };
  }

  /**
   * Everything is computed before the code is allocated: the agency-day counter row stays locked
   * for one statement (the dossier with its timeline, links, outbox event and audit record) and the
   * commit; the province-wide audit chain only for the commit.
   */
  private async create(
    tx: EntityManager,
    actor: ActorContext,
    principal: Principal,
    body: CreateDossierRequest,
    calendar: WorkingCalendar,
    options: { id?: string; replay?: { at: Date; code: string } } = {},
  ): Promise<CreatedDossier> {
    const { replay } = options;
    const context = await this.dossiers.intakeContext(tx, {
      procedureId: body.procedureId,
      procedureCode: body.procedureCode,
      agencyId: body.receivingAgencyId,
      agencyCode: body.receivingAgencyCode,
    });
    const procedure = this.checkedProcedure(context, body);
    const receiving = this.checkedReceivingAgency(context, principal, body);
    const competent = this.checkedCompetentAgency(context, procedure);
    const online = body.channel === 'ONLINE';
    if (!online) this.checkDocuments(procedure, body);

    // The applicant joins the citizen registry (issue 7) before any lock is taken; the dossier keeps
    // a masked copy for lists and forms, never the identifiers or the phone in clear.
    const party = await this.parties.resolveApplicant(
      tx,
      actor,
      body.applicant.partyId ? { partyId: body.applicant.partyId } : (body.applicant as ApplicantInput),
      { mode: replay ? 'lenient' : 'intake', agencyId: receiving.id },
    );
    const applicant = body.applicant.partyId ? await this.partySnapshot(tx, party.partyId) : this.snapshot(body, party.partyId);

    const now = replay?.at ?? new Date();
    const writtenAt = new Date();
    const dossier: Dossier = Object.assign(new Dossier(), {
      id: options.id ?? randomUUID(),
      procedureId: procedure.id,
      receivingAgencyId: receiving.id,
      competentAgencyId: competent.id,
      channel: body.channel,
      status: 'SUBMITTED',
      statusCode: STATUS_CODES.SUBMITTED,
      stage: null,
      outcome: null,
      applicant,
      applicantName: applicant.fullName,
      documents: body.documents,
      note: body.note ?? null,
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
      lookupSecret: lookupSecretFromBytes(randomBytes(8)),
      paidOnline: false,
      paymentReference: null,
      electronicResult: false,
      createdByUser: principal.kind === 'user' ? principal.id : null,
      createdByClient: principal.kind === 'client' ? principal.id : null,
      createdAt: writtenAt,
      updatedAt: writtenAt,
      version: 1,
    } satisfies Omit<Dossier, 'code' | 'searchText' | 'procedure' | 'receivingAgency' | 'competentAgency'>);
    // A counter, postal or portal intake that passes the check is accepted at once (status 2).
    if (!online) {
      this.accept(dossier, procedure, calendar, now);
      dossier.status = 'RECEIVED';
      dossier.statusCode = STATUS_CODES.RECEIVED;
    }

    // The code counter row stays locked until commit, so it comes last, followed only by the dossier's
    // insert.
    if (replay) {
      dossier.code = replay.code;
      await this.dossiers.reserveImportedCode(tx, receiving.id, replay.code);
    } else {
      const localDate = localDateOf(now);
      const { sequence } = await this.dossiers.nextSequence(tx, receiving.id, localDate);
      dossier.code = formatDossierCode(receiving.code, localDate, sequence);
    }
    dossier.searchText = foldVietnamese(`${dossier.code} ${applicant.fullName}`);
    const events = this.eventRows(actor, dossier, now, [
      { action: 'submit', from: null, toStatus: 'SUBMITTED' },
      ...(online ? [] : [{ action: 'accept', from: 'SUBMITTED' as const, form: ACTION_RULES.accept.form }]),
    ]);
    const audit = this.audit.draft(actor, {
      action: online ? 'dossier.submitted' : 'dossier.received',
      targetType: 'dossier',
      targetId: dossier.code,
      after: { channel: dossier.channel, procedure: procedure.code, status: dossier.status },
    });
    // The audit record is sealed into the province-wide chain when the transaction commits.
    const eventIds = await this.dossiers.insertNew(tx, dossier, events, [
      this.parties.linkStatement(dossier.id, party.partyId, 'OWNER'),
      // Portals hear of it through the changes feed and webhooks; a replayed legacy dossier is history, not news.
      ...(replay
        ? []
        : [this.outbox.insertStatement([this.outbox.event({ type: online ? 'dossier.submitted' : 'dossier.received', dossier })])]),
      this.audit.insertStatement([audit]),
    ]);
    events.forEach((event, i) => (event.id = eventIds[i]));
    return {
      row: { dossier, procedureName: procedure.name, procedureCode: procedure.code },
      timeline: events,
      agencies: [receiving, competent],
      warnings: party.warnings,
    };
  }

  private checkedProcedure(context: IntakeContext, body: CreateDossierRequest): IntakeProcedure {
    if (!body.procedureCode && !body.procedureId) {
      throw validationProblem([{ field: 'procedureCode', rule: 'required', message: 'Cần procedureCode hoặc procedureId' }]);
    }
    if (!context.procedure) {
      throw validationProblem([
        {
          field: body.procedureId ? 'procedureId' : 'procedureCode',
          rule: 'publishedProcedure',
          message: 'Thủ tục không có trong danh mục đang công bố',
        },
      ]);
    }
    return context.procedure;
  }

  private checkedReceivingAgency(context: IntakeContext, principal: Principal, body: CreateDossierRequest): IntakeAgency {
    const field = body.receivingAgencyId ? 'receivingAgencyId' : 'receivingAgencyCode';
    if (!body.receivingAgencyCode && !body.receivingAgencyId) {
      throw validationProblem([
        { field: 'receivingAgencyCode', rule: 'required', message: 'Cần receivingAgencyCode hoặc receivingAgencyId' },
      ]);
    }
    const agency = context.receiving;
    if (!agency || !isAgencyPathInScope(principal, agency.path)) {
      throw validationProblem([{ field, rule: 'agencyInScope', message: 'Nơi tiếp nhận không tồn tại hoặc ngoài phạm vi của bạn' }]);
    }
    if (!agency.isReceptionPoint)
      throw validationProblem([{ field, rule: 'receptionPoint', message: 'Cơ quan này không phải là bộ phận tiếp nhận và trả kết quả' }]);
    return agency;
  }

  /**
   * The procedure's competent agency; when it names none, the receiving point's own commune or
   * district (of the procedure's level) is competent. Any reception point may receive (phi địa giới).
   */
  private checkedCompetentAgency(context: IntakeContext, procedure: IntakeProcedure): IntakeAgency {
    if (!context.competent) {
      throw validationProblem([
        {
          field: 'receivingAgencyCode',
          rule: 'competentAgency',
          message: `Thủ tục cấp ${procedure.level} phải nộp tại bộ phận một cửa của cấp đó hoặc cấp dưới`,
        },
      ]);
    }
    return context.competent;
  }

  /** Valid receipt starts the clock (DOMAIN §5): due time and the "due soon" mark from the calendar. */
  private accept(
    dossier: Dossier,
    procedure: Pick<Procedure, 'processingAmount' | 'processingUnit'>,
    calendar: WorkingCalendar,
    now: Date,
  ): void {
    const { clockStart, due } = calendar.computeDue(now, procedure.processingAmount, procedure.processingUnit);
    dossier.receivedAt = now;
    dossier.dueAt = due;
    dossier.originalDueAt = due;
    dossier.dueSoonAt = calendar.addWorkingMinutes(clockStart, dueSoonAfterMinutes(dossier.budgetMinutes));
  }

  /**
   * Replays one legacy dossier inside the caller's transaction: created at its first event's time
   * with its own code, then every later status change through the same transitions as live
   * dossiers, at the times given, so due times, pauses and timeliness come from the same code.
   */
  async replay(
    tx: EntityManager,
    actor: ActorContext,
    body: CreateDossierRequest,
    code: string,
    steps: Array<{ at: Date; actions: DossierAction[]; request: DossierActionRequest }>,
    firstAt: Date,
    calendar: WorkingCalendar,
  ): Promise<void> {
    const principal = principalOf(actor);
    const { dossier } = (await this.create(tx, actor, principal, body, calendar, { replay: { at: firstAt, code } })).row;
    const procedure = await tx.findOneByOrFail(Procedure, { id: dossier.procedureId });
    for (const step of steps) {
      for (const action of step.actions)
        await this.applyAction(tx, actor, principal, dossier, procedure, action, step.request, calendar, step.at, false);
    }
  }

  /** Applies one transition with the dossier's version, in one transaction. */
  async act(
    actor: ActorContext,
    code: string,
    action: DossierAction,
    body: DossierActionRequest,
    ifMatch?: string,
  ): Promise<DossierResponse> {
    const principal = principalOf(actor);
    const version = body.version ?? (ifMatch ? Number(ifMatch.replace(/^W\//, '').replace(/"/g, '')) : undefined);
    if (!version || !Number.isInteger(version)) {
      throw validationProblem([
        { field: 'version', rule: 'required', message: 'Cần gửi version hiện tại của hồ sơ (trong body hoặc If-Match)' },
      ]);
    }
    const calendar = await this.calendar.calendar();
    const { id, warnings } = await this.dataSource.transaction(async (tx) => {
      const row = await this.dossiers.findByCodeInScope(principal, code, tx, true);
      if (!row) throw dossierNotFound();
      const dossier = row.dossier;
      if (dossier.version !== version) throw staleDossier(dossier.version);
      const procedure = await tx.findOneByOrFail(Procedure, { id: dossier.procedureId });
      const warnings = await this.applyAction(tx, actor, principal, dossier, procedure, action, body, calendar, new Date());
      return { id: dossier.id, warnings };
    });
    const row = await this.dossiers.findById(id);
    if (!row) throw dossierNotFound();
    return { ...(await this.detail(principal, row, calendar)), warnings };
  }

  /** A step of the dossier's route: accept, return, resend, assign, take or complete (issue 6). */
  async actOnStep(
    actor: ActorContext,
    code: string,
    stepId: string,
    action: StepAction,
    body: StepActionRequest,
  ): Promise<DossierResponse> {
    const principal = principalOf(actor);
    if (!STEP_PERMISSIONS.some((p) => principal.permissions.has(p))) {
      throw new ProblemException({ status: 403, code: 'FORBIDDEN', title: 'Forbidden', detail: 'Tài khoản này không xử lý hồ sơ.' });
    }
    const calendar = await this.calendar.calendar();
    const assignee =
      action === 'take'
        ? { id: principal.id, name: principal.name, agencyPath: principal.agencyPath }
        : action === 'assign'
          ? await this.assigneeOf(body.assigneeId)
          : undefined;
    const id = await this.dataSource.transaction(async (tx) => {
      const row = await this.dossiers.findByCodeInScope(principal, code, tx, true);
      if (!row) throw dossierNotFound();
      const route = await this.routing.load(tx, row.dossier);
      const step = route.steps.find((s) => s.id === stepId);
      if (!step) throw new ProblemException({ status: 404, code: 'NOT_FOUND', title: 'Not found', detail: 'Hồ sơ không có bước này.' });
      const now = new Date();
      switch (action) {
        case 'accept':
          return this.routing.accept(tx, actor, route, step, now).then(() => row.dossier.id);
        case 'return':
          return this.routing.returnStep(tx, actor, route, step, body.reason, now).then(() => row.dossier.id);
        case 'resend':
          return this.routing.resend(tx, actor, route, step, now).then(() => row.dossier.id);
        case 'assign':
        case 'take':
          return this.routing.assign(tx, actor, route, step, assignee as NonNullable<typeof assignee>, now).then(() => row.dossier.id);
        case 'complete':
          return this.routing.complete(tx, actor, route, step, body.note, calendar, now).then(() => row.dossier.id);
      }
    });
    const row = await this.dossiers.findById(id);
    if (!row) throw dossierNotFound();
    return this.detail(principal, row, calendar);
  }

  /** Form 06 as data: one row per step of the route. */
  async controlSheet(actor: ActorContext, code: string): Promise<ControlSheet> {
    const row = await this.dossiers.findByCodeInScope(principalOf(actor), code);
    if (!row) throw dossierNotFound();
    const route = await this.routing.load(this.dataSource.manager, row.dossier);
    const nameOf = (id: string | null) => (id ? (route.agencies.get(id)?.name ?? null) : null);
    return { code: row.dossier.code, procedureName: row.procedureName, rows: route.steps.map((s) => toControlSheetRow(s, nameOf)) };
  }

  private async assigneeOf(id: string | undefined): Promise<{ id: string; name: string; agencyPath: string }> {
    if (!id) throw validationProblem([{ field: 'assigneeId', rule: 'required', message: 'Chọn người được phân công' }]);
    const [user] = await this.dataSource.query(
      `SELECT u.id, u.full_name AS name, a.path AS "agencyPath" FROM users u JOIN agencies a ON a.id = u.agency_id
        WHERE u.id = $1 AND u.active AND u.roles && ARRAY['SPECIALIST', 'LEADER']::text[]`,
      [id],
    );
    if (!user)
      throw validationProblem([{ field: 'assigneeId', rule: 'activeOfficer', message: 'Không có cán bộ xử lý đang hoạt động với mã này' }]);
    return user;
  }

  private async applyAction(
    tx: EntityManager,
    actor: ActorContext,
    principal: Principal,
    dossier: Dossier,
    procedure: Procedure,
    action: DossierAction,
    body: DossierActionRequest,
    calendar: WorkingCalendar,
    now: Date,
    authorize = true,
  ): Promise<string[]> {
    const rule = ACTION_RULES[action];
    const state = this.stateOf(dossier);
    // A historical replay checks that the transition is possible, but the actors are the legacy system's.
    const mine = authorize ? await this.allowedFor(tx, principal, dossier) : [action];
    if (!actionAppliesTo(rule, state)) throw actionNotAllowed(action, dossier.status, mine);
    if (authorize && !rule.permissions.some((p) => principal.permissions.has(p))) throw actionForbidden(action, mine);
    if (!mine.includes(action)) {
      throw actionForbidden(
        action,
        mine,
        rule.side === 'RECEIVING'
          ? 'Chỉ bộ phận tiếp nhận của hồ sơ mới thực hiện được thao tác này.'
          : 'Chỉ cơ quan giải quyết hồ sơ mới thực hiện được thao tác này.',
      );
    }
    const missing: FieldError[] = rule.requires
      .filter((field) => body[field] === undefined || body[field] === null || body[field] === '')
      .map((field) => ({ field, rule: 'required', message: `${field} là bắt buộc cho thao tác này` }));
    if (missing.length) throw validationProblem(missing);
    // A historical replay has no route; a live dossier moves only where its route is (issue 6).
    const route = authorize && ROUTED_ACTIONS.has(action) ? await this.routing.load(tx, dossier) : undefined;
    if (route) this.routing.checkAction(route, action);

    const from = dossier.status;
    const data: Record<string, unknown> = {};
    const resume = () => {
      if (dossier.pausedSince) {
        // Whole minutes: the column is an integer and the clock is kept to the minute.
        const paused = Math.round(calendar.workingMinutesBetween(dossier.pausedSince, now));
        dossier.pausedMinutes += paused;
        if (dossier.dueAt) dossier.dueAt = calendar.addWorkingMinutes(dossier.dueAt, paused);
        if (dossier.dueSoonAt) dossier.dueSoonAt = calendar.addWorkingMinutes(dossier.dueSoonAt, paused);
        data['pausedWorkingMinutes'] = paused;
        dossier.pausedSince = null;
        dossier.slaFlag = null; // the due time moved: let the sweep judge it again
      }
      dossier.status = dossier.resumeStatus ?? 'IN_PROCESS';
      dossier.resumeStatus = null;
    };
    const finish = (outcome: Dossier['outcome']) => {
      dossier.finishedAt = now;
      dossier.outcome = outcome;
      if (dossier.pausedSince) resume();
      if (dossier.dueAt && (outcome === 'POSITIVE' || outcome === 'NEGATIVE')) dossier.timeliness = classifyFinished(now, dossier.dueAt);
    };

    switch (action) {
      case 'accept':
        this.accept(dossier, procedure, calendar, now);
        break;
      case 'request-supplement':
        dossier.resumeStatus = dossier.status;
        if (dossier.status === 'IN_PROCESS') dossier.pausedSince = now; // the clock stops (DOMAIN §5)
        break;
      case 'receive-supplement':
      case 'confirm-payment':
        if (action === 'confirm-payment') {
          dossier.paidOnline = body.paidOnline ?? false;
          dossier.paymentReference = body.paymentReference ?? null;
          data['paidOnline'] = dossier.paidOnline;
        }
        resume();
        break;
      case 'request-payment':
        dossier.resumeStatus = 'IN_PROCESS';
        if (procedure.pauseClockOnPayment) dossier.pausedSince = now;
        data['amount'] = body.amount;
        break;
      case 'refuse':
        finish('REFUSED');
        break;
      case 'issue-result':
        dossier.electronicResult = Boolean(body.electronicResult && procedure.electronicResultAllowed);
        finish('POSITIVE');
        break;
      case 'reject-with-reasons':
        finish('NEGATIVE');
        break;
      case 'apologize': {
        const appointment = new Date(body.newAppointment as string);
        if (!dossier.dueAt || appointment <= dossier.dueAt) {
          throw validationProblem([{ field: 'newAppointment', rule: 'afterDue', message: 'Ngày hẹn mới phải sau thời hạn hiện tại' }]);
        }
        // No later than one working day before the due time (DOMAIN §4).
        if (now > dossier.dueAt || calendar.workingMinutesBetween(now, dossier.dueAt) < WORKING_DAY_MINUTES) {
          throw new ProblemException({
            status: 409,
            code: 'APOLOGY_TOO_LATE',
            title: 'Conflict',
            detail: 'Văn bản xin lỗi phải gửi chậm nhất 01 ngày làm việc trước hạn trả kết quả.',
          });
        }
        dossier.apologyDueAt = appointment;
        data['newAppointment'] = appointment.toISOString();
        break;
      }
      case 'request-withdrawal':
        dossier.resumeStatus = dossier.status;
        break;
      case 'confirm-withdrawal':
        finish('WITHDRAWN');
        break;
      case 'stop':
        finish('STOPPED');
        break;
      case 'return-result':
        dossier.returnedAt = now;
        dossier.returnMethod = body.returnMethod ?? null;
        data['returnMethod'] = dossier.returnMethod;
        break;
      default:
        break;
    }
    if (rule.to) dossier.status = rule.to;
    dossier.statusCode = STATUS_CODES[dossier.status];
    // The stage survives pauses (supplement, payment) and is cleared only when the dossier finishes.
    dossier.stage =
      dossier.finishedAt || dossier.status === 'RECEIVED' || dossier.status === 'SUBMITTED' ? null : stageAfter(action, dossier.stage);
    await tx.save(dossier);
    await this.recordEvent(tx, actor, dossier, now, { action, from, reason: body.reason, form: rule.form, data });
    await this.audit.record(
      actor,
      {
        action: `dossier.${action}`,
        targetType: 'dossier',
        targetId: dossier.code,
        before: { status: from },
        after: { status: dossier.status, reason: body.reason, ...data },
      },
      tx,
    );
    if (authorize)
      await this.outbox.emit(tx, {
        type: OUTBOX_TYPE_OF[action] ?? 'dossier.status-changed',
        dossier,
        data: { action, fromStatus: from, reason: body.reason },
      });
    if (!route) return [];
    if (action === 'forward') return this.routing.materialize(tx, actor, dossier, calendar, now);
    await this.routing.afterAction(
      tx,
      actor,
      route,
      action,
      calendar,
      now,
      data['pausedWorkingMinutes'] as number | undefined,
      body.reason,
    );
    return [];
  }

  /** What the caller may do now: the transition table, their permissions, and whether their scope covers the acting side. */
  private async allowedFor(
    tx: EntityManager | undefined,
    principal: Principal,
    dossier: Dossier,
    loaded?: Array<Pick<Agency, 'id' | 'path'>>,
  ): Promise<DossierAction[]> {
    const agencies = loaded ?? (await this.agenciesOf(dossier, tx));
    const pathOf = (id: string) => agencies.find((a) => a.id === id)?.path ?? '\u0000';
    const covers = {
      RECEIVING: isAgencyPathInScope(principal, pathOf(dossier.receivingAgencyId)),
      COMPETENT: isAgencyPathInScope(principal, pathOf(dossier.competentAgencyId)),
    };
    return allowedActions(this.stateOf(dossier), principal.permissions).filter((action) => covers[ACTION_RULES[action].side]);
  }

  /** The dossier's receiving and competent agencies (names and paths) in one query. */
  private agenciesOf(dossier: Dossier, tx?: EntityManager): Promise<Array<Pick<Agency, 'id' | 'name' | 'path'>>> {
    return (tx ?? this.dataSource.manager).query('SELECT id, name, path FROM agencies WHERE id = $1 OR id = $2', [
      dossier.receivingAgencyId,
      dossier.competentAgencyId,
    ]);
  }

  private stateOf(dossier: Dossier): DossierState {
    return { status: dossier.status, stage: dossier.stage, apologized: Boolean(dossier.apologyDueAt) };
  }

  private async recordEvent(tx: EntityManager, actor: ActorContext, dossier: Dossier, at: Date, event: TimelineEntry): Promise<void> {
    await tx.save(this.eventRows(actor, dossier, at, [event]));
  }

  /** Timeline rows at the moment the transition happened (a replayed import keeps its historical times). */
  private eventRows(actor: ActorContext, dossier: Dossier, at: Date, entries: TimelineEntry[]): DossierEvent[] {
    return entries.map((e) =>
      Object.assign(new DossierEvent(), {
        dossierId: dossier.id,
        at,
        action: e.action,
        actorType: actor.principal?.kind ?? 'system',
        actorId: actor.principal?.id ?? null,
        actorName: actor.principal?.displayName ?? actor.principal?.name ?? null, // the timeline shows people, the audit trail accounts
        agencyId: actor.principal?.agencyId ?? null,
        fromStatus: e.from,
        toStatus: e.toStatus ?? dossier.status,
        reason: e.reason ?? null,
        form: e.form ?? null,
        data: e.data && Object.keys(e.data).length ? e.data : null,
      }),
    );
  }

  private async detail(
    principal: Principal,
    row: DossierRow,
    knownCalendar?: WorkingCalendar,
    known?: Pick<CreatedDossier, 'timeline' | 'agencies'>,
  ): Promise<DossierResponse> {
    const { dossier } = row;
    const now = new Date();
    const [calendar, timeline, agencies, route] = await Promise.all([
      knownCalendar ?? this.calendar.calendar(),
      known?.timeline ?? this.dossiers.timeline(dossier.id),
      known?.agencies ?? this.agenciesOf(dossier),
      // A dossier just received has no route yet.
      known ? undefined : this.routing.load(this.dataSource.manager, dossier),
    ]);
    const agencyName = (id: string | null) => (id ? (route?.agencies.get(id)?.name ?? null) : null);
    const allowed = await this.allowedFor(undefined, principal, dossier, agencies);
    const nameOf = (id: string) => agencies.find((a) => a.id === id)?.name ?? '';
    return {
      ...toSummary(row, now),
      stage: dossier.stage,
      outcome: dossier.outcome,
      receivingAgencyName: nameOf(dossier.receivingAgencyId),
      competentAgencyName: nameOf(dossier.competentAgencyId),
      procedureId: dossier.procedureId,
      applicant: {
        ...dossier.applicant,
        fullName: dossier.applicant.type === 'INDIVIDUAL' ? dossier.applicant.fullName : undefined,
        name: dossier.applicant.type === 'INDIVIDUAL' ? undefined : dossier.applicant.fullName,
      },
      documents: dossier.documents,
      note: dossier.note,
      originalDueAt: dossier.originalDueAt?.toISOString() ?? null,
      apologyDueAt: dossier.apologyDueAt?.toISOString() ?? null,
      ...clockFigures(dossier, calendar, now),
      budgetMinutes: dossier.budgetMinutes,
      finishedAt: dossier.finishedAt?.toISOString() ?? null,
      returnMethod: dossier.returnMethod,
      paidOnline: dossier.paidOnline,
      electronicResult: dossier.electronicResult,
      lookupSecret: dossier.lookupSecret,
      allowedActions: allowed,
      timeline: timeline.map(toEvent),
      steps: (route?.steps ?? []).map((step) => toStepView(step, agencyName, calendar, now)),
      warnings: [],
    };
  }

  /** Counter intake: every mandatory document of the procedure must be in the checklist (names compared without diacritics). */
  private checkDocuments(procedure: Pick<Procedure, 'documents'>, body: CreateDossierRequest): void {
    const given = new Set(body.documents.map((d) => foldVietnamese(d.name)));
    const missing = procedure.documents.filter((d) => d.mandatory && !given.has(foldVietnamese(d.name)));
    if (missing.length) {
      throw new ProblemException({
        status: 422,
        code: 'DOCUMENTS_MISSING',
        title: 'Unprocessable request',
        detail: `Hồ sơ thiếu ${missing.length} thành phần bắt buộc; hướng dẫn công dân bổ sung (Mẫu 02) thay vì tiếp nhận.`,
        errors: missing.map((d) => ({ field: 'documents', rule: 'mandatoryDocument', message: d.name })),
      });
    }
  }

  /** What the dossier keeps of its applicant: names in clear, identifiers and phone masked (DOMAIN §7). */
  private snapshot(body: CreateDossierRequest, partyId: string): ApplicantSnapshot {
    const a = body.applicant;
    return {
      partyId,
      type: a.type,
      fullName: (a.type === 'INDIVIDUAL' ? a.fullName : a.name) as string,
      dateOfBirth: a.dateOfBirth,
      sex: a.sex,
      identifiers: (a.identifiers ?? []).map((i) => ({ type: i.type, value: maskIdentifier(i.value) })),
      phone: a.phone ? maskPhone(a.phone) : undefined,
      email: a.email,
      address: a.address,
    };
  }

  /** An applicant given by party id: the registry's record, masked. */
  private async partySnapshot(tx: EntityManager, partyId: string): Promise<ApplicantSnapshot> {
    const [party] = await tx.query(
      `SELECT p.type, p.full_name AS "fullName", p.date_of_birth AS "dateOfBirth", p.sex,
              coalesce((SELECT json_agg(json_build_object('type', i.type, 'value', i.masked)) FROM party_identifiers i
                         WHERE i.party_id = p.id AND i.valid_to IS NULL), '[]') AS identifiers
         FROM parties p WHERE p.id = $1`,
      [partyId],
    );
    return {
      partyId,
      type: party.type,
      fullName: party.fullName,
      dateOfBirth: party.dateOfBirth ?? undefined,
      sex: party.sex ?? undefined,
      identifiers: party.identifiers,
    };
  }
}

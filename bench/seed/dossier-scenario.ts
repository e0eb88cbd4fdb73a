import type { DossierAction, WorkingCalendar } from '@motcua/domain';
import type { ProcedureInfo } from './catalog';
import { applyAction, sweep, type ActionBody, type DossierState, type Principal } from './dossier-lifecycle';
import {
  stagesBefore,
  stepAccept,
  stepAssign,
  stepComplete,
  stepResend,
  stepReturn,
  type RouteContext,
  type StepState,
} from './route-lifecycle';
import { BUSINESS_FIELDS, DEFAULT_SUPPLEMENT_RATE, PAYMENT_FIELDS, REASONS, SUPPLEMENT_RATE } from './profile';
import type { Random } from './random';

/** Who acts for an agency: the reception desk, a specialist and a leader. */
export interface StaffDirectory {
  reception(agencyId: string): Principal;
  specialist(agencyId: string): Principal;
  leader(agencyId: string): Principal;
}

const W = 480; // working minutes in a working day

/** A handover someone will make on a step, unless the step has moved on by then. */
interface PlannedStepAction {
  at: number;
  stepId: string;
  run(now: Date): void;
}

/**
 * Plays one dossier forward from its intake: the actions officials and citizens take, at working
 * times, until the dossier is finished or the next action would be after `now`. Every action goes
 * through applyAction (the API's rules, the route included); the SLA sweep marks what it would have
 * marked meanwhile. Steps of the route are picked up (assigned, accepted) soon after they arrive, and
 * a step that stands in the way of the next transition (a consultation, an intermediate appraisal)
 * is completed first by its own agency, as the API requires.
 */
export class LifecycleRun {
  private t: number;
  private sweptTo: number;
  private halted = false;
  /** The sweep's lag after the whole minute, per dossier (the job's scheduling delay). */
  private readonly lag: number;
  private readonly planned: PlannedStepAction[] = [];
  private readonly route: RouteContext;

  constructor(
    readonly d: DossierState,
    private readonly procedure: ProcedureInfo,
    private readonly calendar: WorkingCalendar,
    private readonly now: number,
    private readonly r: Random,
    private readonly staff: StaffDirectory,
    agencyName: (id: string) => string | undefined,
  ) {
    this.t = d.submittedAt.getTime();
    this.sweptTo = this.t;
    this.lag = 40 + Math.floor(r.next() * 900);
    this.route = { calendar, agencyName, newId: () => r.uuid(), onSent: (step, at) => this.planPickUp(step, at.getTime()) };
  }

  get time(): number {
    return this.t;
  }

  /** `minutes` of working time after the last action (plus a few seconds), at a working instant. */
  after(minutes: number, from = this.t): number {
    return this.calendar.addWorkingMinutes(new Date(from), Math.max(0, minutes) + this.r.next()).getTime();
  }

  /** Applies the action at `at` unless that is in the future (then the dossier stays as it is now). */
  act(action: DossierAction, at: number, principal: Principal, body: ActionBody = {}): boolean {
    if (this.halted) return false;
    const ready = this.clearRoute(action, at);
    if (ready === undefined) return false;
    return this.happen(ready, (now) => applyAction(this.d, this.procedure, action, body, this.calendar, now, principal, this.route));
  }

  /** Completes what stands in the route's way of `action`, at plausible times from now on; false when that is after now. */
  advance(action: DossierAction): boolean {
    if (this.halted) return false;
    return this.clearRoute(action, this.t) !== undefined;
  }

  /** The planned handovers and the sweeps between the last action and now. */
  end(): void {
    if (!this.halted) this.happen(this.now + 1, () => undefined);
    sweep(this.d, this.sweptTo, this.now, this.lag);
    this.sweptTo = this.now;
  }

  /**
   * Runs `change` at `ms` (after the planned handovers due before it, and the sweeps up to it), or
   * halts the dossier when `ms` is after now.
   */
  private happen(ms: number, change: (now: Date) => void): boolean {
    if (this.halted) return false;
    while (this.planned.length && this.planned[0].at < ms) {
      const next = this.planned.shift() as PlannedStepAction;
      if (next.at > this.now) {
        this.halted = true;
        return false;
      }
      const step = this.d.steps.find((s) => s.id === next.stepId);
      if (step?.status !== 'SENT') continue; // completed or returned meanwhile
      sweep(this.d, this.sweptTo, next.at, this.lag);
      this.sweptTo = next.at;
      next.run(new Date(next.at));
      this.t = next.at;
    }
    if (ms > this.now) {
      this.halted = true;
      return false;
    }
    sweep(this.d, this.sweptTo, ms, this.lag);
    this.sweptTo = ms;
    change(new Date(ms));
    this.t = ms;
    return true;
  }

  /** Who picks up a step that arrives: mostly the agency's leader assigns it to an official; sometimes the official accepts it. */
  private planPickUp(step: StepState, at: number): void {
    if (step.actor === 'RECEIVING' || step.role !== 'SPECIALIST') return; // the desk and the leaders act through the transitions
    const u = this.r.next();
    if (u >= 0.9) return;
    const leader = this.staff.leader(step.agencyId);
    const official = this.staff.specialist(step.agencyId);
    const when = this.after(this.r.chance(0.7) ? this.r.uniform(5, 120) : this.r.uniform(120, 600), at);
    const run =
      u < 0.8
        ? (now: Date) => stepAssign(this.d, this.route, leader, step, official, now)
        : (now: Date) => stepAccept(this.d, this.route, official, step, now);
    const i = this.planned.findIndex((p) => p.at > when);
    this.planned.splice(i < 0 ? this.planned.length : i, 0, { at: when, stepId: step.id, run });
  }

  /** Who completes a step: the agency's official for the step's role (the one it is assigned to, if it is). */
  private actorFor(step: StepState): Principal {
    if (step.role === 'LEADER') return this.staff.leader(step.agencyId);
    if (step.role === 'RECEPTION') return this.staff.reception(step.agencyId);
    return this.staff.specialist(step.agencyId);
  }

  /** Who sends a returned step again: the desk when it came from the reception, else the sender's official. */
  private senderOf(step: StepState): Principal {
    const from = step.sentFromAgencyId ?? this.d.receivingAgencyId;
    return from === this.d.receivingAgencyId && from !== this.d.competentAgencyId
      ? this.staff.reception(from)
      : this.staff.specialist(from);
  }

  /**
   * Completes, stage by stage, the open steps that keep the route from allowing `action` (each by
   * its own agency, a few consultations sent back once), sharing the time until `at` in proportion
   * to the steps' budgets — or, when they need longer than that, pushing the action later. Returns
   * the time of the action, or undefined when the dossier halted on the way (the work is after now).
   */
  private clearRoute(action: DossierAction, at: number): number | undefined {
    const d = this.d;
    if (!d.steps.length) return at;
    const { stages, then } = stagesBefore(d, action);
    if (!stages.length) return at;
    const r = this.r;
    const budget = (steps: StepState[]) => Math.max(...steps.map((s) => s.budgetMinutes)) * r.uniform(0.7, 1.3);
    const weights = stages.map(budget);
    const tail = then.length ? budget(then) : 0;
    const total = weights.reduce((a, b) => a + b, 0) + tail;
    // Each stage takes at least a plausible share of its budget (a consultation more than a desk step).
    const least = stages.reduce(
      (sum, stage, i) => sum + weights[i] * (stage.some((s) => s.actor === 'FIXED') ? r.uniform(0.2, 0.7) : r.uniform(0.1, 0.4)),
      0,
    );
    const start = this.t;
    let window = this.calendar.workingMinutesBetween(new Date(start), new Date(at));
    let target = at;
    if (window < least) {
      window = least / (1 - tail / total) + r.uniform(5, 60);
      target = this.after(window, start);
    }
    const point = (minutes: number) => this.calendar.addWorkingMinutes(new Date(start), minutes).getTime();
    let used = 0;
    for (let i = 0; i < stages.length; i++) {
      const from = point((window * used) / total);
      used += weights[i];
      const end = (window * used) / total;
      // Parallel steps finish a little apart; a returned consultation goes back and forth first.
      const moves: Array<{ at: number; run: (now: Date) => void }> = [];
      for (const step of stages[i]) {
        const done = point(end - (weights[i] * r.uniform(0, 0.3) * window) / total);
        if (step.actor === 'FIXED' && r.chance(0.04)) {
          const span = this.calendar.workingMinutesBetween(new Date(from), new Date(done));
          const back = this.calendar.addWorkingMinutes(new Date(from), span * r.uniform(0.15, 0.4)).getTime();
          const again = this.calendar.addWorkingMinutes(new Date(from), span * r.uniform(0.45, 0.7)).getTime();
          const reason = r.pick(REASONS.stepReturn);
          moves.push({ at: back, run: (now) => stepReturn(d, this.route, this.actorFor(step), step, reason, now) });
          moves.push({ at: again, run: (now) => stepResend(d, this.route, this.senderOf(step), step, now) });
        }
        const note = step.actor === 'FIXED' && r.chance(0.3) ? r.pick(REASONS.stepNote) : null;
        moves.push({ at: done, run: (now) => stepComplete(d, this.route, this.actorFor(step), step, note, now) });
      }
      moves.sort((a, b) => a.at - b.at);
      for (const move of moves) if (!this.happen(Math.max(move.at, this.t), move.run)) return undefined;
    }
    return target > this.t ? target : this.after(r.uniform(5, 60));
  }
}

interface Interruption {
  at: number;
  kind: 'supplement' | 'payment' | 'withdraw' | 'stop' | 'apology';
}

/** The life of one dossier after its intake, in plausible proportions (see the README of bench/seed). */
export function playLifecycle(
  run: LifecycleRun,
  procedure: ProcedureInfo,
  calendar: WorkingCalendar,
  staff: StaffDirectory,
  r: Random,
): void {
  const d = run.d;
  const reception = staff.reception(d.receivingAgencyId);
  const specialist = staff.specialist(d.competentAgencyId);
  const leader = staff.leader(d.competentAgencyId);
  const reason = (list: readonly string[]) => ({ reason: r.pick(list) });

  if (d.channel === 'ONLINE') {
    // The desk works through the online queue: most within hours, some the next day.
    const at = run.after(r.chance(0.6) ? r.uniform(5, 120) : r.chance(0.75) ? r.uniform(120, 480) : r.uniform(480, 1440));
    const u = r.next();
    if (u < 0.035) {
      run.act('refuse', at, reception, reason(REASONS.refuse));
      return run.end();
    }
    if (u < 0.065) {
      if (!run.act('request-supplement', at, reception, reason(REASONS.supplement))) return run.end();
      if (r.chance(0.2)) return run.end(); // never completed by the citizen
      if (!run.act('receive-supplement', run.after(r.uniform(0.5, 5) * W), reception)) return run.end();
      if (!run.act('accept', run.after(r.uniform(5, 120)), reception)) return run.end();
    } else if (u < 0.07) {
      if (run.act('request-withdrawal', at, reception, reason(REASONS.withdrawal)))
        run.act('confirm-withdrawal', run.after(r.uniform(5, 240)), reception);
      return run.end();
    } else if (!run.act('accept', at, reception)) return run.end();
  }

  // Received: the clock runs from the receipt to the due time ("window" working minutes).
  const received = d.receivedAt as Date;
  const window = calendar.workingMinutesBetween(calendar.nextWorkingInstant(received), d.originalDueAt as Date);
  const speed = r.next();
  const share =
    speed < 0.62
      ? r.uniform(0.1, 0.65)
      : speed < 0.89
        ? r.uniform(0.65, 0.97)
        : speed < 0.96
          ? r.uniform(1.02, 1.5)
          : speed < 0.985
            ? r.uniform(1.5, 3)
            : r.uniform(0.3, 0.9);
  const total = Math.max(20, share * window);
  // A few dossiers get stuck with an official and never move again (the old overdue backlog).
  const stalled = r.chance(0.004) ? r.pick(['submit', 'approve', 'issue'] as const) : undefined;

  let used = 0; // working minutes of the clock consumed so far (pauses excluded)
  const step = (target: number) => {
    if (target > used) {
      const at = run.after(target - used);
      used = target;
      return at;
    }
    const gap = r.uniform(10, 90);
    used += gap;
    return run.after(gap);
  };

  if (!run.act('forward', step(total * r.uniform(0.01, 0.06)), reception)) return run.end();

  const interruptions: Interruption[] = [];
  if (r.chance(SUPPLEMENT_RATE[procedure.field] ?? DEFAULT_SUPPLEMENT_RATE))
    interruptions.push({ kind: 'supplement', at: total * r.uniform(0.08, 0.45) });
  if (r.chance(PAYMENT_FIELDS[procedure.field] ?? 0)) interruptions.push({ kind: 'payment', at: total * r.uniform(0.25, 0.5) });
  if (r.chance(0.008)) interruptions.push({ kind: 'withdraw', at: total * r.uniform(0.05, 0.9) });
  else if (r.chance(0.004)) interruptions.push({ kind: 'stop', at: total * r.uniform(0.05, 0.9) });
  if (share > 1 && r.chance(0.35) && window > 2 * W) interruptions.push({ kind: 'apology', at: window - r.uniform(W, 1.8 * W) });
  interruptions.sort((a, b) => a.at - b.at);

  const submitAt = total * r.uniform(0.55, 0.75);
  const approveAt = total * r.uniform(0.8, 0.95);
  const rejected = r.chance(0.025) ? (r.chance(0.4) ? 'processing' : 'approval') : undefined;

  for (const next of interruptions) {
    if (next.at >= submitAt && next.kind !== 'apology' && next.kind !== 'withdraw' && next.kind !== 'stop') continue;
    if (stalled === 'submit' && next.at >= submitAt) break;
    switch (next.kind) {
      case 'supplement': {
        if (!run.act('request-supplement', step(next.at), reception, reason(REASONS.supplement))) return run.end();
        if (r.chance(0.12)) {
          // The citizen never brings the papers: most are stopped a month and a half later.
          if (r.chance(0.8)) run.act('stop', run.after(r.uniform(25, 35) * W), leader, reason(REASONS.stop));
          return run.end();
        }
        // The clock is paused: the wait does not consume `used`.
        if (!run.act('receive-supplement', run.after(r.uniform(0.5, 10) * W), reception)) return run.end();
        break;
      }
      case 'payment': {
        const fee = procedure.fees.reduce((sum, f) => sum + f.amount, 0);
        const amount = Math.round((fee + r.uniform(0.5, 60) * 1_000_000) / 1000) * 1000;
        if (!run.act('request-payment', step(next.at), specialist, { amount })) return run.end();
        if (r.chance(0.06)) {
          if (r.chance(0.8)) run.act('stop', run.after(r.uniform(25, 35) * W), leader, reason(REASONS.stop));
          return run.end();
        }
        const wait = r.uniform(0.3, 8) * W;
        const paidOnline = d.channel === 'ONLINE' ? r.chance(0.7) : r.chance(0.15);
        const body: ActionBody = { paidOnline, paymentReference: paidOnline ? `PAYGOV${r.digits(12)}` : undefined };
        if (!run.act('confirm-payment', run.after(wait), specialist, body)) return run.end();
        if (!procedure.pauseClockOnPayment) used += wait; // the clock kept running while the citizen paid
        break;
      }
      case 'withdraw':
        if (run.act('request-withdrawal', step(next.at), reception, reason(REASONS.withdrawal))) {
          run.act('confirm-withdrawal', run.after(r.uniform(15, 600)), reception);
        }
        return run.end();
      case 'stop':
        run.act('stop', step(next.at), leader, reason(REASONS.stop));
        return run.end();
      case 'apology': {
        if (next.at <= used) break;
        const at = step(next.at);
        const due = d.dueAt as Date;
        // Only when it is still at least one working day before the due time (the API refuses later).
        if (at <= due.getTime() && calendar.workingMinutesBetween(new Date(at), due) >= W) {
          const appointment = calendar.addWorkingMinutes(due, Math.max(W, total - window) + r.uniform(W / 2, 2 * W));
          if (!run.act('apologize', at, leader, { reason: r.pick(REASONS.apology), newAppointment: appointment.toISOString() }))
            return run.end();
        }
        break;
      }
    }
  }

  if (rejected === 'processing') {
    if (!run.act('reject-with-reasons', step(submitAt), leader, reason(REASONS.reject))) return run.end();
  } else {
    if (stalled === 'submit' || !run.act('submit-for-approval', step(submitAt), specialist)) return run.end();
    if (rejected === 'approval') {
      if (!run.act('reject-with-reasons', step(approveAt), leader, reason(REASONS.reject))) return run.end();
    } else {
      if (stalled === 'approve' || !run.act('approve', step(approveAt), leader)) return run.end();
      const electronic = d.channel === 'ONLINE' && r.chance(0.8);
      if (
        stalled === 'issue' ||
        !run.act('issue-result', step(total), r.chance(0.6) ? specialist : leader, { electronicResult: electronic })
      )
        return run.end();
    }
  }

  // The rest of the route (a consultation that follows the decision, a step left open by a
  // rejection) is worked through whether or not the citizen comes back for the result.
  if (!run.advance('return-result')) return run.end();
  // Result ready: returned electronically at once, by post in a day or two, or when the citizen comes.
  if (d.electronicResult && r.chance(0.85)) {
    run.act('return-result', run.after(r.uniform(1, 30)), reception, { returnMethod: 'ELECTRONIC' });
  } else if (d.channel === 'POSTAL' || (d.channel === 'ONLINE' && r.chance(0.5)) || r.chance(0.08)) {
    run.act('return-result', run.after(r.uniform(0.5, 2) * W), reception, { returnMethod: 'POST' });
  } else if (!r.chance(0.03)) {
    const wait = r.chance(0.55) ? r.uniform(0.1, 1.2) : r.chance(0.7) ? r.uniform(1, 5) : r.uniform(5, 20);
    run.act('return-result', run.after(wait * W), reception, { returnMethod: 'IN_PERSON' });
  }
  run.end();
}

/** Whether the applicant of a procedure's dossier is a business (by field), and which kind. */
export function businessApplicant(procedure: ProcedureInfo, r: Random): { organisation: boolean } | undefined {
  const rule = BUSINESS_FIELDS[procedure.field];
  return rule && r.chance(rule.share) ? { organisation: rule.organisation } : undefined;
}

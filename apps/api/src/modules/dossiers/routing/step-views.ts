import { type WorkingCalendar } from '@motcua/domain';
import type { DossierStep } from './dossier-step.entity';
import type { ControlSheetRow, DossierStepView } from './routing.dto';

const iso = (t: Date | null) => t?.toISOString() ?? null;

/** Final timeliness when done; WITHIN / DUE_SOON / OVERDUE while open (DOMAIN §5, per step). */
export function stepTimeliness(step: DossierStep, now: Date): DossierStepView['timeliness'] {
  if (step.status === 'DONE') return step.timeliness;
  if (step.status === 'PENDING' || step.status === 'CANCELLED' || !step.dueAt) return null;
  if (now > step.dueAt) return 'OVERDUE';
  return step.dueSoonAt && now >= step.dueSoonAt ? 'DUE_SOON' : 'WITHIN';
}

export function toStepView(
  step: DossierStep,
  agencyName: (id: string | null) => string | null,
  calendar: WorkingCalendar,
  now: Date,
): DossierStepView {
  const start = step.sentAt;
  return {
    id: step.id,
    seq: step.seq,
    stage: step.stage,
    name: step.name,
    agencyId: step.agencyId,
    agencyName: agencyName(step.agencyId) ?? '',
    role: step.role,
    status: step.status,
    assigneeId: step.assigneeId,
    assigneeName: step.assigneeName,
    budgetMinutes: step.budgetMinutes,
    sentAt: iso(step.sentAt),
    sentByName: step.sentByName,
    sentFromAgencyId: step.sentFromAgencyId,
    sentFromAgencyName: agencyName(step.sentFromAgencyId),
    acceptedAt: iso(step.acceptedAt),
    acceptedByName: step.acceptedByName,
    returnedAt: iso(step.returnedAt),
    returnReason: step.returnReason,
    completedAt: iso(step.completedAt),
    completedByName: step.completedByName,
    note: step.note,
    dueAt: iso(step.dueAt),
    timeliness: stepTimeliness(step, now),
    workingMinutesUsed: start && step.status !== 'PENDING' ? calendar.workingMinutesBetween(start, step.completedAt ?? now) : null,
  };
}

/** Form 06: one row per handover — who gave, who received, when, and the step's result. */
export function toControlSheetRow(step: DossierStep, agencyName: (id: string | null) => string | null): ControlSheetRow {
  return {
    seq: step.seq,
    step: step.name,
    status: step.status,
    agencyName: agencyName(step.agencyId) ?? '',
    givenBy: step.sentByName,
    givenAt: iso(step.sentAt),
    receivedBy: step.acceptedByName,
    receivedAt: iso(step.acceptedAt),
    dueAt: iso(step.dueAt),
    completedAt: iso(step.completedAt),
    result: step.status === 'DONE' ? step.timeliness : null,
    returnReason: step.returnReason,
    note: step.note,
  };
}

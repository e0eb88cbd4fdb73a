import { STATUS_LABELS_VI, type WorkingCalendar } from '@motcua/domain';
import { DossierEventResponse, DossierSummary } from './dto/dossier.dto';
import { DossierEvent } from './entities/dossier-event.entity';
import { Dossier } from './entities/dossier.entity';
import type { DossierRow } from './dossiers.repository';

/** Timeliness as users see it: final when finished, live (WITHIN / DUE_SOON / OVERDUE) while open. */
export function liveTimeliness(d: Dossier, now: Date): DossierSummary['timeliness'] {
  if (d.timeliness) return d.timeliness;
  if (d.finishedAt || !d.dueAt) return null;
  if (now > d.dueAt) return 'OVERDUE';
  return d.dueSoonAt && now >= d.dueSoonAt ? 'DUE_SOON' : 'WITHIN';
}

export function toSummary({ dossier: d, procedureName, procedureCode }: DossierRow, now: Date): DossierSummary {
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    statusCode: d.statusCode,
    statusText: STATUS_LABELS_VI[d.status],
    channel: d.channel,
    procedureCode,
    procedureName,
    applicantName: d.applicantName,
    receivingAgencyId: d.receivingAgencyId,
    competentAgencyId: d.competentAgencyId,
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: d.receivedAt?.toISOString() ?? null,
    dueAt: d.dueAt?.toISOString() ?? null,
    timeliness: liveTimeliness(d, now),
    version: d.version,
  };
}

export function toEvent(e: DossierEvent): DossierEventResponse {
  return {
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    actorName: e.actorName,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason,
    form: e.form,
  };
}

/** Clock figures of an open dossier, from the working calendar. */
export function clockFigures(d: Dossier, calendar: WorkingCalendar, now: Date) {
  const clockState = !d.receivedAt ? 'NOT_STARTED' : d.finishedAt ? 'STOPPED' : d.pausedSince ? 'PAUSED' : 'RUNNING';
  if (!d.receivedAt || !d.dueAt) return { clockState, workingMinutesUsed: null, workingMinutesLeft: null } as const;
  const end = d.finishedAt ?? d.pausedSince ?? now;
  const used = Math.max(0, calendar.workingMinutesBetween(d.receivedAt, end) - d.pausedMinutes);
  const left = end <= d.dueAt ? calendar.workingMinutesBetween(end, d.dueAt) : -calendar.workingMinutesBetween(d.dueAt, end);
  return { clockState, workingMinutesUsed: used, workingMinutesLeft: left } as const;
}
